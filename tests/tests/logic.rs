//! `< <= > >=` on ints, uints and (Clarity 2) strings and buffers; `and or not` with
//! short-circuiting.

use clarinet_wasm_tests::*;

fn ok_all(h: &mut Harness, cases: &[(&str, &str)]) {
    for (src, v) in cases {
        h.ok(src, v);
    }
}

/// All four comparisons of `a` and `b`, whose order is `ord` (-1, 0, 1).
fn compare_all(h: &mut Harness, a: &str, b: &str, ord: i32) {
    for (op, expect) in [
        ("<", ord < 0),
        ("<=", ord <= 0),
        (">", ord > 0),
        (">=", ord >= 0),
    ] {
        h.ok(&format!("({op} {a} {b})"), &expect.to_string());
    }
}

#[test]
fn compare_integers() {
    let mut h = Harness::new();
    let cases: &[(&str, &str, i32)] = &[
        ("1", "2", -1),
        ("2", "1", 1),
        ("5", "5", 0),
        ("-1", "0", -1),
        ("-1", "1", -1),
        (I128_MIN, I128_MAX, -1),
        (I128_MAX, I128_MIN, 1),
        (I128_MIN, I128_MIN, 0),
        ("-18446744073709551616", "18446744073709551615", -1),
        ("18446744073709551616", "18446744073709551615", 1),
        ("-1", "-18446744073709551616", 1),
    ];
    for (a, b, o) in cases {
        compare_all(&mut h, a, b, *o);
    }
    h.finish();
}

#[test]
fn compare_unsigned() {
    let mut h = Harness::new();
    let cases: &[(&str, &str, i32)] = &[
        ("u1", "u2", -1),
        ("u0", "u0", 0),
        ("u0", U128_MAX, -1),
        (U128_MAX, "u170141183460469231731687303715884105727", 1),
        (
            "u170141183460469231731687303715884105728",
            "u170141183460469231731687303715884105727",
            1,
        ),
        ("u18446744073709551616", "u18446744073709551615", 1),
        ("u18446744073709551615", "u18446744073709551616", -1),
        (U128_MAX, U128_MAX, 0),
    ];
    for (a, b, o) in cases {
        compare_all(&mut h, a, b, *o);
    }
    h.finish();
}

#[test]
fn compare_strings_and_buffers() {
    let mut h = Harness::new();
    let cases: &[(&str, &str, i32)] = &[
        ("\"abc\"", "\"abd\"", -1),
        ("\"abc\"", "\"abc\"", 0),
        ("\"b\"", "\"abc\"", 1),
        ("\"\"", "\"a\"", -1),
        ("\"\"", "\"\"", 0),
        ("\"ab\"", "\"abc\"", -1),
        ("\"Z\"", "\"a\"", -1),
        ("u\"abc\"", "u\"abd\"", -1),
        ("u\"\\u{1F600}\"", "u\"a\"", 1),
        ("u\"\\u{e9}\"", "u\"\\u{1F600}\"", -1),
        ("u\"\\u{1F600}\"", "u\"\\u{1F600}\"", 0),
        ("u\"\"", "u\"\\u{e9}\"", -1),
        ("u\"a\\u{e9}\"", "u\"a\"", 1),
        ("0x01", "0x02", -1),
        ("0x01", "0x0100", -1),
        ("0x", "0x00", -1),
        ("0xff", "0x00ff", 1),
        ("0xdeadbeef", "0xdeadbeef", 0),
        ("0x", "0x", 0),
    ];
    for (a, b, o) in cases {
        compare_all(&mut h, a, b, *o);
    }
    ok_all(
        &mut h,
        &[
            ("(< (len \"abc\") (len u\"\\u{1F600}\\u{1F600}\"))", "false"),
            (
                "(let ((s \"middle\")) (and (> s \"a\") (< s \"z\")))",
                "true",
            ),
        ],
    );
    h.finish();
}

#[test]
fn comparisons_inside_expressions() {
    let mut h = Harness::new();
    ok_all(
        &mut h,
        &[
            ("(< (+ 1 2) (* 2 2))", "true"),
            ("(>= (- u10 u3) (/ u21 u3))", "true"),
            ("(if (> 3 2) \"gt\" \"le\")", "\"gt\""),
            (
                "(list (< 1 2) (> 1 2) (<= 2 2) (>= 1 2))",
                "(true false true false)",
            ),
        ],
    );
    // Both operands are evaluated first.
    h.err("(< (/ 1 0) (to-int (- u0 u1)))", DIV_BY_ZERO);
    h.err("(< 1 (to-int (- u0 u1)))", UNDERFLOW);
    h.finish();
}

#[test]
fn boolean_operators() {
    let mut h = Harness::new();
    ok_all(
        &mut h,
        &[
            ("(not true)", "false"),
            ("(not false)", "true"),
            ("(not (not true))", "true"),
            ("(and true true)", "true"),
            ("(and true false)", "false"),
            ("(and false true)", "false"),
            ("(and true)", "true"),
            ("(and false)", "false"),
            ("(and true true true true)", "true"),
            ("(and true true false true)", "false"),
            ("(or false false)", "false"),
            ("(or false true)", "true"),
            ("(or true false)", "true"),
            ("(or false)", "false"),
            ("(or false false false true)", "true"),
            ("(and (or false true) (not false) (< 1 2))", "true"),
            ("(or (and true false) (is-eq 1 2) (not true))", "false"),
        ],
    );
    h.finish();
}

#[test]
fn boolean_short_circuit() {
    let mut h = Harness::new();
    let none_bool = "(unwrap-panic (if true none (some true)))";
    ok_all(
        &mut h,
        &[
            (&format!("(and false {none_bool})"), "false"),
            (&format!("(and true false {none_bool})"), "false"),
            (&format!("(or true {none_bool})"), "true"),
            (&format!("(or false true {none_bool})"), "true"),
            ("(and false (> (/ 1 0) 0))", "false"),
            ("(or true (is-eq (- u0 u1) u0))", "true"),
            (
                "(and false (unwrap! (if true none (some true)) false))",
                "false",
            ),
        ],
    );
    h.err(&format!("(and true {none_bool})"), "Runtime(UnwrapFailure)");
    h.err(&format!("(or false {none_bool})"), "Runtime(UnwrapFailure)");
    h.err("(and true (> (/ 1 0) 0))", DIV_BY_ZERO);
    // Prints happen only for the operands evaluated.
    let r = h.ok("(and (print true) (print false) (print true))", "false");
    let p = |v: &str| format!("print ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM.repl-snippet: {v}");
    h.events(&r, &[p("true"), p("false")]);
    let r = h.ok("(or (print false) (print true) (print false))", "true");
    h.events(&r, &[p("false"), p("true")]);
    h.finish();
}
