//! `map`, `fold`, `filter` with user functions and natives, over lists, strings and
//! buffers, with errors inside the loop and public functions (nested transactions).

use clarinet_wasm_tests::*;

const HOF: &str = r#"
(define-private (double (x int)) (* x 2))
(define-private (add-pair (a int) (b int)) (+ a b))
(define-private (sum-step (x int) (acc int)) (+ x acc))
(define-private (is-big (x int)) (> x 2))
(define-private (count-a (c (string-ascii 1)) (n uint)) (if (is-eq c "a") (+ n u1) n))
(define-private (is-vowel (c (string-utf8 1))) (or (is-eq c u"a") (is-eq c u"\u{e9}")))
(define-private (byte-sum (b (buff 1)) (acc uint)) (+ acc (buff-to-uint-be b)))
(define-private (keep-some (o (optional int))) (is-some o))
(define-private (tally (e { k: uint, v: (optional int) }) (acc { n: uint, s: int }))
  { n: (+ (get n acc) (get k e)), s: (+ (get s acc) (default-to 0 (get v e))) })
(define-data-var calls uint u0)
(define-public (touch (x uint)) (begin (var-set calls (+ (var-get calls) x)) (if (> x u2) (err x) (ok x))))
(define-read-only (get-calls) (var-get calls))
(define-public (touch-all) (ok (map touch (list u1 u2 u3))))
"#;

#[test]
fn map_fold_filter() {
    let mut h = Harness::new();
    h.deploy("hof", HOF);
    let cases: &[(&str, &str)] = &[
        ("(map double (list 1 2 3))", "(2 4 6)"),
        ("(map add-pair (list 1 2 3) (list 10 20))", "(11 22)"),
        ("(map + (list 1 2) (list 3 4) (list 5 6 7))", "(9 12)"),
        ("(map not (list true false))", "(false true)"),
        ("(fold sum-step (list 1 2 3 4) 0)", "10"),
        ("(fold + (list 1 2 3) 10)", "16"),
        ("(fold count-a \"banana\" u0)", "u3"),
        ("(fold byte-sum 0x0102ff u0)", "u258"),
        ("(filter is-big (list 5 1 7))", "(5 7)"),
        ("(filter is-big (list 0))", "()"),
        ("(filter is-vowel u\"caf\\u{e9}\")", "u\"a\\u{c3a9}\""),
        (
            "(filter keep-some (list (some 1) none (some 3)))",
            "((some 1) (some 3))",
        ),
        (
            "(fold tally (list { k: u1, v: (some 2) } { k: u3, v: none }) { n: u0, s: 0 })",
            "(tuple (n u4) (s 2))",
        ),
        (
            "(map double (filter is-big (map double (list 1 2 3))))",
            "(8 12)",
        ),
    ];
    // Each case is a read-only function of a contract beside HOF's helpers.
    let mut src = HOF.to_string();
    for (i, (expr, _)) in cases.iter().enumerate() {
        src.push_str(&format!("(define-read-only (case-{i}) {expr})\n"));
    }
    let c = h.deploy("cases", &src);
    for (i, (_, v)) in cases.iter().enumerate() {
        h.call_ok(&c, &format!("case-{i}"), &[], v);
    }
    h.finish();
}

#[test]
fn errors_and_transactions_inside_loops() {
    let mut h = Harness::new();
    let c = h.deploy("hof", HOF);
    h.err(
        "(fold * (list 1 2 170141183460469231731687303715884105727) 1)",
        &runtime("ArithmeticOverflow"),
    );
    // Each element's public call is its own nested transaction: the err one is rolled back.
    h.call_ok(&c, "touch-all", &[], "(ok ((ok u1) (ok u2) (err u3)))");
    h.call_ok(&c, "get-calls", &[], "u3");
    h.finish();
}

/// clarity-vm 2.1.1 does not stop `map` at an empty sequence when there are several: it
/// applies the function to the first elements of the non-empty ones, and over all their
/// elements when the empty sequences come last. A variadic native gives a value; a user
/// function or a native of fixed arity fails with `IncorrectArgumentCount`, after the
/// charges its application makes first. Every case is compared on both runtimes, costs
/// included.
#[test]
fn map_with_an_empty_sequence() {
    let mut h = Harness::new();
    h.deploy(
        "quirk",
        r#"
(define-private (add2 (a uint) (b uint)) (+ a b))
(define-private (join3 (a (string-ascii 4)) (b (string-ascii 4)) (c (string-ascii 4))) (concat a (concat b c)))
(define-read-only (sub3 (a (list 5 int)) (b (list 5 int)) (c (list 5 int))) (map - a b c))
(define-read-only (div2 (a (list 5 uint)) (b (list 5 uint))) (map / a b))
(define-read-only (and2 (a (list 5 bool)) (b (list 5 bool))) (map and a b))
(define-read-only (user2 (a (list 5 uint)) (b (list 5 uint))) (map add2 a b))
(define-read-only (user3 (a (list 3 (string-ascii 4))) (b (list 3 (string-ascii 4))) (c (list 3 (string-ascii 4)))) (map join3 a b c))
(define-read-only (pow2 (a (list 5 uint)) (b (list 5 uint))) (map pow a b))
(define-read-only (less2 (a (list 5 uint)) (b (list 5 uint))) (map < a b))
(define-read-only (shift2 (a (list 5 uint)) (b (list 5 uint))) (map bit-shift-left a b))
"#,
    );
    let call = |h: &mut Harness, src: &str| {
        format!(
            "(contract-call? '{}.{} {src})",
            h.account("deployer"),
            "quirk"
        )
    };
    let ok: &[(&str, &str)] = &[
        // An empty sequence first: one row, of the non-empty sequences' first elements.
        ("sub3 (list 1 2 3) (list) (list 4 5)", "(-3)"),
        ("sub3 (list) (list) (list 4 5)", "(-4)"),
        ("sub3 (list 9 8) (list) (list 1 2 3)", "(8)"),
        // Empty sequences last: every row of the non-empty ones.
        ("sub3 (list 1 2 3) (list 4 5) (list)", "(-3 -3)"),
        ("sub3 (list 9 8) (list 1 2 3) (list)", "(8 6)"),
        ("sub3 (list 5 6) (list) (list)", "(-5 -6)"),
        ("sub3 (list) (list) (list)", "()"),
        ("div2 (list u10 u20) (list)", "(u10 u20)"),
        ("and2 (list) (list true false)", "(true)"),
        ("user2 (list) (list)", "()"),
        // No empty sequence: the shortest bounds the loop.
        ("sub3 (list 1 2 3) (list 4 5) (list 7 8 9)", "(-10 -11)"),
    ];
    for (src, v) in ok {
        let e = call(&mut h, src);
        h.ok(&e, v);
    }
    let count = |n, m| format!("Unchecked(IncorrectArgumentCount({n}, {m}))");
    let errs: &[(&str, String)] = &[
        ("user2 (list u1) (list)", count(2, 1)),
        ("user2 (list) (list u1 u2)", count(2, 1)),
        ("user3 (list \"ab\") (list) (list \"cd\")", count(3, 2)),
        ("user3 (list) (list \"abcd\") (list)", count(3, 1)),
        ("pow2 (list) (list u2)", count(2, 1)),
        ("less2 (list u1) (list)", count(2, 1)),
        ("shift2 (list u1) (list)", count(2, 1)),
        ("div2 (list u10 u20) (list u0)", runtime("DivisionByZero")),
    ];
    for (src, kind) in errs {
        let e = call(&mut h, src);
        h.err(&e, kind);
    }
    h.finish();
}
