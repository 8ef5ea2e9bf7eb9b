//! Literal values of every type, `print` of every type (events must agree), `is-eq` over
//! every type, and the sequence/tuple words `list len tuple get merge`, as snippets.

use clarinet_wasm_tests::*;

const DEPLOYER: &str = "ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM";
const WALLET_1: &str = "ST1SJ3DTE5DN7X54YDH5D64R3BCB6A2AG2ZQ8YPD5";

/// Evaluate each `(source, rendering)` and expect that value.
fn values(h: &mut Harness, cases: &[(&str, &str)]) {
    for (src, v) in cases {
        h.ok(src, v);
    }
}

#[test]
fn integers_full_width() {
    let mut h = Harness::new();
    values(
        &mut h,
        &[
            ("0", "0"),
            ("-1", "-1"),
            ("42", "42"),
            (I128_MAX, I128_MAX),
            (I128_MIN, I128_MIN),
            // Around the 64-bit halves.
            ("18446744073709551615", "18446744073709551615"),
            ("18446744073709551616", "18446744073709551616"),
            ("-18446744073709551616", "-18446744073709551616"),
            ("-9223372036854775809", "-9223372036854775809"),
            ("u0", "u0"),
            ("u1", "u1"),
            ("u18446744073709551616", "u18446744073709551616"),
            (U128_MAX, U128_MAX),
            (
                "u170141183460469231731687303715884105728",
                "u170141183460469231731687303715884105728",
            ),
        ],
    );
    h.finish();
}

#[test]
fn booleans_and_principals() {
    let mut h = Harness::new();
    values(
        &mut h,
        &[
            ("true", "true"),
            ("false", "false"),
            (&format!("'{WALLET_1}"), WALLET_1),
            (
                &format!("'{DEPLOYER}.some-contract"),
                &format!("{DEPLOYER}.some-contract"),
            ),
            // `.name` is a contract of the sender.
            (".storage", &format!("{DEPLOYER}.storage")),
            (
                "'ST000000000000000000002AMW42H.pox-3",
                "ST000000000000000000002AMW42H.pox-3",
            ),
            (
                "'SP000000000000000000002Q6VF78",
                "SP000000000000000000002Q6VF78",
            ),
        ],
    );
    h.finish();
}

#[test]
fn buffers_and_strings() {
    let mut h = Harness::new();
    let long_hex = "00112233445566778899aabbccddeeff".repeat(4);
    values(
        &mut h,
        &[
            ("0x", "0x"),
            ("0x00", "0x00"),
            ("0xdeadbeef", "0xdeadbeef"),
            (&format!("0x{long_hex}"), &format!("0x{long_hex}")),
            ("\"\"", "\"\""),
            ("\"hello world\"", "\"hello world\""),
            (
                "\"quote \\\" and backslash \\\\\"",
                "\"quote \\\" and backslash \\\\\"",
            ),
            ("\"line\\nbreak\"", "\"line\\nbreak\""),
            ("u\"\"", "u\"\""),
            ("u\"plain\"", "u\"plain\""),
            ("u\"\\u{1F600}\"", "u\"\\u{f09f9880}\""),
            (
                "u\"caf\\u{e9} \\u{4E2D}\\u{6587}!\"",
                "u\"caf\\u{c3a9} \\u{e4b8ad}\\u{e69687}!\"",
            ),
        ],
    );
    h.finish();
}

#[test]
fn optionals_and_responses() {
    let mut h = Harness::new();
    values(
        &mut h,
        &[
            ("none", "none"),
            ("(some 1)", "(some 1)"),
            ("(some u2)", "(some u2)"),
            ("(some (some none))", "(some (some none))"),
            ("(some \"x\")", "(some \"x\")"),
            ("(some u\"\\u{1F600}\")", "(some u\"\\u{f09f9880}\")"),
            ("(ok 1)", "(ok 1)"),
            ("(err u2)", "(err u2)"),
            ("(ok (some 0xff))", "(ok (some 0xff))"),
            ("(if true (ok (some 1)) (err u1))", "(ok (some 1))"),
            ("(if false (ok (some 1)) (err u1))", "(err u1)"),
            ("(if true (err (list 1 2)) (ok true))", "(err (1 2))"),
            ("(if false none (some (ok -5)))", "(some (ok -5))"),
            (
                &format!("(some (if true (ok '{WALLET_1}) (err \"no\")))"),
                &format!("(some (ok {WALLET_1}))"),
            ),
        ],
    );
    h.finish();
}

