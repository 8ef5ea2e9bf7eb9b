//! Traits: `define-trait`, `impl-trait`, `use-trait`, trait-typed arguments,
//! `contract-of` and dynamic `contract-call?`, with the interpreter's run-time checks
//! (the callee exists, defines the function with the trait's signature, is not private,
//! returns what the trait promises) and the callee's writes rolled back when the caller
//! fails. Each step runs on both runtimes: value, events, state and cost must agree.

use clarinet_wasm_tests::*;

const TRAITS: &str = r#"
(define-trait counter
  ((bump (uint) (response uint uint))
   (peek () (response uint uint))))
(define-trait named ((name () (response (string-ascii 10) uint))))
"#;

/// Declares it implements `counter`.
const EXPLICIT: &str = r#"
(impl-trait .traits.counter)
(define-data-var n uint u0)
(define-public (bump (by uint))
  (begin (asserts! (> by u0) (err u1))
         (var-set n (+ (var-get n) by))
         (print { bumped: by })
         (ok (var-get n))))
(define-public (peek) (ok (var-get n)))
"#;

/// Has the functions, does not say so.
const IMPLICIT: &str = r#"
(define-data-var n uint u100)
(define-public (bump (by uint)) (begin (var-set n (- (var-get n) by)) (ok (var-get n))))
(define-public (peek) (ok (var-get n)))
(define-public (name) (ok "implicit"))
"#;

/// `bump` takes the wrong argument type.
const WRONG_ARGS: &str = r#"
(define-public (bump (by int)) (ok u0))
(define-public (peek) (ok u0))
"#;

/// `peek` is private; `bump` returns something else than the trait promises.
const BAD: &str = r#"
(define-public (bump (by uint)) (ok true))
(define-private (peek) (ok u0))
"#;

/// No `peek` at all.
const MISSING: &str = r#"
(define-public (bump (by uint)) (ok by))
"#;

const USER: &str = r#"
(use-trait counter-trait .traits.counter)
(use-trait named-trait .traits.named)
(define-data-var calls uint u0)
(define-public (bump-via (c <counter-trait>) (by uint))
  (begin (var-set calls (+ (var-get calls) u1))
         (contract-call? c bump by)))
(define-public (peek-via (c <counter-trait>)) (contract-call? c peek))
(define-read-only (which (c <counter-trait>)) (contract-of c))
(define-private (bump-private (c <counter-trait>) (by uint)) (contract-call? c bump by))
(define-public (through-private (c <counter-trait>)) (bump-private c u3))
(define-public (through-let (c <counter-trait>))
  (let ((d c) (e u2)) (contract-call? d bump e)))
(define-public (bump-twice (a <counter-trait>) (b <counter-trait>))
  (begin (try! (contract-call? a bump u1)) (contract-call? b bump u1)))
(define-public (bump-then-fail (c <counter-trait>))
  (begin (try! (contract-call? c bump u5)) (err u99)))
(define-public (bump-n (c <counter-trait>) (n uint))
  (begin (asserts! (> n u0) (ok u0))
         (try! (contract-call? c bump u1))
         (ok n)))
(define-public (maybe-bump (c (optional <counter-trait>)))
  (match c target (contract-call? target bump u1) (ok u0)))
(define-public (name-of (x <named-trait>)) (contract-call? x name))
"#;

fn deploy_all(h: &mut Harness) {
    h.deploy("traits", TRAITS);
    h.deploy("explicit", EXPLICIT);
    h.deploy("implicit", IMPLICIT);
    h.deploy("wrong-args", WRONG_ARGS);
    h.deploy("bad", BAD);
    h.deploy("missing", MISSING);
    h.deploy("user", USER);
}

