//! Static `contract-call?` on Wasm (Wasm calling Wasm): tx-sender kept, contract-caller set
//! to the calling contract, the callee's writes rolled back when it fails, read-only
//! callees, chains of calls, values of every type across the boundary, and calls into a
//! contract the compiler does not take (a boot contract), which run on the interpreter.

use clarinet_wasm_tests::*;

const DEPLOYER: &str = "ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM";
const WALLET_1: &str = "ST1SJ3DTE5DN7X54YDH5D64R3BCB6A2AG2ZQ8YPD5";

const LEDGER: &str = r#"
(define-data-var total uint u0)
(define-map entries principal { amount: uint, memo: (string-utf8 20) })
(define-public (record (amount uint) (memo (string-utf8 20)))
  (begin
    (asserts! (> amount u0) (err u1))
    (var-set total (+ (var-get total) amount))
    (map-set entries tx-sender { amount: amount, memo: memo })
    (print { sender: tx-sender, caller: contract-caller, amount: amount })
    (ok (var-get total))))
(define-public (record-then-fail (amount uint))
  (begin
    (var-set total (+ (var-get total) amount))
    (print "about to fail")
    (if (> amount u1000) (ok amount) (err u77))))
(define-public (record-then-panic (amount uint))
  (begin
    (var-set total (+ (var-get total) amount))
    (ok (/ amount u0))))
(define-read-only (get-total) (var-get total))
(define-read-only (entry (who principal)) (map-get? entries who))
(define-read-only (who-calls) { sender: tx-sender, caller: contract-caller })
(define-read-only (shapes (l (list 3 { a: int, b: (optional (buff 2)) })) (r (response (string-ascii 5) int)))
  { first: (element-or-none l), count: (len l), r: r })
(define-private (element-or-none (l (list 3 { a: int, b: (optional (buff 2)) })))
  (if (> (len l) u0) (some (unwrap-panic (some (get a { a: 1 })))) none))
"#;

const SHOP: &str = r#"
(define-data-var sales uint u0)
(define-public (buy (amount uint))
  (begin
    (var-set sales (+ (var-get sales) u1))
    (contract-call? .ledger record amount u"caf\u{e9}")))
(define-public (buy-and-recover (amount uint))
  (begin
    (var-set sales (+ (var-get sales) u1))
    (match (contract-call? .ledger record-then-fail amount)
      ok-value (ok ok-value)
      err-value (ok (+ err-value u1000)))))
(define-public (buy-and-fail (amount uint))
  (begin
    (var-set sales (+ (var-get sales) u1))
    (try! (contract-call? .ledger record amount u"x"))
    (err u5)))
(define-public (buy-and-panic (amount uint))
  (begin
    (var-set sales (+ (var-get sales) u1))
    (contract-call? .ledger record-then-panic amount)))
(define-read-only (total-seen) (contract-call? .ledger get-total))
(define-read-only (who) (contract-call? .ledger who-calls))
(define-read-only (shapes)
  (contract-call? .ledger shapes (list { a: 1, b: (some 0x0102) } { a: -2, b: none }) (ok "hi")))
(define-read-only (sales-count) (var-get sales))
"#;

const MALL: &str = r#"
(define-public (buy-through-shop (amount uint))
  (contract-call? .shop buy amount))
(define-read-only (who) (contract-call? .shop who))
"#;

fn setup() -> Harness {
    let mut h = Harness::new();
    h.deploy("ledger", LEDGER);
    h.deploy("shop", SHOP);
    h.deploy("mall", MALL);
    h
}

#[test]
fn caller_and_sender_across_contracts() {
    let mut h = setup();
    let shop = h.contract_id("shop");
    let mall = h.contract_id("mall");
    let w1 = h.principal("wallet_1");
    h.call_as(
        &shop,
        "who",
        &[],
        &w1,
        Expect::Value(format!(
            "(tuple (caller {DEPLOYER}.shop) (sender {WALLET_1}))"
        )),
    );
    h.call_as(
        &mall,
        "who",
        &[],
        &w1,
        Expect::Value(format!(
            "(tuple (caller {DEPLOYER}.shop) (sender {WALLET_1}))"
        )),
    );
    let r = h.call_as(
        &shop,
        "buy",
        &[Value::UInt(5)],
        &w1,
        Expect::Value("(ok u5)".into()),
    );
    h.events(&r, &[format!("print {DEPLOYER}.ledger: (tuple (amount u5) (caller {DEPLOYER}.shop) (sender {WALLET_1}))")]);
    h.call_ok(&shop, "total-seen", &[], "u5");
    let r = h.call_as(
        &mall,
        "buy-through-shop",
        &[Value::UInt(2)],
        &w1,
        Expect::Value("(ok u7)".into()),
    );
    h.events(&r, &[format!("print {DEPLOYER}.ledger: (tuple (amount u2) (caller {DEPLOYER}.shop) (sender {WALLET_1}))")]);
    let ledger = h.contract_id("ledger");
    h.call_ok(
        &ledger,
        "entry",
        &[principal(&h.account("wallet_1"))],
        "(some (tuple (amount u2) (memo u\"caf\\u{c3a9}\")))",
    );
    h.finish();
}

#[test]
fn failing_callee_is_rolled_back_alone() {
    let mut h = setup();
    let shop = h.contract_id("shop");
    // The callee's write and print vanish; the caller's write stays (it returns ok).
    let r = h.call_ok(&shop, "buy-and-recover", &[Value::UInt(9)], "(ok u1077)");
    h.events(&r, &[]);
    h.call_ok(&shop, "total-seen", &[], "u0");
    h.call_ok(&shop, "sales-count", &[], "u1");
    h.finish();
}

#[test]
fn failing_caller_rolls_back_both() {
    let mut h = setup();
    let shop = h.contract_id("shop");
    h.call_ok(&shop, "buy-and-fail", &[Value::UInt(3)], "(err u5)");
    h.call_ok(&shop, "total-seen", &[], "u0");
    h.call_ok(&shop, "sales-count", &[], "u0");
    h.call_err(
        &shop,
        "buy-and-panic",
        &[Value::UInt(3)],
        &runtime("DivisionByZero"),
    );
    h.call_ok(&shop, "total-seen", &[], "u0");
    h.call_ok(&shop, "sales-count", &[], "u0");
    h.finish();
}

#[test]
fn values_of_every_shape_cross_the_boundary() {
    let mut h = setup();
    let shop = h.contract_id("shop");
    h.call_ok(
        &shop,
        "shapes",
        &[],
        "(tuple (count u2) (first (some 1)) (r (ok \"hi\")))",
    );
    h.finish();
}

#[test]
fn calls_into_boot_contracts_run_on_the_interpreter() {
    let mut h = Harness::new();
    let c = h.deploy(
        "poxer",
        "(define-read-only (cycle-length) (get reward-cycle-length (unwrap-panic (contract-call? 'ST000000000000000000002AMW42H.pox-3 get-pox-info))))",
    );
    h.call_ok(&c, "cycle-length", &[], "u1050");
    h.finish();
}

#[test]
fn direct_calls_from_a_transaction_snippet() {
    let mut h = setup();
    h.ok("(contract-call? .ledger record u4 u\"tx\")", "(ok u4)");
    h.ok("(contract-call? .ledger get-total)", "u4");
    // Nested in an expression, the snippet is the caller.
    h.ok(
        "(get caller (contract-call? .ledger who-calls))",
        &format!("{DEPLOYER}.repl-snippet"),
    );
    h.finish();
}
