//! `+ - * / mod pow sqrti log2 xor to-int to-uint` on int and uint, across the whole
//! 128-bit range, with the interpreter's errors; variadic forms; argument evaluation order.

use clarinet_wasm_tests::*;

const U64: &str = "18446744073709551616"; // 2^64

#[test]
fn addition() {
    let mut h = Harness::new();
    ok_all(
        &mut h,
        &[
            ("(+ 1 2)", "3"),
            ("(+ 1 2 3 4)", "10"),
            ("(+ 7)", "7"),
            ("(+ -5 3)", "-2"),
            ("(+ 18446744073709551615 1)", U64),
            ("(+ -18446744073709551616 -1)", "-18446744073709551617"),
            (&format!("(+ {I128_MAX} 0)"), I128_MAX),
            (&format!("(+ {I128_MAX} {I128_MIN})"), "-1"),
            ("(+ 170141183460469231731687303715884105726 1)", I128_MAX),
            ("(+ u1 u2 u3)", "u6"),
            ("(+ u18446744073709551615 u1)", "u18446744073709551616"),
            ("(+ u340282366920938463463374607431768211454 u1)", U128_MAX),
        ],
    );
    err_all(
        &mut h,
        &[
            (&format!("(+ {I128_MAX} 1)"), OVERFLOW),
            (&format!("(+ {I128_MIN} -1)"), OVERFLOW),
            (&format!("(+ 1 {I128_MAX})"), OVERFLOW),
            (&format!("(+ {I128_MAX} 1 -5)"), OVERFLOW),
            (&format!("(+ {U128_MAX} u1)"), OVERFLOW),
            (&format!("(+ u1 u2 {U128_MAX})"), OVERFLOW),
        ],
    );
    h.finish();
}

#[test]
fn subtraction_and_negation() {
    let mut h = Harness::new();
    ok_all(
        &mut h,
        &[
            ("(- 5 3)", "2"),
            ("(- 3 5)", "-2"),
            ("(- 10 1 2 3)", "4"),
            ("(- 5)", "-5"),
            ("(- -5)", "5"),
            ("(- 0)", "0"),
            (
                &format!("(- {I128_MAX})"),
                "-170141183460469231731687303715884105727",
            ),
            ("(- 0 18446744073709551616)", "-18446744073709551616"),
            ("(- u5 u3)", "u2"),
            ("(- u18446744073709551616 u1)", "u18446744073709551615"),
            ("(- u10 u1 u2 u3)", "u4"),
            ("(- u0)", "u0"),
            (&format!("(- {U128_MAX} {U128_MAX})"), "u0"),
        ],
    );
    err_all(
        &mut h,
        &[
            ("(- u0 u1)", UNDERFLOW),
            ("(- u5 u3 u3)", UNDERFLOW),
            ("(- u5)", UNDERFLOW),
            (&format!("(- {I128_MIN})"), UNDERFLOW),
            (&format!("(- {I128_MIN} 1)"), UNDERFLOW),
            (&format!("(- {I128_MAX} -1)"), UNDERFLOW),
            (&format!("(- -2 {I128_MAX})"), UNDERFLOW),
        ],
    );
    h.finish();
}

#[test]
fn multiplication() {
    let mut h = Harness::new();
    ok_all(
        &mut h,
        &[
            ("(* 2 3)", "6"),
            ("(* 2)", "2"),
            ("(* 1 2 3 4 5)", "120"),
            ("(* -3 4)", "-12"),
            ("(* -3 -4)", "12"),
            ("(* 4294967296 4294967296)", U64),
            ("(* 18446744073709551616 -1)", "-18446744073709551616"),
            (&format!("(* {I128_MIN} 1)"), I128_MIN),
            ("(* -85070591730234615865843651857942052864 2)", I128_MIN),
            ("(* u4294967296 u4294967296)", "u18446744073709551616"),
            (
                "(* u18446744073709551616 u18446744073709551615)",
                "u340282366920938463444927863358058659840",
            ),
            (&format!("(* {U128_MAX} u1)"), U128_MAX),
            ("(* u0 u5)", "u0"),
        ],
    );
    err_all(
        &mut h,
        &[
            (&format!("(* {I128_MAX} 2)"), OVERFLOW),
            (&format!("(* {I128_MIN} -1)"), OVERFLOW),
            ("(* 85070591730234615865843651857942052864 2)", OVERFLOW),
            ("(* 18446744073709551616 18446744073709551616)", OVERFLOW),
            (&format!("(* {U128_MAX} u2)"), OVERFLOW),
            ("(* u18446744073709551616 u18446744073709551616)", OVERFLOW),
            (
                "(* u2 u2 u170141183460469231731687303715884105728)",
                OVERFLOW,
            ),
        ],
    );
    h.finish();
}

