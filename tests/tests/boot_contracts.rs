//! The boot contracts clarity-repl 2.0.0 ships (pox, pox-2, pox-3, bns, costs, costs-2,
//! costs-3, cost-voting, lockup, genesis) compile and deploy on Wasm with the
//! interpreter's state and cost, and scripted pox-3 and bns flows agree step by step.
//! They are deployed as user contracts (the chain's own copies run on the interpreter,
//! as a node's do), so their calls run on both runtimes.

use clarinet_wasm_tests::*;

fn boot_source(name: &str) -> &'static str {
    clarity_repl::repl::boot::STACKS_BOOT_CODE_TESTNET
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, s)| *s)
        .unwrap_or_else(|| panic!("no boot contract {name}"))
}

#[test]
fn every_boot_contract_deploys_alike() {
    let mut h = Harness::new();
    for (name, _) in clarity_repl::repl::boot::STACKS_BOOT_CODE_TESTNET.iter() {
        let deployer = h.deployer.clone();
        let r = h.d.deploy(
            &format!("my-{name}"),
            boot_source(name),
            &deployer,
            ClarityVersion::Clarity2,
        );
        h.expect(r, Expect::Deployed);
    }
    h.finish();
}

/// A step and what it shows, printed so the flow reads in the test's output.
fn step(h: &mut Harness, src: &str, value: &str) {
    let r = h.eval(src);
    eprintln!("{src}\n  => {}", render_result(&r.interpreter));
    h.expect(r, Expect::Value(value.to_string()));
}

#[test]
fn pox_3_flow_agrees() {
    let mut h = Harness::new();
    let deployer = h.deployer.clone();
    let r = h.d.deploy(
        "pox-3",
        boot_source("pox-3"),
        &deployer,
        ClarityVersion::Clarity2,
    );
    h.expect(r, Expect::Deployed);
    let w1 = h.principal("wallet_1");
    let w2 = h.principal("wallet_2");
    let addr = "{ version: 0x00, hashbytes: 0x7321b74e2b6a7e949e6c4ad313035b1665095017 }";
    let flow = [
        (format!("(contract-call? .pox-3 allow-contract-caller '{w1} none)"), "(ok true)".to_string()),
        (format!("(contract-call? .pox-3 get-stacker-info '{deployer})"), "none".to_string()),
        (format!("(contract-call? .pox-3 stack-stx u100000000000000 {addr} burn-block-height u1)"), format!("(ok (tuple (lock-amount u100000000000000) (stacker {deployer}) (unlock-burn-height u2100)))")),
        (format!("(contract-call? .pox-3 delegate-stx u5000 '{w2} none none)"), "(ok true)".to_string()),
        (format!("(contract-call? .pox-3 get-stacker-info '{deployer})"), "(some (tuple (delegated-to none) (first-reward-cycle u1) (lock-period u1) (pox-addr (tuple (hashbytes 0x7321b74e2b6a7e949e6c4ad313035b1665095017) (version 0x00))) (reward-set-indexes (u0))))".to_string()),
        (format!("(contract-call? .pox-3 get-delegation-info '{deployer})"), format!("(some (tuple (amount-ustx u5000) (delegated-to {w2}) (pox-addr none) (until-burn-ht none)))")),
        (format!("(contract-call? .pox-3 disallow-contract-caller '{w1})"), "(ok true)".to_string()),
        (format!("(contract-call? .pox-3 disallow-contract-caller '{w1})"), "(ok false)".to_string()),
        ("(contract-call? .pox-3 get-pox-info)".to_string(), "(ok (tuple (current-rejection-votes u0) (first-burnchain-block-height u0) (min-amount-ustx u125000000000) (prepare-cycle-length u50) (rejection-fraction u25) (reward-cycle-id u0) (reward-cycle-length u1050) (total-liquid-supply-ustx u1000000000000000)))".to_string()),
        ("(contract-call? .pox-3 current-pox-reward-cycle)".to_string(), "u0".to_string()),
    ];
    for (src, value) in flow {
        step(&mut h, &src, &value);
    }
    h.finish();
}

#[test]
fn bns_flow_agrees() {
    let mut h = Harness::new();
    let deployer = h.deployer.clone();
    let r = h.d.deploy(
        "bns",
        boot_source("bns"),
        &deployer,
        ClarityVersion::Clarity2,
    );
    h.expect(r, Expect::Deployed);
    let ns = "0x74657374"; // "test"
    let salt = "0x73616c74"; // "salt"
    let name = "0x616c696365"; // "alice"
    let pricing = "u1 u1 u1 u1 u1 u1 u1 u1 u1 u1 u1 u1 u1 u1 u1 u1 u1 u1 u1 u1";
    step(
        &mut h,
        &format!(
            "(contract-call? .bns namespace-preorder (hash160 (concat {ns} {salt})) u640000000000)"
        ),
        "(ok u144)",
    );
    h.d.advance_blocks(1);
    step(
        &mut h,
        &format!("(contract-call? .bns namespace-reveal {ns} {salt} {pricing} u0 tx-sender)"),
        "(ok true)",
    );
    step(
        &mut h,
        &format!("(contract-call? .bns namespace-ready {ns})"),
        "(ok true)",
    );
    // A name is preordered after its namespace's launch block.
    h.d.advance_blocks(1);
    step(&mut h, &format!("(contract-call? .bns name-preorder (hash160 (concat (concat (concat {name} 0x2e) {ns}) {salt})) u100000000)"), "(ok u146)");
    h.d.advance_blocks(1);
    step(&mut h, &format!("(contract-call? .bns name-register {ns} {name} {salt} 0x00112233445566778899aabbccddeeff00112233)"), "(ok true)");
    step(
        &mut h,
        &format!("(contract-call? .bns name-resolve {ns} {name})"),
        &format!("(ok (tuple (lease-ending-at none) (lease-started-at u3) (owner {deployer}) (zonefile-hash 0x00112233445566778899aabbccddeeff00112233)))"),
    );
    step(
        &mut h,
        &format!("(contract-call? .bns name-register {ns} {name} {salt} 0x00)"),
        "(err 2004)",
    );
    h.finish();
}