#[test]
fn tuples() {
    let mut h = Harness::new();
    values(
        &mut h,
        &[
            ("{a: 1}", "(tuple (a 1))"),
            (
                "{b: u2, a: -1, c: \"s\", d: (some 0x01)}",
                "(tuple (a -1) (b u2) (c \"s\") (d (some 0x01)))",
            ),
            ("(tuple (x 1) (y (list 1 2)))", "(tuple (x 1) (y (1 2)))"),
            (
                "{outer: {inner: {deep: true}}, n: none}",
                "(tuple (n none) (outer (tuple (inner (tuple (deep true))))))",
            ),
            (
                &format!(
                    "{{who: '{WALLET_1}, what: u\"\\u{{1F600}}\", r: (if true (ok u1) (err 1))}}"
                ),
                &format!("(tuple (r (ok u1)) (what u\"\\u{{f09f9880}}\") (who {WALLET_1}))"),
            ),
        ],
    );
    h.finish();
}

#[test]
fn lists() {
    let mut h = Harness::new();
    values(
        &mut h,
        &[
            ("(list)", "()"),
            ("(list 1 2 3)", "(1 2 3)"),
            ("(list u1)", "(u1)"),
            ("(list true false)", "(true false)"),
            (
                "(list {a: 1, b: u1} {a: 2, b: u2})",
                "((tuple (a 1) (b u1)) (tuple (a 2) (b u2)))",
            ),
            ("(list (some 1) none (some 3))", "((some 1) none (some 3))"),
            ("(list none (some u1))", "(none (some u1))"),
            ("(list (list 1) (list 2 3) (list))", "((1) (2 3) ())"),
            (
                "(list (list (list 1 2)) (list (list) (list 3)))",
                "(((1 2)) (() (3)))",
            ),
            ("(list \"a\" \"bcd\" \"\")", "(\"a\" \"bcd\" \"\")"),
            ("(list 0x 0x01 0x0203)", "(0x 0x01 0x0203)"),
            (
                "(list u\"\\u{1F600}\" u\"a\")",
                "(u\"\\u{f09f9880}\" u\"a\")",
            ),
            ("(list (ok 1) (err u1))", "((ok 1) (err u1))"),
            (
                &format!("(list '{WALLET_1} .c1)"),
                &format!("({WALLET_1} {DEPLOYER}.c1)"),
            ),
            (
                "(list {l: (list 1 2), o: (some {x: u1})} {l: (list), o: none})",
                "((tuple (l (1 2)) (o (some (tuple (x u1))))) (tuple (l ()) (o none)))",
            ),
        ],
    );
    h.finish();
}

#[test]
fn len_of_every_sequence() {
    let mut h = Harness::new();
    values(
        &mut h,
        &[
            ("(len (list))", "u0"),
            ("(len (list 1 2 3))", "u3"),
            ("(len (list {a: 1} {a: 2}))", "u2"),
            ("(len (list (list 1 2) (list)))", "u2"),
            ("(len 0x)", "u0"),
            ("(len 0xdeadbeef)", "u4"),
            ("(len \"\")", "u0"),
            ("(len \"hello\")", "u5"),
            ("(len u\"a\\u{1F600}b\")", "u3"),
            ("(len u\"\\u{e9}\\u{4E2D}\")", "u2"),
            ("(len (list (some 1) none))", "u2"),
        ],
    );
    h.finish();
}