#[test]
fn dynamic_calls_agree() {
    let mut h = Harness::new();
    deploy_all(&mut h);
    let d = h.deployer.to_string();
    ok_all(
        &mut h,
        &[
            ("(contract-call? .user bump-via .explicit u4)", "(ok u4)"),
            ("(contract-call? .user bump-via .explicit u0)", "(err u1)"),
            ("(contract-call? .user peek-via .explicit)", "(ok u4)"),
            ("(contract-call? .user bump-via .implicit u1)", "(ok u99)"),
            (
                "(contract-call? .user through-private .explicit)",
                "(ok u7)",
            ),
            ("(contract-call? .user through-let .implicit)", "(ok u97)"),
            (
                "(contract-call? .user bump-twice .explicit .implicit)",
                "(ok u96)",
            ),
            (
                "(contract-call? .user bump-then-fail .explicit)",
                "(err u99)",
            ),
            // The callee's write was rolled back with the caller's.
            ("(contract-call? .user peek-via .explicit)", "(ok u8)"),
            (
                "(contract-call? .user maybe-bump (some .explicit))",
                "(ok u9)",
            ),
            ("(contract-call? .user maybe-bump none)", "(ok u0)"),
            (
                "(contract-call? .user name-of .implicit)",
                "(ok \"implicit\")",
            ),
            ("(contract-call? .user bump-via .missing u1)", "(ok u1)"),
            (
                "(contract-call? .user which .implicit)",
                &format!("{d}.implicit"),
            ),
        ],
    );
    h.finish();
}

#[test]
fn dynamic_call_checks_agree() {
    let mut h = Harness::new();
    deploy_all(&mut h);
    // Each refusal of the interpreter's run-time checks, reached through a transaction's
    // argument (a snippet's would be refused by the type checker first). A contract that
    // does not exist is left out: clarity-vm 2.1.1 panics reading its metadata.
    let user = h.contract_id("user");
    let wallet = h.principal("wallet_1");
    let c = |h: &Harness, n: &str| Value::Principal(h.contract_id(n).into());
    let cases = [
        (
            "bump-via",
            vec![c(&h, "wrong-args"), Value::UInt(1)],
            "BadTraitImplementation",
        ),
        (
            "bump-via",
            vec![c(&h, "bad"), Value::UInt(1)],
            "ReturnTypesMustMatch",
        ),
        ("peek-via", vec![c(&h, "bad")], "NoSuchPublicFunction"),
        ("peek-via", vec![c(&h, "missing")], "BadTraitImplementation"),
        (
            "bump-via",
            vec![c(&h, "user"), Value::UInt(1)],
            "CircularReference",
        ),
    ];
    for (f, args, kind) in cases {
        h.call_as(
            &user,
            f,
            &args,
            &wallet,
            Expect::ErrorContaining(kind.into()),
        );
    }
    h.finish();
}

#[test]
fn trait_arguments_from_transactions() {
    let mut h = Harness::new();
    deploy_all(&mut h);
    let user = h.contract_id("user");
    let explicit = Value::Principal(h.contract_id("explicit").into());
    let implicit = Value::Principal(h.contract_id("implicit").into());
    let wallet = h.principal("wallet_1");
    h.call_as(
        &user,
        "bump-via",
        &[explicit.clone(), Value::UInt(2)],
        &wallet,
        Expect::Value("(ok u2)".into()),
    );
    h.call_as(
        &user,
        "bump-twice",
        &[implicit, explicit],
        &wallet,
        Expect::Value("(ok u3)".into()),
    );
    h.finish();
}

#[test]
fn clarity1_traits() {
    let mut h = Harness::clarity1();
    h.deploy("traits", TRAITS);
    h.deploy("explicit", EXPLICIT);
    h.deploy(
        "user1",
        r#"
(use-trait counter-trait .traits.counter)
(define-public (bump-via (c <counter-trait>) (by uint)) (contract-call? c bump by))
(define-public (which (c <counter-trait>)) (ok (contract-of c)))
"#,
    );
    let d = h.deployer.to_string();
    ok_all(
        &mut h,
        &[
            ("(contract-call? .user1 bump-via .explicit u3)", "(ok u3)"),
            (
                "(contract-call? .user1 which .explicit)",
                &format!("(ok {d}.explicit)"),
            ),
        ],
    );
    h.finish();
}