#[test]
fn division_and_modulo() {
    let mut h = Harness::new();
    ok_all(
        &mut h,
        &[
            ("(/ 7 2)", "3"),
            ("(/ -7 2)", "-3"),
            ("(/ 7 -2)", "-3"),
            ("(/ -7 -2)", "3"),
            ("(/ 7)", "7"),
            ("(/ 100 2 5)", "10"),
            (&format!("(/ {I128_MIN} 1)"), I128_MIN),
            (
                &format!("(/ {I128_MIN} 2)"),
                "-85070591730234615865843651857942052864",
            ),
            (
                &format!("(/ {I128_MAX} -1)"),
                "-170141183460469231731687303715884105727",
            ),
            ("(/ u7 u2)", "u3"),
            (
                &format!("(/ {U128_MAX} u18446744073709551616)"),
                "u18446744073709551615",
            ),
            (
                &format!("(/ {U128_MAX} u3)"),
                "u113427455640312821154458202477256070485",
            ),
            ("(mod 7 3)", "1"),
            ("(mod -7 3)", "-1"),
            ("(mod 7 -3)", "1"),
            ("(mod -7 -3)", "-1"),
            (&format!("(mod {I128_MIN} 7)"), "-2"),
            (
                &format!("(mod {I128_MAX} 18446744073709551616)"),
                "18446744073709551615",
            ),
            ("(mod u7 u3)", "u1"),
            (&format!("(mod {U128_MAX} u1000000007)"), "u279632276"),
        ],
    );
    err_all(
        &mut h,
        &[
            ("(/ 1 0)", DIV_BY_ZERO),
            ("(/ u1 u0)", DIV_BY_ZERO),
            ("(/ 0 0)", DIV_BY_ZERO),
            ("(/ 100 2 0)", DIV_BY_ZERO),
            // The interpreter's checked division reports i128::MIN / -1 as division by zero.
            (&format!("(/ {I128_MIN} -1)"), DIV_BY_ZERO),
            (&format!("(/ {I128_MIN} 1 -1)"), DIV_BY_ZERO),
            ("(mod 1 0)", DIV_BY_ZERO),
            ("(mod u1 u0)", DIV_BY_ZERO),
            (&format!("(mod {I128_MIN} -1)"), DIV_BY_ZERO),
        ],
    );
    h.finish();
}

#[test]
fn power() {
    let mut h = Harness::new();
    let pow_msg = arithmetic("Power argument to (pow ...) must be a u32 integer");
    ok_all(
        &mut h,
        &[
            ("(pow 2 10)", "1024"),
            ("(pow -2 3)", "-8"),
            ("(pow 2 0)", "1"),
            ("(pow 0 0)", "1"),
            ("(pow 0 5)", "0"),
            ("(pow 7 1)", "7"),
            ("(pow 2 126)", "85070591730234615865843651857942052864"),
            ("(pow -2 127)", I128_MIN),
            ("(pow 3 80)", "147808829414345923316083210206383297601"),
            ("(pow u2 u64)", "u18446744073709551616"),
            ("(pow u2 u127)", "u170141183460469231731687303715884105728"),
            ("(pow u10 u38)", "u100000000000000000000000000000000000000"),
            ("(pow u0 u0)", "u1"),
            // Short cuts before the exponent check: base 1, base 0, exponent 1.
            ("(pow 1 -5)", "1"),
            (&format!("(pow 1 {I128_MAX})"), "1"),
            ("(pow 0 -5)", "0"),
            (&format!("(pow u1 {U128_MAX})"), "u1"),
            (&format!("(pow u0 {U128_MAX})"), "u0"),
            ("(pow -1 4294967295)", "-1"),
        ],
    );
    err_all(
        &mut h,
        &[
            ("(pow 2 127)", OVERFLOW),
            ("(pow -2 128)", OVERFLOW),
            ("(pow 2 4294967295)", OVERFLOW),
            ("(pow u2 u128)", OVERFLOW),
            ("(pow u10 u39)", OVERFLOW),
            ("(pow 2 -1)", &pow_msg),
            ("(pow -3 -2)", &pow_msg),
            (&format!("(pow 2 {I128_MIN})"), &pow_msg),
            ("(pow 2 4294967296)", &pow_msg),
            ("(pow u2 u4294967296)", &pow_msg),
            (&format!("(pow u3 {U128_MAX})"), &pow_msg),
        ],
    );
    h.finish();
}

#[test]
fn square_root_and_logarithm() {
    let mut h = Harness::new();
    let sqrt_msg = arithmetic("sqrti must be passed a positive integer");
    let log_msg = arithmetic("log2 must be passed a positive integer");
    ok_all(
        &mut h,
        &[
            ("(sqrti 0)", "0"),
            ("(sqrti 1)", "1"),
            ("(sqrti 15)", "3"),
            ("(sqrti 16)", "4"),
            (&format!("(sqrti {I128_MAX})"), "13043817825332782212"),
            ("(sqrti u0)", "u0"),
            ("(sqrti u99)", "u9"),
            (&format!("(sqrti {U128_MAX})"), "u18446744073709551615"),
            (
                "(sqrti u340282366920938463426481119284349108225)",
                "u18446744073709551615",
            ),
            ("(log2 1)", "0"),
            ("(log2 8)", "3"),
            ("(log2 9)", "3"),
            (&format!("(log2 {I128_MAX})"), "126"),
            ("(log2 u1)", "u0"),
            ("(log2 u18446744073709551616)", "u64"),
            (&format!("(log2 {U128_MAX})"), "u127"),
        ],
    );
    err_all(
        &mut h,
        &[
            ("(sqrti -1)", &sqrt_msg),
            (&format!("(sqrti {I128_MIN})"), &sqrt_msg),
            ("(log2 0)", &log_msg),
            ("(log2 -1)", &log_msg),
            (&format!("(log2 {I128_MIN})"), &log_msg),
            ("(log2 u0)", &log_msg),
        ],
    );
    h.finish();
}

