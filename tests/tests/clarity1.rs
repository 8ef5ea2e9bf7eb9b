//! Clarity 1 on epoch 2.05 (and a Clarity 1 contract on the Clarity 2 devnet chain).

use clarinet_wasm_tests::*;

const DEPLOYER: &str = "ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM";
const WALLET_1: &str = "ST1SJ3DTE5DN7X54YDH5D64R3BCB6A2AG2ZQ8YPD5";

#[test]
fn epoch_2_05_is_clarity_1() {
    let h = Harness::clarity1();
    assert_eq!(h.d.interp.epoch, StacksEpochId::Epoch2_05);
    assert_eq!(h.d.wasm.epoch, StacksEpochId::Epoch2_05);
    assert_eq!(h.d.interp.clarity_version, ClarityVersion::Clarity1);
    h.finish();
}

#[test]
fn clarity1_snippets() {
    let mut h = Harness::clarity1();
    let cases: &[(&str, &str)] = &[
        ("(+ 1 2 3)", "6"),
        (&format!("(- {I128_MAX} {I128_MAX})"), "0"),
        ("(* u4294967296 u4294967296)", "u18446744073709551616"),
        ("(pow 2 10)", "1024"),
        ("(sqrti u17)", "u4"),
        ("(log2 1024)", "10"),
        ("(xor 12 10)", "6"),
        ("(to-uint 5)", "u5"),
        ("(< 1 2)", "true"),
        ("(>= u2 u3)", "false"),
        ("(and true (or false true) (not false))", "true"),
        (
            "(is-eq {a: (list 1 2), b: (some \"x\")} {a: (list 1 2), b: (some \"x\")})",
            "true",
        ),
        (
            "(let ((a 2) (b (* a a))) (if (> b 3) (ok b) (err u0)))",
            "(ok 4)",
        ),
        ("(match (some 5) v (+ v 1) 0)", "6"),
        ("(default-to u9 (if true none (some u1)))", "u9"),
        (
            "(merge {a: 1} {b: u\"\\u{1F600}\"})",
            "(tuple (a 1) (b u\"\\u{f09f9880}\"))",
        ),
        ("(len (list (list 1) (list)))", "u2"),
        ("(get x {x: 0xab})", "0xab"),
        ("tx-sender", DEPLOYER),
        ("block-height", "u0"),
        ("is-in-regtest", "false"),
    ];
    for (src, v) in cases {
        h.ok(src, v);
    }
    let r = h.ok(
        "(print {v: u\"\\u{e9}\", l: (list none (some 1))})",
        "(tuple (l (none (some 1))) (v u\"\\u{c3a9}\"))",
    );
    h.events(
        &r,
        &[format!(
            "print {DEPLOYER}.repl-snippet: (tuple (l (none (some 1))) (v u\"\\u{{c3a9}}\"))"
        )],
    );
    let errors: &[(&str, &str)] = &[
        (&format!("(+ {I128_MAX} 1)"), OVERFLOW),
        ("(- u0 u1)", UNDERFLOW),
        ("(/ 5 0)", DIV_BY_ZERO),
        (&format!("(/ {I128_MIN} -1)"), DIV_BY_ZERO),
        ("(pow u2 u128)", OVERFLOW),
        ("(unwrap-panic (if true none (some 1)))", "Runtime(UnwrapFailure)"),
        ("(unwrap! (if true none (some 1)) u3)", "ShortReturn(ExpectedValue(UInt(3)))"),
        ("(asserts! false (err 1))", "ShortReturn(AssertionFailed(Response(ResponseData { committed: false, data: Int(1) })))"),
    ];
    for (src, k) in errors {
        h.err(src, k);
    }
    h.finish();
}

#[test]
fn clarity1_rejects_clarity2_forms() {
    // Comparisons of strings and buffers, and the Clarity 2 keywords `chain-id` and
    // `is-in-mainnet`, do not type-check in Clarity 1: both runtimes report the analysis
    // error. (`is-in-regtest` exists in Clarity 1.)
    let mut h = Harness::clarity1();
    for src in [
        "(< \"a\" \"b\")",
        "(>= 0x01 0x02)",
        "chain-id",
        "is-in-mainnet",
    ] {
        h.err_containing(src, "analysis");
    }
    h.finish();
}

#[test]
fn clarity1_contracts_on_epoch_2_05() {
    let mut h = Harness::clarity1();
    let c = h.deploy_fixture("storage");
    let w1 = h.account("wallet_1");
    let deployer = h.deployer.clone();
    h.call_ok(&c, "get-counter", &[], "u1");
    h.call_ok(&c, "increment", &[Value::UInt(4)], "(ok u5)");
    h.call_ok(
        &c,
        "transfer",
        &[principal(&w1), Value::UInt(10)],
        "(ok true)",
    );
    h.call_ok(&c, "balance-or-zero", &[principal(&deployer)], "u990");
    h.call_ok(
        &c,
        "insert-balance",
        &[principal(&w1), Value::UInt(1)],
        "(ok false)",
    );
    h.call_ok(&c, "delete-balance", &[principal(&w1)], "(ok true)");
    h.call_ok(&c, "delete-balance", &[principal(&w1)], "(ok false)");
    h.call_ok(&c, "increment-then-fail", &[Value::UInt(10)], "(err u1)");
    h.call_err(&c, "increment-then-panic", &[Value::UInt(10)], DIV_BY_ZERO);
    h.call_ok(&c, "get-counter", &[], "u5");
    let t = h.deploy_fixture("types");
    h.call_ok(&t, "echo-utf8", &[utf8("\u{1F600}")], "u\"\\u{f09f9880}\"");
    h.call_ok(
        &t,
        "use-privates",
        &[Value::Bool(true), principal(&w1)],
        &format!("(tuple (both (tuple (ok true) (r (ok 1)))) (inc (tuple (i 42) (n u3) (u u42))) (picked {WALLET_1}) (wrapped (some u\"\\u{{f09f9880}}\")))"),
    );
    let ctl = h.deploy_fixture("control");
    h.call_ok(&ctl, "try-chain", &[Value::Int(120)], "(ok 150)");
    h.call_ok(&ctl, "match-nested", &[some(ok(some(Value::Int(1))))], "2");
    h.finish();
}

#[test]
fn clarity1_contract_on_clarity2_chain() {
    let mut h = Harness::new();
    let src = "(define-data-var n uint u0)\n\
               (define-public (bump) (begin (var-set n (+ (var-get n) u1)) (ok (var-get n))))\n\
               (define-read-only (who) {sender: tx-sender, height: block-height})";
    let c = h.deploy_version("legacy", src, ClarityVersion::Clarity1);
    h.call_ok(&c, "bump", &[], "(ok u1)");
    h.call_ok(&c, "bump", &[], "(ok u2)");
    h.d.advance_blocks(3);
    h.call_ok(
        &c,
        "who",
        &[],
        &format!("(tuple (height u3) (sender {DEPLOYER}))"),
    );
    h.finish();
}