#[test]
fn get_and_merge() {
    let mut h = Harness::new();
    values(
        &mut h,
        &[
            ("(get a {a: 1, b: u2})", "1"),
            ("(get b {a: 1, b: u2})", "u2"),
            ("(get inner (get outer {outer: {inner: \"x\"}}))", "\"x\""),
            ("(get l {l: (list 1 2), z: none})", "(1 2)"),
            (
                "(merge {a: 1, b: 2} {b: u3, c: true})",
                "(tuple (a 1) (b u3) (c true))",
            ),
            (
                "(merge {a: 1} {a: \"replaced\"})",
                "(tuple (a \"replaced\"))",
            ),
            (
                "(merge {a: 1, b: (list 1)} {c: (some u1)})",
                "(tuple (a 1) (b (1)) (c (some u1)))",
            ),
            ("(get c (merge {a: 1} {c: 0x01}))", "0x01"),
            (
                "(let ((t {x: 1, y: u2})) (merge t {y: u3}))",
                "(tuple (x 1) (y u3))",
            ),
        ],
    );
    h.finish();
}

#[test]
fn get_on_optional_tuple() {
    // `get` also reads a field through an optional tuple.
    let mut h = Harness::new();
    values(
        &mut h,
        &[
            ("(get a (some {a: 1}))", "(some 1)"),
            ("(get a (if false (some {a: 1}) none))", "none"),
        ],
    );
    h.finish();
}

#[test]
fn tuple_fields_are_evaluated_in_source_order() {
    let mut h = Harness::new();
    let r = h.ok("{b: (print 1), a: (print 2)}", "(tuple (a 2) (b 1))");
    let p = |v: &str| format!("print {DEPLOYER}.repl-snippet: {v}");
    h.events(&r, &[p("1"), p("2")]);
    let r = h.ok(
        "(merge {z: (print u1)} {a: (print u2)})",
        "(tuple (a u2) (z u1))",
    );
    h.events(&r, &[p("u1"), p("u2")]);
    let r = h.ok("(list (print 3) (print 1) (print 2))", "(3 1 2)");
    h.events(&r, &[p("3"), p("1"), p("2")]);
    h.finish();
}

#[test]
fn print_every_type() {
    let mut h = Harness::new();
    let cases: &[(&str, String)] = &[
        ("1", "1".into()),
        (I128_MIN, I128_MIN.into()),
        (U128_MAX, U128_MAX.into()),
        ("true", "true".into()),
        ("false", "false".into()),
        (&format!("'{WALLET_1}"), WALLET_1.into()),
        (".my-contract", format!("{DEPLOYER}.my-contract")),
        ("0x", "0x".into()),
        ("0xc0ffee", "0xc0ffee".into()),
        ("\"\"", "\"\"".into()),
        ("\"ascii text\"", "\"ascii text\"".into()),
        ("u\"smile \\u{1F600}\"", "u\"smile \\u{f09f9880}\"".into()),
        ("none", "none".into()),
        ("(some (some u1))", "(some (some u1))".into()),
        ("(ok 1)", "(ok 1)".into()),
        ("(err u\"\\u{e9}\")", "(err u\"\\u{c3a9}\")".into()),
        ("(if true (ok \"yes\") (err 0x00))", "(ok \"yes\")".into()),
        (
            "{a: 1, b: (list u1 u2), c: {d: none}}",
            "(tuple (a 1) (b (u1 u2)) (c (tuple (d none))))".into(),
        ),
        ("(list)", "()".into()),
        ("(list (list 1) (list))", "((1) ())".into()),
        (
            "(list {k: (some \"v\")} {k: none})",
            "((tuple (k (some \"v\"))) (tuple (k none)))".into(),
        ),
    ];
    for (src, shown) in cases {
        let r = h.ok(&format!("(print {src})"), shown);
        h.events(&r, &[format!("print {DEPLOYER}.repl-snippet: {shown}")]);
    }
    // Several prints in one step, then an error: no events survive the failed step.
    let r = h.ok(
        "(begin (print 1) (print \"two\") (print (some u3)))",
        "(some u3)",
    );
    h.events(
        &r,
        &[
            format!("print {DEPLOYER}.repl-snippet: 1"),
            format!("print {DEPLOYER}.repl-snippet: \"two\""),
            format!("print {DEPLOYER}.repl-snippet: (some u3)"),
        ],
    );
    let r = h.err("(begin (print 1) (print u2) (/ 1 0))", DIV_BY_ZERO);
    h.events(&r, &[]);
    h.finish();
}

