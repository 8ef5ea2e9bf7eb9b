//! Wasm calling a contract that only the interpreter runs (here: one the Wasm path is made
//! to refuse, by the test-only fault injection), statically and through a trait, with the
//! callee's writes rolled back when the Wasm caller fails.

use clarinet_wasm_tests::*;

const TRAITS: &str = "(define-trait counter ((bump (uint) (response uint uint))))";

const LEGACY: &str = r#"
(impl-trait .traits.counter)
(define-data-var n uint u0)
(define-public (bump (by uint))
  (begin (var-set n (+ (var-get n) by (if (> stx-liquid-supply u0) u0 u1000)))
         (print { legacy: (var-get n) })
         (ok (var-get n))))
(define-read-only (peek) (var-get n))
"#;

const USER: &str = r#"
(use-trait counter-trait .traits.counter)
(define-public (via-trait (c <counter-trait>) (by uint)) (contract-call? c bump by))
(define-public (direct (by uint)) (contract-call? .legacy bump by))
(define-public (then-fail (c <counter-trait>))
  (begin (try! (contract-call? c bump u10)) (err u5)))
"#;

#[test]
fn wasm_calls_an_interpreter_only_contract() {
    // Read once by the runtime, before the first contract is compiled.
    std::env::set_var("CLARINET_WASM_FAULT", "refuse:stx-liquid-supply");
    let mut h = Harness::new();
    h.deploy("traits", TRAITS);
    let deployer = h.deployer.clone();
    let r =
        h.d.deploy("legacy", LEGACY, &deployer, ClarityVersion::Clarity2);
    match &r.verdict {
        Verdict::WasmNotRun(msg) if msg.contains("not supported yet: stx-liquid-supply") => {}
        _ => h.fail(format!(
            "legacy should be interpreter-only\n  {}",
            describe(&r)
        )),
    }
    h.deploy("user", USER);
    ok_all(
        &mut h,
        &[
            ("(contract-call? .user via-trait .legacy u2)", "(ok u2)"),
            ("(contract-call? .user direct u3)", "(ok u5)"),
            ("(contract-call? .user then-fail .legacy)", "(err u5)"),
            ("(contract-call? .user via-trait .legacy u1)", "(ok u6)"),
        ],
    );
    h.finish();
}
