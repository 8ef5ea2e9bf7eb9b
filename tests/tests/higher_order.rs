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