#[test]
fn is_eq_every_type() {
    let mut h = Harness::new();
    let cases: &[(&str, &str)] = &[
        ("(is-eq 1 1)", "true"),
        ("(is-eq 1 2)", "false"),
        (&format!("(is-eq {I128_MIN} {I128_MIN})"), "true"),
        (&format!("(is-eq {I128_MIN} {I128_MAX})"), "false"),
        ("(is-eq u18446744073709551616 u0)", "false"),
        ("(is-eq u18446744073709551616 u18446744073709551616)", "true"),
        ("(is-eq 1 1 1 1)", "true"),
        ("(is-eq 1 1 2 1)", "false"),
        ("(is-eq true true)", "true"),
        ("(is-eq true false)", "false"),
        (&format!("(is-eq '{WALLET_1} '{WALLET_1})"), "true"),
        (&format!("(is-eq '{WALLET_1} '{DEPLOYER})"), "false"),
        (&format!("(is-eq '{DEPLOYER}.foo '{DEPLOYER})"), "false"),
        (&format!("(is-eq '{DEPLOYER}.foo .foo)"), "true"),
        ("(is-eq .foo .bar)", "false"),
        ("(is-eq tx-sender tx-sender)", "true"),
        ("(is-eq 0x 0x)", "true"),
        ("(is-eq 0x01 0x0100)", "false"),
        ("(is-eq 0xabcd 0xabcd)", "true"),
        ("(is-eq \"\" \"\")", "true"),
        ("(is-eq \"ab\" \"ab\")", "true"),
        ("(is-eq \"ab\" \"abc\")", "false"),
        ("(is-eq u\"\\u{1F600}\" u\"\\u{1F600}\")", "true"),
        ("(is-eq u\"\\u{1F600}\" u\"\\u{1F601}\")", "false"),
        ("(is-eq none none)", "true"),
        ("(is-eq (some 1) none)", "false"),
        ("(is-eq none (some 1))", "false"),
        ("(is-eq (some 1) (some 1))", "true"),
        ("(is-eq (some 1) (some 2))", "false"),
        ("(is-eq (some none) (some (some u1)))", "false"),
        ("(is-eq (ok 1) (ok 1))", "true"),
        ("(is-eq (ok 1) (err 1))", "false"),
        ("(is-eq (ok 1) (err u1))", "false"),
        ("(is-eq (err u1) (err u1))", "true"),
        ("(is-eq (err u1) (err u2))", "false"),
        // Same payload bits, different branches.
        ("(is-eq (if true (ok u0) (err u0)) (if false (ok u0) (err u0)))", "false"),
        ("(is-eq {a: 1, b: u2} {b: u2, a: 1})", "true"),
        ("(is-eq {a: 1, b: u2} {a: 1, b: u3})", "false"),
        ("(is-eq {a: (list (some 1))} {a: (list (some 1))})", "true"),
        ("(is-eq {a: (list (some 1))} {a: (list (some 1) none)})", "false"),
        ("(is-eq (list) (list))", "true"),
        ("(is-eq (list 1 2) (list 1 2))", "true"),
        ("(is-eq (list 1 2) (list 1 2 3))", "false"),
        ("(is-eq (list 1 2) (list 2 1))", "false"),
        ("(is-eq (list (list 1) (list)) (list (list 1) (list)))", "true"),
        ("(is-eq (list (list 1) (list)) (list (list) (list 1)))", "false"),
        ("(is-eq (list \"a\" \"bc\") (list \"a\" \"bc\"))", "true"),
        ("(is-eq (list \"a\" \"bc\") (list \"ab\" \"c\"))", "false"),
        ("(is-eq (some {x: (ok \"s\")}) (some {x: (ok \"s\")}))", "true"),
        ("(is-eq (some {x: (if true (ok \"s\") (err u1))}) (some {x: (if false (ok \"s\") (err u1))}))", "false"),
        ("(is-eq {t: {u: {v: 0x01}}} {t: {u: {v: 0x01}}} {t: {u: {v: 0x02}}})", "false"),
    ];
    values(&mut h, cases);
    h.finish();
}

