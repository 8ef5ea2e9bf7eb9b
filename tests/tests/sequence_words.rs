//! Sequence words the host implements (`element-at element-at? index-of index-of? slice?
//! concat append as-max-len? replace-at?`) over every kind of sequence, on both runtimes:
//! values, errors and costs must agree. Many cases are about a list's run-time type (its
//! entry type and maximum length, which `Value::size` and so the costs read): lists built
//! by `slice?`, `as-max-len?`, `concat`, `append`, read from storage, or passed as
//! function arguments.

use clarinet_wasm_tests::*;

const DEPLOYER: &str = "ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM";
const WALLET_1: &str = "ST1SJ3DTE5DN7X54YDH5D64R3BCB6A2AG2ZQ8YPD5";

/// Indexes past anything: 2^32, 2^64 - 1, 2^64 (no longer a usize), u128::MAX.
const HUGE: &[&str] = &[
    "u4294967296",
    "u18446744073709551615",
    "u18446744073709551616",
    "u340282366920938463463374607431768211455",
];

#[test]
fn element_at_every_sequence() {
    let mut h = Harness::new();
    ok_all(
        &mut h,
        &[
            // buffers
            ("(element-at? 0x00112233 u0)", "(some 0x00)"),
            ("(element-at? 0x00112233 u3)", "(some 0x33)"),
            ("(element-at? 0x00112233 u4)", "none"),
            ("(element-at? 0x u0)", "none"),
            ("(element-at 0xff u0)", "(some 0xff)"),
            // string-ascii
            (r#"(element-at? "abc" u1)"#, r#"(some "b")"#),
            (r#"(element-at? "abc" u3)"#, "none"),
            (r#"(element-at? "" u0)"#, "none"),
            (r#"(element-at? "a\"b" u1)"#, r#"(some "\"")"#),
            // string-utf8, multibyte characters count as one element each
            (r#"(element-at? u"a\u{e9}\u{1F600}z" u0)"#, r#"(some u"a")"#),
            (
                r#"(element-at? u"a\u{e9}\u{1F600}z" u1)"#,
                r#"(some u"\u{c3a9}")"#,
            ),
            (
                r#"(element-at? u"a\u{e9}\u{1F600}z" u2)"#,
                r#"(some u"\u{f09f9880}")"#,
            ),
            (r#"(element-at? u"a\u{e9}\u{1F600}z" u3)"#, r#"(some u"z")"#),
            (r#"(element-at? u"a\u{e9}\u{1F600}z" u4)"#, "none"),
            (r#"(element-at? u"" u0)"#, "none"),
            (r#"(element-at u"\u{20AC}" u0)"#, r#"(some u"\u{e282ac}")"#),
            // lists
            ("(element-at? (list 1 2 3) u0)", "(some 1)"),
            ("(element-at? (list 1 2 3) u2)", "(some 3)"),
            ("(element-at? (list 1 2 3) u3)", "none"),
            ("(element-at? (list u1) u0)", "(some u1)"),
            ("(element-at? (list true false) u1)", "(some false)"),
            (
                "(element-at? (list {a: 1, b: u2} {a: 3, b: u4}) u1)",
                "(some (tuple (a 3) (b u4)))",
            ),
            ("(element-at? (list (some 1) none) u1)", "(some none)"),
            ("(element-at? (list (some 1) none) u0)", "(some (some 1))"),
            ("(element-at? (list (ok 1) (err u2)) u1)", "(some (err u2))"),
            (
                "(element-at? (list (list 1 2) (list) (list 3)) u1)",
                "(some ())",
            ),
            (
                "(element-at? (list (list 1 2) (list) (list 3)) u0)",
                "(some (1 2))",
            ),
            (
                "(element-at? (list (list (list 1)) (list (list 2 3) (list))) u1)",
                "(some ((2 3) ()))",
            ),
            (r#"(element-at? (list "a" "bcd" "") u1)"#, r#"(some "bcd")"#),
            (r#"(element-at? (list "a" "bcd" "") u2)"#, r#"(some "")"#),
            (
                r#"(element-at? (list u"\u{1F600}" u"ab") u0)"#,
                r#"(some u"\u{f09f9880}")"#,
            ),
            ("(element-at? (list 0x 0x01 0x0203) u2)", "(some 0x0203)"),
            (
                &format!("(element-at? (list '{WALLET_1} .c1) u1)"),
                &format!("(some {DEPLOYER}.c1)"),
            ),
            ("(element-at (list 7 8) u1)", "(some 8)"),
            ("(element-at (list 7 8) u2)", "none"),
            // the index computed
            ("(element-at? (list 1 2 3) (+ u1 u1))", "(some 3)"),
            (
                "(element-at? (list 1 2 3) (- (len (list 1 2 3)) u1))",
                "(some 3)",
            ),
            // typed empty sequences (run-time type of no entry)
            (
                "(element-at? (unwrap-panic (slice? (list 1 2) u1 u1)) u0)",
                "none",
            ),
            (
                "(element-at? (unwrap-panic (as-max-len? (list 1 2) u5)) u1)",
                "(some 2)",
            ),
            // results used further
            ("(unwrap-panic (element-at? (list 5 6) u1))", "6"),
            ("(default-to 0 (element-at? (list 5 6) u9))", "0"),
            (
                "(get a (unwrap-panic (element-at? (list {a: (list 1 2)}) u0)))",
                "(1 2)",
            ),
        ],
    );
    for idx in HUGE {
        for seq in [
            "0x0011",
            r#""ab""#,
            r#"u"\u{e9}b""#,
            "(list 1 2)",
            r#"(list "a" "bb")"#,
            "(list (list 1) (list))",
        ] {
            h.ok(&format!("(element-at? {seq} {idx})"), "none");
            h.ok(&format!("(element-at {seq} {idx})"), "none");
        }
    }
    err_all(
        &mut h,
        &[
            (
                "(unwrap-panic (element-at? (list 1) u1))",
                &runtime("UnwrapFailure"),
            ),
            (
                "(unwrap-panic (element-at? 0x u0))",
                &runtime("UnwrapFailure"),
            ),
        ],
    );
    h.finish();
}

#[test]
fn index_of_every_sequence() {
    let mut h = Harness::new();
    ok_all(
        &mut h,
        &[
            // buffers: only a 1-byte buffer can be found
            ("(index-of? 0x00112233 0x22)", "(some u2)"),
            ("(index-of? 0x00112233 0x00)", "(some u0)"),
            ("(index-of? 0x00112233 0x44)", "none"),
            ("(index-of? 0x00112233 0x)", "none"),
            ("(index-of? 0x 0x00)", "none"),
            ("(index-of? 0x 0x)", "none"),
            ("(index-of? 0x2222 0x22)", "(some u0)"),
            ("(index-of 0x0102 0x02)", "(some u1)"),
            // string-ascii
            (r#"(index-of? "hello" "l")"#, "(some u2)"),
            (r#"(index-of? "hello" "o")"#, "(some u4)"),
            (r#"(index-of? "hello" "z")"#, "none"),
            (r#"(index-of? "hello" "")"#, "none"),
            (r#"(index-of? "" "a")"#, "none"),
            (r#"(index-of "abc" "c")"#, "(some u2)"),
            // string-utf8
            (
                r#"(index-of? u"a\u{e9}\u{1F600}z" u"\u{1F600}")"#,
                "(some u2)",
            ),
            (r#"(index-of? u"a\u{e9}\u{1F600}z" u"\u{e9}")"#, "(some u1)"),
            (r#"(index-of? u"a\u{e9}\u{1F600}z" u"z")"#, "(some u3)"),
            (r#"(index-of? u"a\u{e9}\u{1F600}z" u"e")"#, "none"),
            (r#"(index-of? u"a\u{e9}" u"")"#, "none"),
            (r#"(index-of? u"" u"a")"#, "none"),
            (r#"(index-of? u"\u{1F601}" u"\u{1F600}")"#, "none"),
            // lists
            ("(index-of? (list 1 2 3 2) 2)", "(some u1)"),
            ("(index-of? (list 1 2 3 2) 4)", "none"),
            ("(index-of? (list u1 u2) u2)", "(some u1)"),
            ("(index-of? (list true true false) false)", "(some u2)"),
            ("(index-of? (list {a: 1} {a: 2}) {a: 2})", "(some u1)"),
            ("(index-of? (list {a: 1} {a: 2}) {a: 3})", "none"),
            (
                r#"(index-of? (list {a: 1, s: "x"} {a: 1, s: "xyz"}) {a: 1, s: "xyz"})"#,
                "(some u1)",
            ),
            ("(index-of? (list (some 1) none) none)", "(some u1)"),
            ("(index-of? (list (some 1) none) (some 1))", "(some u0)"),
            ("(index-of? (list (some 1) none) (some 2))", "none"),
            ("(index-of? (list (ok 1) (err u1)) (err u1))", "(some u1)"),
            ("(index-of? (list (ok 1) (err u1)) (ok 2))", "none"),
            (
                "(index-of? (list (list 1 2) (list 3)) (list 3))",
                "(some u1)",
            ),
            (
                "(index-of? (list (list 1 2) (list 3)) (list 1 2))",
                "(some u0)",
            ),
            ("(index-of? (list (list 1 2) (list 3)) (list 2 1))", "none"),
            ("(index-of? (list (list 1 2) (list)) (list))", "(some u1)"),
            (
                "(index-of? (list (list (list 1)) (list (list 2) (list))) (list (list 2) (list)))",
                "(some u1)",
            ),
            (r#"(index-of? (list "a" "bcd" "") "bcd")"#, "(some u1)"),
            (r#"(index-of? (list "a" "bcd" "") "")"#, "(some u2)"),
            (r#"(index-of? (list "a" "bcd" "") "bc")"#, "none"),
            (
                r#"(index-of? (list u"\u{1F600}" u"ab") u"ab")"#,
                "(some u1)",
            ),
            ("(index-of? (list 0x 0x01) 0x)", "(some u0)"),
            (
                &format!("(index-of? (list tx-sender '{WALLET_1}) '{WALLET_1})"),
                "(some u1)",
            ),
            (
                &format!("(index-of? (list '{WALLET_1} .c1) '{DEPLOYER}.c1)"),
                "(some u1)",
            ),
            ("(index-of (list 7 8) 8)", "(some u1)"),
            // a list whose run-time type is narrower or wider than the value looked up
            (
                r#"(index-of? (unwrap-panic (as-max-len? (list "a" "bb") u9)) "bb")"#,
                "(some u1)",
            ),
            (
                r#"(index-of? (unwrap-panic (slice? (list "abc" "d" "e") u1 u3)) "e")"#,
                "(some u1)",
            ),
            (
                "(index-of? (unwrap-panic (slice? (list 1 2) u1 u1)) 1)",
                "none",
            ),
            (
                "(index-of? (list (unwrap-panic (as-max-len? (list 1) u5)) (list 2)) (list 1))",
                "(some u0)",
            ),
        ],
    );
    h.finish();
}

#[test]
fn slice_every_sequence_and_bound() {
    let mut h = Harness::new();
    ok_all(
        &mut h,
        &[
            // buffers
            ("(slice? 0x00112233 u1 u3)", "(some 0x1122)"),
            ("(slice? 0x00112233 u0 u4)", "(some 0x00112233)"),
            ("(slice? 0x00112233 u0 u0)", "(some 0x)"),
            ("(slice? 0x00112233 u2 u2)", "(some 0x)"),
            ("(slice? 0x00112233 u3 u4)", "(some 0x33)"),
            ("(slice? 0x00112233 u3 u3)", "(some 0x)"),
            ("(slice? 0x00112233 u3 u1)", "none"),
            ("(slice? 0x00112233 u4 u4)", "none"),
            ("(slice? 0x00112233 u0 u5)", "none"),
            ("(slice? 0x00112233 u5 u6)", "none"),
            ("(slice? 0x u0 u0)", "none"),
            // string-ascii
            (r#"(slice? "hello" u1 u4)"#, r#"(some "ell")"#),
            (r#"(slice? "hello" u0 u5)"#, r#"(some "hello")"#),
            (r#"(slice? "hello" u5 u5)"#, "none"),
            (r#"(slice? "hello" u4 u4)"#, r#"(some "")"#),
            (r#"(slice? "hello" u4 u2)"#, "none"),
            (r#"(slice? "" u0 u0)"#, "none"),
            // string-utf8
            (
                r#"(slice? u"a\u{e9}\u{1F600}z" u1 u3)"#,
                r#"(some u"\u{c3a9}\u{f09f9880}")"#,
            ),
            (
                r#"(slice? u"a\u{e9}\u{1F600}z" u0 u4)"#,
                r#"(some u"a\u{c3a9}\u{f09f9880}z")"#,
            ),
            (r#"(slice? u"a\u{e9}\u{1F600}z" u2 u2)"#, r#"(some u"")"#),
            (r#"(slice? u"a\u{e9}\u{1F600}z" u4 u4)"#, "none"),
            (r#"(slice? u"a\u{e9}\u{1F600}z" u0 u5)"#, "none"),
            (r#"(slice? u"" u0 u0)"#, "none"),
            // lists
            ("(slice? (list 1 2 3 4) u1 u3)", "(some (2 3))"),
            ("(slice? (list 1 2 3 4) u0 u4)", "(some (1 2 3 4))"),
            ("(slice? (list 1 2 3 4) u1 u1)", "(some ())"),
            ("(slice? (list 1 2 3 4) u4 u4)", "none"),
            ("(slice? (list 1 2 3 4) u3 u2)", "none"),
            ("(slice? (list 1 2 3 4) u0 u5)", "none"),
            (
                "(slice? (list {a: 1} {a: 2} {a: 3}) u1 u3)",
                "(some ((tuple (a 2)) (tuple (a 3))))",
            ),
            (
                "(slice? (list (some 1) none (some 3)) u1 u2)",
                "(some (none))",
            ),
            (
                "(slice? (list (list 1 2) (list) (list 3)) u1 u3)",
                "(some (() (3)))",
            ),
            (
                r#"(slice? (list "abcdef" "g" "hi") u1 u3)"#,
                r#"(some ("g" "hi"))"#,
            ),
            (
                r#"(slice? (list u"\u{1F600}\u{1F600}" u"a") u1 u2)"#,
                r#"(some (u"a"))"#,
            ),
            // slices of slices
            (
                "(slice? (unwrap-panic (slice? (list 1 2 3 4 5) u1 u5)) u1 u3)",
                "(some (3 4))",
            ),
            (
                "(slice? (unwrap-panic (slice? 0x0102 u1 u1)) u0 u0)",
                "none",
            ),
            // bounds computed
            (
                "(slice? 0x00112233 (len 0x00) (len 0x001122))",
                "(some 0x1122)",
            ),
        ],
    );
    for idx in HUGE {
        for seq in ["0x0011", r#""ab""#, r#"u"\u{e9}b""#, "(list 1 2)"] {
            h.ok(&format!("(slice? {seq} {idx} u1)"), "none");
            h.ok(&format!("(slice? {seq} u0 {idx})"), "none");
            h.ok(&format!("(slice? {seq} {idx} {idx})"), "none");
        }
    }
    h.finish();
}

#[test]
fn concat_every_sequence() {
    let mut h = Harness::new();
    ok_all(
        &mut h,
        &[
            ("(concat 0x01 0x0203)", "0x010203"),
            ("(concat 0x 0x)", "0x"),
            ("(concat 0x 0xff)", "0xff"),
            ("(concat 0xff 0x)", "0xff"),
            (r#"(concat "ab" "cd")"#, r#""abcd""#),
            (r#"(concat "" "")"#, r#""""#),
            (r#"(concat "" "x")"#, r#""x""#),
            (
                r#"(concat u"a\u{e9}" u"\u{1F600}")"#,
                r#"u"a\u{c3a9}\u{f09f9880}""#,
            ),
            (r#"(concat u"" u"")"#, r#"u"""#),
            ("(concat (list 1 2) (list 3))", "(1 2 3)"),
            ("(concat (list 1) (list))", "(1)"),
            ("(concat (list) (list 1))", "(1)"),
            ("(concat (list u1) (list u2 u3))", "(u1 u2 u3)"),
            (
                r#"(concat (list "a") (list "bcd" "ef"))"#,
                r#"("a" "bcd" "ef")"#,
            ),
            (
                r#"(concat (list "abcdef") (list "g"))"#,
                r#"("abcdef" "g")"#,
            ),
            (
                "(concat (list {a: 1}) (list {a: 2}))",
                "((tuple (a 1)) (tuple (a 2)))",
            ),
            (
                r#"(concat (list {a: "x"}) (list {a: "yyyy"}))"#,
                r#"((tuple (a "x")) (tuple (a "yyyy")))"#,
            ),
            ("(concat (list none) (list (some 1)))", "(none (some 1))"),
            (
                "(concat (list (ok 1)) (list (err u1)))",
                "((ok 1) (err u1))",
            ),
            (
                "(concat (list (list 1)) (list (list 2 3) (list)))",
                "((1) (2 3) ())",
            ),
            (
                "(concat (list (list)) (list (list (some 1))))",
                "(() ((some 1)))",
            ),
            // after as-max-len? and slice?: the run-time types differ from the literal's
            (
                "(concat (unwrap-panic (as-max-len? (list 1 2) u10)) (list 3))",
                "(1 2 3)",
            ),
            (
                "(concat (list 0) (unwrap-panic (as-max-len? (list 1 2) u10)))",
                "(0 1 2)",
            ),
            (
                r#"(concat (unwrap-panic (slice? (list "aaaa" "b") u1 u2)) (list "ccc"))"#,
                r#"("b" "ccc")"#,
            ),
            (
                "(concat (unwrap-panic (slice? (list 1 2) u0 u0)) (list 3))",
                "(3)",
            ),
            (
                "(len (concat (concat (list 1 2) (list 3)) (concat (list) (list 4 5))))",
                "u5",
            ),
        ],
    );
    h.finish();
}

#[test]
fn append_widens_the_run_time_type() {
    let mut h = Harness::new();
    ok_all(
        &mut h,
        &[
            ("(append (list 1 2) 3)", "(1 2 3)"),
            ("(append (list) 1)", "(1)"),
            ("(append (list) (list))", "(())"),
            ("(append (list u1) u2)", "(u1 u2)"),
            (r#"(append (list "a") "bcdef")"#, r#"("a" "bcdef")"#),
            (r#"(append (list "abcdef") "g")"#, r#"("abcdef" "g")"#),
            (r#"(append (list "a" "b") "")"#, r#"("a" "b" "")"#),
            (
                r#"(append (list u"a") u"\u{1F600}\u{1F600}")"#,
                r#"(u"a" u"\u{f09f9880}\u{f09f9880}")"#,
            ),
            ("(append (list 0x01) 0x020304)", "(0x01 0x020304)"),
            ("(append (list (some 1)) none)", "((some 1) none)"),
            ("(append (list none) (some 1))", "(none (some 1))"),
            ("(append (list (ok 1)) (err u1))", "((ok 1) (err u1))"),
            ("(append (list (err u1)) (ok 1))", "((err u1) (ok 1))"),
            ("(append (list (list 1)) (list 2 3))", "((1) (2 3))"),
            ("(append (list (list)) (list 2 3))", "(() (2 3))"),
            ("(append (list (list 1 2)) (list))", "((1 2) ())"),
            (
                r#"(append (list {a: "x"}) {a: "yyy"})"#,
                r#"((tuple (a "x")) (tuple (a "yyy")))"#,
            ),
            (
                "(append (list {a: none}) {a: (some 1)})",
                "((tuple (a none)) (tuple (a (some 1))))",
            ),
            (
                &format!("(append (list tx-sender) '{DEPLOYER}.c)"),
                &format!("({DEPLOYER} {DEPLOYER}.c)"),
            ),
            // after slice?, as-max-len?, concat
            (
                r#"(append (unwrap-panic (slice? (list "aaaaaa" "b" "c") u1 u3)) "dddddddd")"#,
                r#"("b" "c" "dddddddd")"#,
            ),
            ("(append (unwrap-panic (slice? (list 1 2) u1 u1)) 7)", "(7)"),
            (
                "(append (unwrap-panic (as-max-len? (list 1 2) u10)) 3)",
                "(1 2 3)",
            ),
            (
                r#"(append (concat (list "a") (list "bb")) "ccc")"#,
                r#"("a" "bb" "ccc")"#,
            ),
            (
                r#"(append (append (append (list "a") "bb") "ccc") "dddd")"#,
                r#"("a" "bb" "ccc" "dddd")"#,
            ),
            (r#"(len (append (append (list "a") "bb") "ccc"))"#, "u3"),
            (
                r#"(index-of? (append (list "a") "bcd") "bcd")"#,
                "(some u1)",
            ),
            (
                r#"(element-at? (append (list (list "a")) (list "bc" "d")) u1)"#,
                r#"(some ("bc" "d"))"#,
            ),
        ],
    );
    h.finish();
}

#[test]
fn as_max_len_every_sequence() {
    let mut h = Harness::new();
    ok_all(
        &mut h,
        &[
            ("(as-max-len? (list 1 2 3) u3)", "(some (1 2 3))"),
            ("(as-max-len? (list 1 2 3) u2)", "none"),
            ("(as-max-len? (list 1 2 3) u0)", "none"),
            ("(as-max-len? (list 1 2 3) u100)", "(some (1 2 3))"),
            ("(as-max-len? (list) u0)", "(some ())"),
            ("(as-max-len? (list) u5)", "(some ())"),
            ("(as-max-len? 0x0102 u2)", "(some 0x0102)"),
            ("(as-max-len? 0x0102 u1)", "none"),
            ("(as-max-len? 0x u0)", "(some 0x)"),
            (r#"(as-max-len? "abc" u2)"#, "none"),
            (r#"(as-max-len? "abc" u3)"#, r#"(some "abc")"#),
            (r#"(as-max-len? "" u0)"#, r#"(some "")"#),
            (
                r#"(as-max-len? u"\u{1F600}\u{1F600}" u2)"#,
                r#"(some u"\u{f09f9880}\u{f09f9880}")"#,
            ),
            (r#"(as-max-len? u"\u{1F600}\u{1F600}" u1)"#, "none"),
            (
                r#"(as-max-len? (list "a" "bcd") u2)"#,
                r#"(some ("a" "bcd"))"#,
            ),
            (
                "(as-max-len? (list {a: (list 1)} {a: (list)}) u4)",
                "(some ((tuple (a (1))) (tuple (a ()))))",
            ),
            (
                "(as-max-len? (list (list 1 2) (list)) u2)",
                "(some ((1 2) ()))",
            ),
            ("(as-max-len? (list (some 1) none) u1)", "none"),
            // large bounds the type admits
            ("(as-max-len? (list 1) u1000)", "(some (1))"),
            ("(as-max-len? 0x01 u1048576)", "(some 0x01)"),
            (r#"(as-max-len? "a" u1048576)"#, r#"(some "a")"#),
            // chained
            (
                "(as-max-len? (unwrap-panic (as-max-len? (list 1 2) u10)) u2)",
                "(some (1 2))",
            ),
            (
                "(as-max-len? (concat (unwrap-panic (as-max-len? (list 1 2) u10)) (list 3)) u3)",
                "(some (1 2 3))",
            ),
            ("(as-max-len? (append (list 1 2) 3) u2)", "none"),
        ],
    );
    // A bound past u32 is refused by the type checker on both runtimes, and so is one
    // that makes a type larger than a value can be.
    for src in [
        "(as-max-len? (list 1) u4294967296)",
        "(as-max-len? 0x01 u340282366920938463463374607431768211455)",
    ] {
        h.err_containing(src, "expecting a value <= 4294967295");
    }
    for src in [
        "(as-max-len? (list 1) u4294967295)",
        "(as-max-len? 0x01 u4294967295)",
    ] {
        h.err_containing(src, "greater than maximum allowed value size");
    }
    h.finish();
}

#[test]
fn replace_at_every_sequence() {
    let mut h = Harness::new();
    ok_all(
        &mut h,
        &[
            ("(replace-at? 0x00112233 u1 0xff)", "(some 0x00ff2233)"),
            ("(replace-at? 0x00112233 u3 0xff)", "(some 0x001122ff)"),
            ("(replace-at? 0x00112233 u4 0xff)", "none"),
            ("(replace-at? 0x u0 0xff)", "none"),
            (r#"(replace-at? "abc" u0 "z")"#, r#"(some "zbc")"#),
            (r#"(replace-at? "abc" u3 "z")"#, "none"),
            (r#"(replace-at? "" u0 "z")"#, "none"),
            (
                r#"(replace-at? u"a\u{e9}\u{1F600}" u1 u"\u{1F600}")"#,
                r#"(some u"a\u{f09f9880}\u{f09f9880}")"#,
            ),
            (
                r#"(replace-at? u"a\u{e9}\u{1F600}" u2 u"b")"#,
                r#"(some u"a\u{c3a9}b")"#,
            ),
            (r#"(replace-at? u"a\u{e9}" u2 u"b")"#, "none"),
            ("(replace-at? (list 1 2 3) u1 9)", "(some (1 9 3))"),
            ("(replace-at? (list 1 2 3) u3 9)", "none"),
            (
                "(replace-at? (list {a: 1} {a: 2}) u0 {a: 9})",
                "(some ((tuple (a 9)) (tuple (a 2))))",
            ),
            (
                "(replace-at? (list (some 1) none) u1 (some 2))",
                "(some ((some 1) (some 2)))",
            ),
            (
                "(replace-at? (list (some 1) none) u0 none)",
                "(some (none none))",
            ),
            (
                "(replace-at? (list (ok 1) (err u1)) u0 (err u2))",
                "(some ((err u2) (err u1)))",
            ),
            (
                "(replace-at? (list (list 1 2) (list)) u1 (list 3 4))",
                "(some ((1 2) (3 4)))",
            ),
            (
                "(replace-at? (list (list 1 2) (list 3)) u0 (list))",
                "(some (() (3)))",
            ),
            (
                r#"(replace-at? (list "abc" "d") u1 "xyz")"#,
                r#"(some ("abc" "xyz"))"#,
            ),
            (
                r#"(replace-at? (list "abc" "d") u1 "")"#,
                r#"(some ("abc" ""))"#,
            ),
            // the run-time type admits the element
            (
                "(replace-at? (unwrap-panic (as-max-len? (list 1 2) u10)) u0 5)",
                "(some (5 2))",
            ),
            (
                "(replace-at? (concat (unwrap-panic (as-max-len? (list 1 2) u10)) (list 3)) u2 5)",
                "(some (1 2 5))",
            ),
            (
                r#"(replace-at? (append (list "a") "bcd") u0 "xyz")"#,
                r#"(some ("xyz" "bcd"))"#,
            ),
            (
                r#"(replace-at? (if true (list "a" "b") (list "cccccccccc")) u0 "x")"#,
                r#"(some ("x" "b"))"#,
            ),
        ],
    );
    for idx in HUGE {
        for (seq, x) in [
            ("0x0011", "0xff"),
            (r#""ab""#, r#""z""#),
            (r#"u"\u{e9}b""#, r#"u"z""#),
            ("(list 1 2)", "3"),
        ] {
            h.ok(&format!("(replace-at? {seq} {idx} {x})"), "none");
        }
    }
    // An element the sequence's run-time type does not admit: the list's entry type is
    // (string-ascii 1) at run time though the type checker saw (string-ascii 10).
    h.err_containing(
        r#"(replace-at? (if true (list "a" "b") (list "cccccccccc")) u0 "xyz")"#,
        "TypeValueError",
    );
    h.err_containing(
        r#"(replace-at? (unwrap-panic (slice? (list "abcdef" "g" "h") u1 u3)) u0 "xyz")"#,
        "TypeValueError",
    );
    h.err_containing(
        "(replace-at? (if true (list (list 1)) (list (list 1 2 3))) u0 (list 1 2))",
        "TypeValueError",
    );
    // ... even when the index is past the end (the element is checked first).
    h.err_containing(
        r#"(replace-at? (if true (list "a" "b") (list "cccccccccc")) u9 "xyz")"#,
        "TypeValueError",
    );
    // An empty element of a buffer or string: refused when replacing, not past the end.
    err_all(
        &mut h,
        &[
            (
                "(replace-at? 0x0102 u0 0x)",
                &runtime("BadTypeConstruction"),
            ),
            (
                r#"(replace-at? "ab" u1 "")"#,
                &runtime("BadTypeConstruction"),
            ),
            (
                r#"(replace-at? u"ab" u1 u"")"#,
                &runtime("BadTypeConstruction"),
            ),
        ],
    );
    ok_all(
        &mut h,
        &[
            ("(replace-at? 0x0102 u2 0x)", "none"),
            (r#"(replace-at? "ab" u2 "")"#, "none"),
            // a list with no entry type at run time admits anything, and is empty
            (
                "(replace-at? (unwrap-panic (slice? (list 1 2) u1 u1)) u0 5)",
                "none",
            ),
            (
                r#"(replace-at? (unwrap-panic (slice? (list "a" "bcd") u0 u0)) u0 "xyz")"#,
                "none",
            ),
        ],
    );
    h.finish();
}

/// Words chained so that each acts on a list whose run-time type another made.
#[test]
fn run_time_list_types_through_chains() {
    let mut h = Harness::new();
    ok_all(
        &mut h,
        &[
            (
                r#"(let ((l (list "a" "b"))) (append (unwrap-panic (as-max-len? l u5)) "cccc"))"#,
                r#"("a" "b" "cccc")"#,
            ),
            (
                r#"(let ((l (unwrap-panic (slice? (list "aaaa" "b") u1 u2)))) (replace-at? (append l "ccc") u1 "d"))"#,
                r#"(some ("b" "d"))"#,
            ),
            (
                "(fold + (unwrap-panic (slice? (list 1 2 3 4) u1 u3)) 0)",
                "5",
            ),
            (
                "(map + (unwrap-panic (as-max-len? (list 1 2) u8)) (append (list 10) 20))",
                "(11 22)",
            ),
            ("(filter not (append (list true) false))", "(false)"),
            (
                r#"(concat (append (list "a") "bb") (unwrap-panic (slice? (list "ccc" "dddd") u0 u1)))"#,
                r#"("a" "bb" "ccc")"#,
            ),
            (
                "(unwrap-panic (element-at? (append (list (list 1)) (list 2 3)) u1))",
                "(2 3)",
            ),
            (
                "(append (unwrap-panic (element-at? (append (list (list 1)) (list 2 3)) u0)) 9)",
                "(1 9)",
            ),
            (
                "(is-eq (append (list 1) 2) (unwrap-panic (as-max-len? (list 1 2) u9)))",
                "true",
            ),
            (
                r#"(to-consensus-buff? (append (list "a") "bc"))"#,
                "(some 0x0b000000020d00000001610d000000026263)",
            ),
            (
                r#"(print (append (unwrap-panic (as-max-len? (list "a") u4)) "bcd"))"#,
                r#"("a" "bcd")"#,
            ),
        ],
    );
    h.finish();
}

const SEQ: &str = r#"
(define-data-var names (list 10 (string-ascii 20)) (list "a" "bb"))
(define-data-var bytes (buff 32) 0x00112233)
(define-data-var text (string-utf8 20) u"h\u{e9}\u{1F600}!")
(define-data-var ints (list 20 int) (list 1 2 3))
(define-map rows uint (list 5 {id: uint, tag: (string-ascii 8)}))
(map-set rows u1 (list {id: u1, tag: "x"} {id: u2, tag: "yy"}))

(define-read-only (get-names) (var-get names))
(define-read-only (get-ints) (var-get ints))
(define-read-only (get-row (k uint)) (map-get? rows k))
(define-read-only (name-at (i uint)) (element-at? (var-get names) i))
(define-read-only (find-name (n (string-ascii 20))) (index-of? (var-get names) n))
(define-read-only (byte-at (i uint)) (element-at? (var-get bytes) i))
(define-read-only (find-byte (b (buff 1))) (index-of? (var-get bytes) b))
(define-read-only (text-at (i uint)) (element-at (var-get text) i))
(define-read-only (text-slice (l uint) (r uint)) (slice? (var-get text) l r))
(define-read-only (names-slice (l uint) (r uint)) (slice? (var-get names) l r))
(define-read-only (names-slice-append (l uint) (r uint) (n (string-ascii 20)))
  (match (slice? (var-get names) l r) s (some (append s n)) none))
(define-read-only (row-at (k uint) (i uint)) (element-at? (default-to (list) (map-get? rows k)) i))
(define-read-only (find-row (k uint) (row {id: uint, tag: (string-ascii 8)}))
  (index-of? (default-to (list) (map-get? rows k)) row))
(define-read-only (replace-row (k uint) (i uint) (row {id: uint, tag: (string-ascii 8)}))
  (replace-at? (default-to (list) (map-get? rows k)) i row))
(define-public (push-name (n (string-ascii 20)))
  (match (as-max-len? (append (var-get names) n) u10)
    l (ok (var-set names l))
    (err u1)))
(define-public (set-name (i uint) (n (string-ascii 20)))
  (match (replace-at? (var-get names) i n)
    l (ok (var-set names l))
    (err u2)))
(define-public (add-ints (more (list 10 int)))
  (match (as-max-len? (concat (var-get ints) more) u20)
    l (ok (var-set ints l))
    (err u3)))
(define-public (push-row (k uint) (row {id: uint, tag: (string-ascii 8)}))
  (match (as-max-len? (append (default-to (list) (map-get? rows k)) row) u5)
    l (ok (map-set rows k l))
    (err u4)))
(define-public (append-byte (b (buff 1)))
  (match (as-max-len? (concat (var-get bytes) b) u32)
    x (ok (var-set bytes x))
    (err u5)))

;; arguments (cast to their declared types in Clarity 2)
(define-read-only (arg-element (l (list 10 (string-ascii 10))) (i uint)) (element-at? l i))
(define-read-only (arg-index (l (list 10 (string-ascii 10))) (s (string-ascii 10))) (index-of? l s))
(define-read-only (arg-append (l (list 10 (string-ascii 10))) (s (string-ascii 10))) (append l s))
(define-read-only (local-append (s (string-ascii 10))) (append (list "a") s))
(define-read-only (arg-concat (a (list 10 (string-ascii 10))) (b (list 10 (string-ascii 10)))) (concat a b))
(define-read-only (arg-replace (l (list 10 (string-ascii 10))) (i uint) (s (string-ascii 10))) (replace-at? l i s))
(define-read-only (narrow-replace (i uint) (s (string-ascii 10)))
  (replace-at? (if true (list "a" "b") (list "cccccccccc")) i s))
(define-read-only (arg-slice (l (list 10 (string-ascii 10))) (a uint) (b uint)) (slice? l a b))
(define-read-only (arg-slice-append (l (list 10 (string-ascii 10))) (a uint) (b uint) (s (string-ascii 10)))
  (match (slice? l a b) x (some (append x s)) none))
(define-read-only (arg-max-len (l (list 10 (string-ascii 10)))) (as-max-len? l u3))
(define-read-only (arg-max-len-concat (l (list 10 (string-ascii 10))))
  (match (as-max-len? l u3) x (some (concat x (list "tail"))) none))
(define-read-only (buf-ops (b (buff 16)) (i uint))
  {at: (element-at? b i), idx: (index-of? b 0x00), sl: (slice? b u0 i), cat: (concat b b),
   max: (as-max-len? b u4), rep: (replace-at? b i 0xff)})
(define-read-only (utf8-ops (s (string-utf8 10)) (i uint))
  {at: (element-at? s i), idx: (index-of? s u"\u{1F600}"), sl: (slice? s i (len s)),
   cat: (concat s u"\u{e9}"), max: (as-max-len? s u3), rep: (replace-at? s i u"\u{e9}")})
(define-read-only (nested-index (l (list 4 (list 3 int))) (x (list 3 int))) (index-of? l x))
(define-read-only (tuple-index (l (list 4 {a: int, b: (optional (string-ascii 4))})) (x {a: int, b: (optional (string-ascii 4))}))
  (index-of? l x))
(define-data-var nested (list 4 (list 3 (string-ascii 5))) (list (list "a") (list "bb" "c")))
(define-data-var tup {l: (list 3 (string-ascii 5)), n: uint} {l: (list "a"), n: u1})
(define-read-only (inner-append (s (string-ascii 5)))
  (as-max-len? (append (unwrap-panic (element-at? (var-get nested) u0)) s) u3))
(define-read-only (inner-slice-append (s (string-ascii 5)))
  (append (unwrap-panic (slice? (unwrap-panic (element-at? (var-get nested) u1)) u0 u1)) s))
(define-read-only (inner-replace (i uint) (s (string-ascii 5)))
  (replace-at? (unwrap-panic (element-at? (var-get nested) u1)) i s))
(define-read-only (inner-index (x (list 3 (string-ascii 5)))) (index-of? (var-get nested) x))
(define-read-only (tuple-list-append (s (string-ascii 5))) (append (get l (var-get tup)) s))
(define-read-only (arg-inner-append (l (list 4 (list 3 (string-ascii 5)))) (s (string-ascii 5)))
  (append (unwrap-panic (element-at? l u0)) s))
(define-read-only (arg-inner-replace (l (list 4 (list 3 (string-ascii 5)))) (s (string-ascii 5)))
  (replace-at? (unwrap-panic (element-at? l u0)) u0 s))
(define-public (grow-inner (s (string-ascii 5)))
  (let ((inner (unwrap! (as-max-len? (append (unwrap-panic (element-at? (var-get nested) u0)) s) u3) (err u1))))
    (ok (var-set nested (unwrap! (replace-at? (var-get nested) u0 inner) (err u2))))))
(define-read-only (get-nested) (var-get nested))
(define-read-only (grow-then-replace)
  (replace-at? (concat (unwrap-panic (as-max-len? (list 1 2) u10)) (list 3)) u0 5))
"#;

#[test]
fn sequences_from_storage() {
    let mut h = Harness::new();
    let c = h.deploy("seq", SEQ);
    h.call_ok(&c, "name-at", &[Value::UInt(1)], r#"(some "bb")"#);
    h.call_ok(&c, "name-at", &[Value::UInt(2)], "none");
    h.call_ok(&c, "name-at", &[Value::UInt(u128::MAX)], "none");
    h.call_ok(&c, "find-name", &[ascii("bb")], "(some u1)");
    h.call_ok(&c, "find-name", &[ascii("b")], "none");
    h.call_ok(&c, "byte-at", &[Value::UInt(3)], "(some 0x33)");
    h.call_ok(&c, "byte-at", &[Value::UInt(4)], "none");
    h.call_ok(&c, "find-byte", &[buff(&[0x22])], "(some u2)");
    h.call_ok(&c, "find-byte", &[buff(&[])], "none");
    h.call_ok(
        &c,
        "text-at",
        &[Value::UInt(2)],
        r#"(some u"\u{f09f9880}")"#,
    );
    h.call_ok(&c, "text-at", &[Value::UInt(4)], "none");
    h.call_ok(
        &c,
        "text-slice",
        &[Value::UInt(1), Value::UInt(3)],
        r#"(some u"\u{c3a9}\u{f09f9880}")"#,
    );
    h.call_ok(&c, "text-slice", &[Value::UInt(4), Value::UInt(4)], "none");
    h.call_ok(
        &c,
        "text-slice",
        &[Value::UInt(3), Value::UInt(4)],
        r#"(some u"!")"#,
    );
    h.call_ok(
        &c,
        "names-slice",
        &[Value::UInt(0), Value::UInt(1)],
        r#"(some ("a"))"#,
    );
    h.call_ok(
        &c,
        "names-slice",
        &[Value::UInt(1), Value::UInt(1)],
        "(some ())",
    );
    h.call_ok(&c, "names-slice", &[Value::UInt(1), Value::UInt(0)], "none");
    h.call_ok(
        &c,
        "names-slice-append",
        &[Value::UInt(1), Value::UInt(2), ascii("a-long-name-here")],
        r#"(some ("bb" "a-long-name-here"))"#,
    );
    h.call_ok(
        &c,
        "names-slice-append",
        &[Value::UInt(0), Value::UInt(0), ascii("x")],
        r#"(some ("x"))"#,
    );
    h.call_ok(
        &c,
        "row-at",
        &[Value::UInt(1), Value::UInt(1)],
        r#"(some (tuple (id u2) (tag "yy")))"#,
    );
    h.call_ok(&c, "row-at", &[Value::UInt(2), Value::UInt(0)], "none");
    let row = |id: u128, tag: &str| tuple(&[("id", Value::UInt(id)), ("tag", ascii(tag))]);
    h.call_ok(&c, "find-row", &[Value::UInt(1), row(2, "yy")], "(some u1)");
    h.call_ok(&c, "find-row", &[Value::UInt(1), row(2, "y")], "none");
    h.call_ok(&c, "find-row", &[Value::UInt(9), row(2, "yy")], "none");
    h.call_ok(
        &c,
        "replace-row",
        &[Value::UInt(1), Value::UInt(0), row(7, "longtag8")],
        r#"(some ((tuple (id u7) (tag "longtag8")) (tuple (id u2) (tag "yy"))))"#,
    );
    h.call_ok(
        &c,
        "replace-row",
        &[Value::UInt(1), Value::UInt(2), row(7, "z")],
        "none",
    );
    // writes through the words, then reads back
    h.call_ok(
        &c,
        "push-name",
        &[ascii("ccccccccccccccccccc")],
        "(ok true)",
    );
    h.call_ok(&c, "get-names", &[], r#"("a" "bb" "ccccccccccccccccccc")"#);
    for i in 0..7 {
        h.call_ok(&c, "push-name", &[ascii(&"d".repeat(i))], "(ok true)");
    }
    h.call_ok(&c, "push-name", &[ascii("overflow")], "(err u1)");
    h.call_ok(
        &c,
        "set-name",
        &[Value::UInt(9), ascii("last-one")],
        "(ok true)",
    );
    h.call_ok(&c, "set-name", &[Value::UInt(10), ascii("x")], "(err u2)");
    h.call_ok(&c, "name-at", &[Value::UInt(9)], r#"(some "last-one")"#);
    h.call_ok(&c, "find-name", &[ascii("")], "(some u3)");
    h.call_ok(
        &c,
        "add-ints",
        &[list(vec![Value::Int(4), Value::Int(-5)])],
        "(ok true)",
    );
    h.call_ok(&c, "get-ints", &[], "(1 2 3 4 -5)");
    h.call_ok(
        &c,
        "add-ints",
        &[list((0..10).map(Value::Int).collect())],
        "(ok true)",
    );
    h.call_ok(
        &c,
        "add-ints",
        &[list((0..6).map(Value::Int).collect())],
        "(err u3)",
    );
    h.call_ok(&c, "add-ints", &[list(vec![])], "(ok true)");
    h.call_ok(
        &c,
        "push-row",
        &[Value::UInt(1), row(3, "zzz")],
        "(ok true)",
    );
    h.call_ok(&c, "push-row", &[Value::UInt(5), row(1, "")], "(ok true)");
    h.call_ok(
        &c,
        "get-row",
        &[Value::UInt(5)],
        r#"(some ((tuple (id u1) (tag ""))))"#,
    );
    h.call_ok(
        &c,
        "find-row",
        &[Value::UInt(1), row(3, "zzz")],
        "(some u2)",
    );
    h.call_ok(&c, "push-row", &[Value::UInt(1), row(4, "a")], "(ok true)");
    h.call_ok(&c, "push-row", &[Value::UInt(1), row(5, "b")], "(ok true)");
    h.call_ok(&c, "push-row", &[Value::UInt(1), row(6, "c")], "(err u4)");
    h.call_ok(&c, "append-byte", &[buff(&[0xee])], "(ok true)");
    h.call_ok(&c, "find-byte", &[buff(&[0xee])], "(some u4)");
    h.call_ok(&c, "append-byte", &[buff(&[])], "(ok true)");
    h.call_ok(&c, "byte-at", &[Value::UInt(4)], "(some 0xee)");
    h.finish();
}

#[test]
fn sequences_from_arguments() {
    let mut h = Harness::new();
    let c = h.deploy("seq", SEQ);
    let names = |xs: &[&str]| list(xs.iter().map(|s| ascii(s)).collect());
    h.call_ok(
        &c,
        "arg-element",
        &[names(&["a", "bb"]), Value::UInt(1)],
        r#"(some "bb")"#,
    );
    h.call_ok(&c, "arg-element", &[names(&[]), Value::UInt(0)], "none");
    h.call_ok(
        &c,
        "arg-element",
        &[names(&["a"]), Value::UInt(u128::MAX)],
        "none",
    );
    h.call_ok(
        &c,
        "arg-index",
        &[names(&["a", "bb", "a"]), ascii("a")],
        "(some u0)",
    );
    h.call_ok(&c, "arg-index", &[names(&[]), ascii("a")], "none");
    h.call_ok(
        &c,
        "arg-index",
        &[names(&["a", ""]), ascii("")],
        "(some u1)",
    );
    h.call_ok(
        &c,
        "arg-append",
        &[names(&["a"]), ascii("bcdefghijk")],
        r#"("a" "bcdefghijk")"#,
    );
    h.call_ok(&c, "arg-append", &[names(&[]), ascii("x")], r#"("x")"#);
    h.call_ok(
        &c,
        "local-append",
        &[ascii("bcdefghijk")],
        r#"("a" "bcdefghijk")"#,
    );
    h.call_ok(&c, "local-append", &[ascii("")], r#"("a" "")"#);
    h.call_ok(
        &c,
        "arg-concat",
        &[names(&["a"]), names(&["bcd", ""])],
        r#"("a" "bcd" "")"#,
    );
    h.call_ok(&c, "arg-concat", &[names(&[]), names(&[])], "()");
    h.call_ok(
        &c,
        "arg-replace",
        &[names(&["a", "b"]), Value::UInt(1), ascii("longer-one")],
        r#"(some ("a" "longer-one"))"#,
    );
    h.call_ok(
        &c,
        "arg-replace",
        &[names(&["a", "b"]), Value::UInt(2), ascii("x")],
        "none",
    );
    h.call_ok(
        &c,
        "arg-replace",
        &[names(&[]), Value::UInt(0), ascii("x")],
        "none",
    );
    h.call_ok(
        &c,
        "narrow-replace",
        &[Value::UInt(1), ascii("z")],
        r#"(some ("a" "z"))"#,
    );
    h.call_ok(&c, "narrow-replace", &[Value::UInt(2), ascii("z")], "none");
    h.call_err(
        &c,
        "narrow-replace",
        &[Value::UInt(0), ascii("zz")],
        r#"Unchecked(TypeValueError(SequenceType(StringType(ASCII(BufferLength(1)))), Sequence(String("zz"))))"#,
    );
    h.call_ok(
        &c,
        "arg-slice",
        &[names(&["a", "bb", "ccc"]), Value::UInt(1), Value::UInt(3)],
        r#"(some ("bb" "ccc"))"#,
    );
    h.call_ok(
        &c,
        "arg-slice",
        &[names(&["a"]), Value::UInt(1), Value::UInt(1)],
        "none",
    );
    h.call_ok(
        &c,
        "arg-slice",
        &[names(&["a"]), Value::UInt(0), Value::UInt(0)],
        "(some ())",
    );
    h.call_ok(
        &c,
        "arg-slice-append",
        &[
            names(&["aaaaaaaaaa", "b"]),
            Value::UInt(1),
            Value::UInt(2),
            ascii("cccccccccc"),
        ],
        r#"(some ("b" "cccccccccc"))"#,
    );
    h.call_ok(
        &c,
        "arg-slice-append",
        &[
            names(&["a", "b"]),
            Value::UInt(0),
            Value::UInt(0),
            ascii("c"),
        ],
        r#"(some ("c"))"#,
    );
    h.call_ok(
        &c,
        "arg-max-len",
        &[names(&["a", "b", "c"])],
        r#"(some ("a" "b" "c"))"#,
    );
    h.call_ok(&c, "arg-max-len", &[names(&["a", "b", "c", "d"])], "none");
    h.call_ok(
        &c,
        "arg-max-len-concat",
        &[names(&["a", "b"])],
        r#"(some ("a" "b" "tail"))"#,
    );
    h.call_ok(
        &c,
        "arg-max-len-concat",
        &[names(&[])],
        r#"(some ("tail"))"#,
    );
    h.call_ok(&c, "grow-then-replace", &[], "(some (5 2 3))");

    // lists inside lists and tuples, read from storage or passed as arguments
    h.call_ok(
        &c,
        "inner-append",
        &[ascii("xyzzy")],
        r#"(some ("a" "xyzzy"))"#,
    );
    h.call_ok(
        &c,
        "inner-slice-append",
        &[ascii("xyzzy")],
        r#"("bb" "xyzzy")"#,
    );
    h.call_ok(
        &c,
        "inner-replace",
        &[Value::UInt(1), ascii("xyzzy")],
        r#"(some ("bb" "xyzzy"))"#,
    );
    h.call_ok(&c, "inner-replace", &[Value::UInt(2), ascii("x")], "none");
    h.call_ok(&c, "inner-index", &[names(&["bb", "c"])], "(some u1)");
    h.call_ok(&c, "inner-index", &[names(&["bb"])], "none");
    h.call_ok(
        &c,
        "tuple-list-append",
        &[ascii("xyzzy")],
        r#"("a" "xyzzy")"#,
    );
    let nested = list(vec![names(&["a"]), names(&["bb", "c"])]);
    h.call_ok(
        &c,
        "arg-inner-append",
        &[nested.clone(), ascii("xyzzy")],
        r#"("a" "xyzzy")"#,
    );
    h.call_ok(
        &c,
        "arg-inner-replace",
        &[nested.clone(), ascii("xyzzy")],
        r#"(some ("xyzzy"))"#,
    );
    h.call_ok(&c, "grow-inner", &[ascii("ddd")], "(ok true)");
    h.call_ok(&c, "grow-inner", &[ascii("eeeee")], "(ok true)");
    h.call_ok(&c, "grow-inner", &[ascii("f")], "(err u1)");
    h.call_ok(&c, "get-nested", &[], r#"(("a" "ddd" "eeeee") ("bb" "c"))"#);
    h.call_ok(
        &c,
        "inner-index",
        &[names(&["a", "ddd", "eeeee"])],
        "(some u0)",
    );

    // buffers of every length up to 16, every index up to past the end
    for n in [0usize, 1, 2, 4, 5, 16] {
        let bytes: Vec<u8> = (0..n as u8).collect();
        for i in [0u128, 1, 3, n as u128, n as u128 + 1, 1 << 40] {
            let at = bytes
                .get(i as usize)
                .filter(|_| i < n as u128)
                .map(|b| format!("(some 0x{b:02x})"))
                .unwrap_or("none".into());
            let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
            let idx = if n > 0 { "(some u0)" } else { "none" };
            let sl = if n > 0 && i <= n as u128 {
                format!("(some 0x{})", hex(&bytes[..i as usize]))
            } else {
                "none".into()
            };
            let cat = format!("0x{}{}", hex(&bytes), hex(&bytes));
            let max = if n <= 4 {
                format!("(some 0x{})", hex(&bytes))
            } else {
                "none".into()
            };
            let rep = if (i as usize) < n && i < n as u128 {
                let mut r = bytes.clone();
                r[i as usize] = 0xff;
                format!("(some 0x{})", hex(&r))
            } else {
                "none".into()
            };
            h.call_ok(
                &c,
                "buf-ops",
                &[buff(&bytes), Value::UInt(i)],
                &format!(
                    "(tuple (at {at}) (cat {cat}) (idx {idx}) (max {max}) (rep {rep}) (sl {sl}))"
                ),
            );
        }
    }
    // strings of multibyte characters
    for (s, i) in [
        ("", 0u128),
        ("a", 0),
        ("a", 1),
        ("h\u{e9}\u{1F600}", 0),
        ("h\u{e9}\u{1F600}", 2),
        ("h\u{e9}\u{1F600}", 3),
        ("\u{1F600}\u{1F600}\u{1F600}\u{1F600}", 1),
        ("\u{1F600}\u{1F600}\u{1F600}\u{1F600}", u128::from(u64::MAX)),
    ] {
        let sender = h.sender.clone();
        h.call_as(
            &c,
            "utf8-ops",
            &[utf8(s), Value::UInt(i)],
            &sender,
            Expect::Anything,
        );
    }
    h.call_ok(
        &c,
        "utf8-ops",
        &[utf8("h\u{e9}\u{1F600}"), Value::UInt(1)],
        r#"(tuple (at (some u"\u{c3a9}")) (cat u"h\u{c3a9}\u{f09f9880}\u{c3a9}") (idx (some u2)) (max (some u"h\u{c3a9}\u{f09f9880}")) (rep (some u"h\u{c3a9}\u{f09f9880}")) (sl (some u"\u{c3a9}\u{f09f9880}")))"#,
    );
    // nested lists and tuples
    let ints = |xs: &[i128]| list(xs.iter().map(|x| Value::Int(*x)).collect());
    h.call_ok(
        &c,
        "nested-index",
        &[list(vec![ints(&[1, 2]), ints(&[]), ints(&[3])]), ints(&[])],
        "(some u1)",
    );
    h.call_ok(
        &c,
        "nested-index",
        &[list(vec![ints(&[1, 2]), ints(&[3])]), ints(&[3])],
        "(some u1)",
    );
    h.call_ok(
        &c,
        "nested-index",
        &[list(vec![ints(&[1, 2]), ints(&[3])]), ints(&[2, 1])],
        "none",
    );
    h.call_ok(&c, "nested-index", &[list(vec![]), ints(&[1])], "none");
    let t = |a: i128, b: Option<&str>| {
        tuple(&[
            ("a", Value::Int(a)),
            ("b", b.map(|s| some(ascii(s))).unwrap_or(Value::none())),
        ])
    };
    h.call_ok(
        &c,
        "tuple-index",
        &[
            list(vec![t(1, None), t(1, Some("x")), t(1, Some("xy"))]),
            t(1, Some("xy")),
        ],
        "(some u2)",
    );
    h.call_ok(
        &c,
        "tuple-index",
        &[list(vec![t(1, None), t(1, Some("x"))]), t(1, None)],
        "(some u0)",
    );
    h.call_ok(
        &c,
        "tuple-index",
        &[list(vec![t(1, None)]), t(2, None)],
        "none",
    );
    h.finish();
}

/// Clarity 1 (epoch 2.05): `element-at`, `index-of` and the words it shares with Clarity 2.
#[test]
fn clarity1_sequence_words() {
    let mut h = Harness::clarity1();
    ok_all(
        &mut h,
        &[
            ("(element-at 0x00112233 u2)", "(some 0x22)"),
            ("(element-at 0x00112233 u4)", "none"),
            ("(element-at 0x u0)", "none"),
            (r#"(element-at "abc" u0)"#, r#"(some "a")"#),
            (
                r#"(element-at u"a\u{e9}\u{1F600}" u2)"#,
                r#"(some u"\u{f09f9880}")"#,
            ),
            ("(element-at (list 1 2 3) u1)", "(some 2)"),
            ("(element-at (list (list 1) (list)) u1)", "(some ())"),
            (
                "(element-at (list {a: 1} {a: 2}) u1)",
                "(some (tuple (a 2)))",
            ),
            ("(element-at (list (some 1) none) u1)", "(some none)"),
            (r#"(element-at (list "a" "bcd") u1)"#, r#"(some "bcd")"#),
            ("(index-of 0x00112233 0x33)", "(some u3)"),
            ("(index-of 0x00112233 0x)", "none"),
            (r#"(index-of "hello" "l")"#, "(some u2)"),
            (
                r#"(index-of u"a\u{e9}\u{1F600}" u"\u{1F600}")"#,
                "(some u2)",
            ),
            ("(index-of (list 1 2 3) 3)", "(some u2)"),
            ("(index-of (list 1 2 3) 4)", "none"),
            (
                "(index-of (list (list 1) (list 2 3)) (list 2 3))",
                "(some u1)",
            ),
            ("(index-of (list {a: 1} {a: 2}) {a: 2})", "(some u1)"),
            ("(index-of (list (some 1) none) none)", "(some u1)"),
            (r#"(index-of (list "a" "bcd") "bcd")"#, "(some u1)"),
            ("(concat 0x01 0x02)", "0x0102"),
            (r#"(concat "a" "bc")"#, r#""abc""#),
            (r#"(concat u"\u{e9}" u"a")"#, r#"u"\u{c3a9}a""#),
            ("(concat (list 1) (list 2 3))", "(1 2 3)"),
            (r#"(concat (list "a") (list "bcd"))"#, r#"("a" "bcd")"#),
            ("(concat (list) (list 1))", "(1)"),
            ("(append (list 1) 2)", "(1 2)"),
            (r#"(append (list "a") "bcdef")"#, r#"("a" "bcdef")"#),
            ("(append (list) 1)", "(1)"),
            ("(append (list (some 1)) none)", "((some 1) none)"),
            ("(as-max-len? (list 1 2) u2)", "(some (1 2))"),
            ("(as-max-len? (list 1 2) u1)", "none"),
            (r#"(as-max-len? "abc" u5)"#, r#"(some "abc")"#),
            (
                r#"(append (unwrap-panic (as-max-len? (list "a") u5)) "bcd")"#,
                r#"("a" "bcd")"#,
            ),
            (
                "(concat (unwrap-panic (as-max-len? (list 1 2) u10)) (list 3))",
                "(1 2 3)",
            ),
        ],
    );
    for idx in HUGE {
        h.ok(&format!("(element-at (list 1 2) {idx})"), "none");
        h.ok(&format!("(element-at 0x01 {idx})"), "none");
        h.ok(&format!("(element-at \"ab\" {idx})"), "none");
    }
    // `element-at?`, `index-of?`, `slice?` and `replace-at?` are Clarity 2 words.
    for src in [
        "(element-at? (list 1) u0)",
        "(index-of? (list 1) 1)",
        "(slice? 0x01 u0 u1)",
        "(replace-at? 0x01 u0 0x02)",
    ] {
        h.err_containing(src, "analysis");
    }
    let c = h.deploy(
        "seq1",
        r#"
(define-data-var names (list 10 (string-ascii 20)) (list "a" "bb"))
(define-read-only (name-at (i uint)) (element-at (var-get names) i))
(define-read-only (find-name (n (string-ascii 20))) (index-of (var-get names) n))
(define-read-only (arg-append (l (list 10 (string-ascii 10))) (s (string-ascii 10))) (append l s))
(define-read-only (arg-concat (a (list 10 (string-ascii 10))) (b (list 10 (string-ascii 10)))) (concat a b))
(define-read-only (arg-index (l (list 10 (list 3 int))) (x (list 3 int))) (index-of l x))
(define-public (push-name (n (string-ascii 20)))
  (match (as-max-len? (append (var-get names) n) u10)
    l (ok (var-set names l))
    (err u1)))
"#,
    );
    h.call_ok(&c, "name-at", &[Value::UInt(1)], r#"(some "bb")"#);
    h.call_ok(&c, "name-at", &[Value::UInt(2)], "none");
    h.call_ok(&c, "find-name", &[ascii("bb")], "(some u1)");
    h.call_ok(&c, "push-name", &[ascii("ccccc")], "(ok true)");
    h.call_ok(&c, "name-at", &[Value::UInt(2)], r#"(some "ccccc")"#);
    // Clarity 1 does not cast arguments to their declared types: the list keeps its own.
    let names = |xs: &[&str]| list(xs.iter().map(|s| ascii(s)).collect());
    h.call_ok(
        &c,
        "arg-append",
        &[names(&["a"]), ascii("bcdefghijk")],
        r#"("a" "bcdefghijk")"#,
    );
    h.call_ok(&c, "arg-append", &[names(&[]), ascii("x")], r#"("x")"#);
    h.call_ok(
        &c,
        "arg-concat",
        &[names(&["a"]), names(&["bcdef"])],
        r#"("a" "bcdef")"#,
    );
    let ints = |xs: &[i128]| list(xs.iter().map(|x| Value::Int(*x)).collect());
    h.call_ok(
        &c,
        "arg-index",
        &[list(vec![ints(&[1]), ints(&[2, 3])]), ints(&[2, 3])],
        "(some u1)",
    );
    h.finish();
}

/// Clarity 1 contract on the Clarity 2 chain (epoch 2.4), and epoch 2.0 where `concat`
/// is charged by the values' sizes (which read the lists' run-time types).
#[test]
fn other_versions_and_epochs() {
    let mut h = Harness::new();
    let c = h.deploy_version(
        "seq1",
        r#"
(define-read-only (arg-append (l (list 10 (string-ascii 10))) (s (string-ascii 10))) (append l s))
(define-read-only (at (l (list 10 (string-ascii 10))) (i uint)) (element-at l i))
(define-read-only (find (l (list 10 (string-ascii 10))) (s (string-ascii 10))) (index-of l s))
"#,
        ClarityVersion::Clarity1,
    );
    let names = |xs: &[&str]| list(xs.iter().map(|s| ascii(s)).collect());
    h.call_ok(
        &c,
        "arg-append",
        &[names(&["a"]), ascii("bcdefghijk")],
        r#"("a" "bcdefghijk")"#,
    );
    h.call_ok(
        &c,
        "at",
        &[names(&["a", "bc"]), Value::UInt(1)],
        r#"(some "bc")"#,
    );
    h.call_ok(
        &c,
        "at",
        &[names(&["a", "bc"]), Value::UInt(1 << 64)],
        "none",
    );
    h.call_ok(&c, "find", &[names(&["a", "bc"]), ascii("bc")], "(some u1)");
    h.finish();

    let mut h = Harness::on(Chain::new(
        StacksEpochId::Epoch20,
        ClarityVersion::Clarity1,
        &devnet_accounts(),
    ));
    ok_all(
        &mut h,
        &[
            ("(concat (list 1 2) (list 3))", "(1 2 3)"),
            (r#"(concat (list "a") (list "bcdef"))"#, r#"("a" "bcdef")"#),
            (
                "(concat (unwrap-panic (as-max-len? (list 1 2) u10)) (list 3))",
                "(1 2 3)",
            ),
            (r#"(concat "ab" "c")"#, r#""abc""#),
            ("(concat 0x01 0x)", "0x01"),
            (r#"(concat u"\u{1F600}" u"")"#, r#"u"\u{f09f9880}""#),
            ("(element-at (list 1 2) u1)", "(some 2)"),
            ("(index-of (list 1 2) 2)", "(some u1)"),
            (r#"(append (list "a") "bcd")"#, r#"("a" "bcd")"#),
        ],
    );
    h.finish();
}
