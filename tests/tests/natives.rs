//! Natives applied by the host (hashing, conversions, sequences accessors, STX, tokens,
//! block info) and `as-contract`: values, errors, events and state must agree.

use clarinet_wasm_tests::*;

const DEPLOYER: &str = "ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM";
const WALLET_1: &str = "ST1SJ3DTE5DN7X54YDH5D64R3BCB6A2AG2ZQ8YPD5";

#[test]
fn hashing_conversions_and_sequences() {
    let mut h = Harness::new();
    ok_all(
        &mut h,
        &[
            ("(sha256 0x00)", "0x6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
            ("(sha256 1)", "0x4cbbd8ca5215b8d161aec181a74b694f4e24b001d5b081dc0030ed797a8973e0"),
            ("(len (sha512 u5))", "u64"),
            ("(len (keccak256 0x))", "u32"),
            ("(len (hash160 (sha512/256 0x01)))", "u20"),
            ("(buff-to-uint-be 0x0102)", "u258"),
            ("(buff-to-int-le 0xff)", "255"),
            ("(int-to-ascii -42)", "\"-42\""),
            ("(string-to-int? \"12x\")", "none"),
            ("(string-to-uint? \"77\")", "(some u77)"),
            ("(concat \"ab\" \"cd\")", "\"abcd\""),
            ("(concat (list 1 2) (list 3))", "(1 2 3)"),
            ("(append (list (some 1)) none)", "((some 1) none)"),
            ("(element-at? (list 1 2 3) u5)", "none"),
            ("(index-of? \"hello\" \"l\")", "(some u2)"),
            ("(slice? 0x00112233 u1 u3)", "(some 0x1122)"),
            ("(as-max-len? (list 1 2 3) u2)", "none"),
            ("(replace-at? (list {a: 1} {a: 2}) u1 {a: 9})", "(some ((tuple (a 1)) (tuple (a 9))))"),
            ("(bit-and 12 10)", "8"),
            ("(bit-shift-left u1 u127)", "u170141183460469231731687303715884105728"),
            ("(is-standard 'ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM)", "true"),
            ("(principal-destruct? 'ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM.c)", "(ok (tuple (hash-bytes 0x6d78de7b0625dfbfc16c3a8a5735f6dc3dc3f2ce) (name (some \"c\")) (version 0x1a)))"),
            ("(to-consensus-buff? (some u1))", "(some 0x0a0100000000000000000000000000000001)"),
            ("(get-block-info? time u0)", "none"),
            ("(from-consensus-buff? (optional uint) 0x0a0100000000000000000000000000000001)", "(some (some u1))"),
            ("(from-consensus-buff? int 0x00)", "none"),
            ("(from-consensus-buff? { a: (list 2 bool) } (unwrap-panic (to-consensus-buff? { a: (list true) })))", "(some (tuple (a (true))))"),
        ],
    );
    err_all(
        &mut h,
        &[(
            "(unwrap-panic (element-at? (list 1) u1))",
            &runtime("UnwrapFailure"),
        )],
    );
    h.finish();
}

const TOKEN: &str = r#"
(define-fungible-token gold u1000)
(define-non-fungible-token badge uint)
(define-constant owner tx-sender)
(define-public (mint (amount uint) (to principal))
  (begin (asserts! (is-eq tx-sender owner) (err u100)) (ft-mint? gold amount to)))
(define-public (send (amount uint) (to principal)) (ft-transfer? gold amount tx-sender to))
(define-public (burn (amount uint)) (ft-burn? gold amount tx-sender))
(define-public (badge-for (id uint) (to principal)) (nft-mint? badge id to))
(define-public (give-badge (id uint) (to principal)) (nft-transfer? badge id tx-sender to))
(define-read-only (balance (who principal)) (ft-get-balance gold who))
(define-read-only (supply) (ft-get-supply gold))
(define-read-only (badge-owner (id uint)) (nft-get-owner? badge id))
(define-public (deposit (amount uint)) (stx-transfer? amount tx-sender (as-contract tx-sender)))
(define-public (withdraw (amount uint) (to principal))
  (as-contract (begin (print { inside: tx-sender, caller: contract-caller }) (stx-transfer? amount tx-sender to))))
(define-public (withdraw-then-fail (amount uint))
  (begin (try! (as-contract (stx-transfer? amount tx-sender owner))) (err u7)))
(define-read-only (vault) (stx-get-balance (as-contract tx-sender)))
(define-read-only (whoami) { sender: tx-sender, inside: (as-contract tx-sender), after: tx-sender })
"#;

#[test]
fn fungible_and_non_fungible_tokens() {
    let mut h = Harness::new();
    let c = h.deploy("token", TOKEN);
    let w1 = h.account("wallet_1");
    let w1p = h.principal("wallet_1");
    let me = principal(&h.account("deployer"));
    let r = h.call_ok(&c, "mint", &[Value::UInt(600), me.clone()], "(ok true)");
    h.events(
        &r,
        &[format!("ft-mint {DEPLOYER}.token::gold 600 -> {DEPLOYER}")],
    );
    h.call_err(
        &c,
        "mint",
        &[Value::UInt(600), me.clone()],
        &runtime("SupplyOverflow(1200, 1000)"),
    );
    h.call_as(
        &c,
        "mint",
        &[Value::UInt(1), principal(&w1)],
        &w1p,
        Expect::Value("(err u100)".into()),
    );
    h.call_ok(&c, "send", &[Value::UInt(50), principal(&w1)], "(ok true)");
    h.call_ok(&c, "send", &[Value::UInt(5000), principal(&w1)], "(err u1)");
    h.call_ok(&c, "send", &[Value::UInt(0), principal(&w1)], "(err u3)");
    h.call_ok(&c, "burn", &[Value::UInt(10)], "(ok true)");
    h.call_ok(&c, "balance", &[principal(&w1)], "u50");
    h.call_ok(&c, "supply", &[], "u590");
    h.call_ok(&c, "badge-for", &[Value::UInt(7), me.clone()], "(ok true)");
    h.call_ok(&c, "badge-for", &[Value::UInt(7), me.clone()], "(err u1)");
    h.call_ok(
        &c,
        "give-badge",
        &[Value::UInt(7), principal(&w1)],
        "(ok true)",
    );
    h.call_ok(
        &c,
        "badge-owner",
        &[Value::UInt(7)],
        &format!("(some {WALLET_1})"),
    );
    h.call_ok(
        &c,
        "give-badge",
        &[Value::UInt(7), principal(&w1)],
        "(err u1)",
    );
    h.finish();
}

#[test]
fn stx_and_as_contract() {
    let mut h = Harness::new();
    let c = h.deploy("token", TOKEN);
    let w1 = h.account("wallet_1");
    h.call_ok(
        &c,
        "whoami",
        &[],
        &format!("(tuple (after {DEPLOYER}) (inside {DEPLOYER}.token) (sender {DEPLOYER}))"),
    );
    let r = h.call_ok(&c, "deposit", &[Value::UInt(1000)], "(ok true)");
    h.events(
        &r,
        &[format!("stx-transfer 1000 {DEPLOYER} -> {DEPLOYER}.token")],
    );
    let r = h.call_ok(
        &c,
        "withdraw",
        &[Value::UInt(300), principal(&w1)],
        "(ok true)",
    );
    h.events(
        &r,
        &[
            format!("print {DEPLOYER}.token: (tuple (caller {DEPLOYER}.token) (inside {DEPLOYER}.token))"),
            format!("stx-transfer 300 {DEPLOYER}.token -> {WALLET_1}"),
        ],
    );
    h.call_ok(
        &c,
        "withdraw",
        &[Value::UInt(5000), principal(&w1)],
        "(err u1)",
    );
    h.call_ok(&c, "withdraw-then-fail", &[Value::UInt(100)], "(err u7)");
    h.call_ok(&c, "vault", &[], "u700");
    h.ok(
        "(stx-get-balance 'ST1SJ3DTE5DN7X54YDH5D64R3BCB6A2AG2ZQ8YPD5)",
        "u100000000000300",
    );
    h.ok("(stx-burn? u5 tx-sender)", "(ok true)");
    h.ok("(get locked (stx-account tx-sender))", "u0");
    h.finish();
}