#[test]
fn several_expressions_in_one_snippet() {
    let mut h = Harness::new();
    let r = h.ok("(print 1) (print \"two\") (+ 1 2)", "3");
    h.events(
        &r,
        &[
            format!("print {DEPLOYER}.repl-snippet: 1"),
            format!("print {DEPLOYER}.repl-snippet: \"two\""),
        ],
    );
    h.err("(print 1) (/ 1 0) (print 2)", DIV_BY_ZERO);
    h.finish();
}

#[test]
fn large_and_wide_values() {
    let mut h = Harness::new();
    // A long list, a long string, a long buffer.
    let items: Vec<String> = (0..300).map(|i| i.to_string()).collect();
    let list = format!("(list {})", items.join(" "));
    h.ok(&format!("(len {list})"), "u300");
    h.ok(&format!("(is-eq {list} {list})"), "true");
    let r = h.ok(
        &format!("(print {list})"),
        &format!("({})", items.join(" ")),
    );
    if r.interpreter.events.len() != 1 {
        h.fail(format!("expected one print event\n  {}", describe(&r)));
    }
    let text = "abcdefghij".repeat(300);
    h.ok(&format!("(len \"{text}\")"), "u3000");
    h.ok(&format!("\"{text}\""), &format!("\"{text}\""));
    let hex = "0123456789abcdef".repeat(256);
    h.ok(&format!("(len 0x{hex})"), "u2048");
    h.ok(&format!("(is-eq 0x{hex} 0x{hex}00)"), "false");
    let emoji = "\\u{1F600}".repeat(200);
    h.ok(&format!("(len u\"{emoji}\")"), "u200");
    // A wide tuple, a list of wide tuples, deep nesting.
    let fields: Vec<String> = (0..40).map(|i| format!("f{i:02}: {i}")).collect();
    let shown: Vec<String> = (0..40).map(|i| format!("(f{i:02} {i})")).collect();
    let wide = format!("{{{}}}", fields.join(", "));
    let wide_shown = format!("(tuple {})", shown.join(" "));
    h.ok(&wide, &wide_shown);
    h.ok(&format!("(get f39 {wide})"), "39");
    h.ok(
        &format!("(list {wide} {wide})"),
        &format!("({wide_shown} {wide_shown})"),
    );
    h.ok(
        &format!("(is-eq {wide} (merge {wide} {{f20: 20}}))"),
        "true",
    );
    h.ok(
        &format!("(is-eq {wide} (merge {wide} {{f20: 21}}))"),
        "false",
    );
    let deep = (0..20).fold("1".to_string(), |acc, _| format!("(some {acc})"));
    let deep_shown = deep.clone();
    h.ok(&deep, &deep_shown);
    let deep_list = (0..10).fold("(list 1 2)".to_string(), |acc, _| {
        format!("(list {acc} {acc})")
    });
    h.ok(&format!("(len {deep_list})"), "u2");
    h.finish();
}

#[test]
fn empty_and_partially_typed_values() {
    // Values whose analysed type is partly unknown (`none`, `(list)`, `(ok x)` alone).
    let mut h = Harness::new();
    values(
        &mut h,
        &[
            ("(is-eq 1)", "true"),
            ("(merge {a: (some 1)} {a: none})", "(tuple (a none))"),
            ("(is-eq (merge {a: (some 1)} {a: none}) {a: none})", "true"),
            ("(default-to none (some (some 1)))", "(some 1)"),
            ("(match (some none) x (is-none x) false)", "true"),
            ("(let ((x (list))) (len x))", "u0"),
            ("(is-eq (some (list)) (some (list 1)))", "false"),
            ("(if true (list) (list 1 2))", "()"),
            ("(list (list) (list) (list))", "(() () ())"),
            ("(get a {a: (list)})", "()"),
            ("(some (list))", "(some ())"),
            ("(ok (list))", "(ok ())"),
            ("(is-eq (ok none) (ok (some 1)))", "false"),
            ("(unwrap! (some (list)) (list 1))", "()"),
            ("(asserts! true (list))", "true"),
        ],
    );
    let r = h.ok("(print (list))", "()");
    h.events(&r, &[format!("print {DEPLOYER}.repl-snippet: ()")]);
    let r = h.ok("(print none)", "none");
    h.events(&r, &[format!("print {DEPLOYER}.repl-snippet: none")]);
    h.finish();
}