#[test]
fn xor_and_conversions() {
    let mut h = Harness::new();
    ok_all(
        &mut h,
        &[
            ("(xor 5 3)", "6"),
            ("(xor -1 0)", "-1"),
            ("(xor -1 1)", "-2"),
            (&format!("(xor {I128_MAX} -1)"), I128_MIN),
            ("(xor 18446744073709551616 1)", "18446744073709551617"),
            ("(xor u5 u3)", "u6"),
            (
                &format!("(xor {U128_MAX} u18446744073709551615)"),
                "u340282366920938463444927863358058659840",
            ),
            ("(to-int u0)", "0"),
            ("(to-int u18446744073709551616)", U64),
            (&format!("(to-int u{I128_MAX})"), I128_MAX),
            ("(to-uint 0)", "u0"),
            ("(to-uint 18446744073709551616)", "u18446744073709551616"),
            (&format!("(to-uint {I128_MAX})"), &format!("u{I128_MAX}")),
            ("(to-int (to-uint 42))", "42"),
        ],
    );
    err_all(
        &mut h,
        &[
            (&format!("(to-int {U128_MAX})"), OVERFLOW),
            (
                "(to-int u170141183460469231731687303715884105728)",
                OVERFLOW,
            ),
            ("(to-uint -1)", UNDERFLOW),
            (&format!("(to-uint {I128_MIN})"), UNDERFLOW),
        ],
    );
    h.finish();
}

#[test]
fn nested_arithmetic() {
    let mut h = Harness::new();
    ok_all(
        &mut h,
        &[
            ("(+ (* 2 3) (- 10 4) (/ 9 3))", "15"),
            ("(mod (pow 3 5) (+ 7 (sqrti 16)))", "1"),
            ("(- (to-int (log2 u1024)) (* 2 (xor 1 3)))", "6"),
            ("(to-uint (+ (to-int u5) -5))", "u0"),
            (
                "(let ((x -18446744073709551615)) (* x 9223372036854775807))",
                "-170141183460469231704017187605319778305",
            ),
            (
                "(let ((x u18446744073709551615)) (+ (* x x) (* u2 x)))",
                "u340282366920938463463374607431768211455",
            ),
        ],
    );
    err_all(
        &mut h,
        &[
            (
                "(let ((x u18446744073709551615)) (+ (* x x) (* u2 x) u1))",
                OVERFLOW,
            ),
            ("(let ((x 18446744073709551615)) (* x x))", OVERFLOW),
        ],
    );
    h.finish();
}

#[test]
fn argument_evaluation_order() {
    // Every argument is evaluated before any arithmetic: an error in a later argument wins
    // over an overflow between earlier ones.
    let mut h = Harness::new();
    err_all(
        &mut h,
        &[
            (&format!("(+ {I128_MAX} 1 (/ 1 0))"), DIV_BY_ZERO),
            (&format!("(* {U128_MAX} u2 (- u0 u1))"), UNDERFLOW),
            (
                &format!("(- {I128_MIN} 1 (pow 2 -1))"),
                &arithmetic("Power argument to (pow ...) must be a u32 integer"),
            ),
            (
                &format!("(+ {I128_MAX} 1 (unwrap-panic (if true none (some 1))))"),
                "Runtime(UnwrapFailure)",
            ),
            ("(/ 1 0 (to-int (- u0 u1)))", UNDERFLOW),
            ("(mod (/ 1 0) (to-int (- u0 u1)))", DIV_BY_ZERO),
            // The first failing argument (left to right) wins.
            (
                "(+ (/ 1 0) (to-int u340282366920938463463374607431768211455))",
                DIV_BY_ZERO,
            ),
            (
                "(+ (to-int u340282366920938463463374607431768211455) (/ 1 0))",
                OVERFLOW,
            ),
        ],
    );
    // Side effects of earlier arguments happen (and then the step fails: no events kept).
    let r = h.err(&format!("(+ (print 1) (print {I128_MAX}))"), OVERFLOW);
    h.events(&r, &[]);
    let r = h.ok("(+ (print 1) (print 2) (print 3))", "6");
    let p = |v: &str| format!("print ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM.repl-snippet: {v}");
    h.events(&r, &[p("1"), p("2"), p("3")]);
    h.finish();
}
