//! `let begin if asserts! match unwrap! unwrap-err! unwrap-panic unwrap-err-panic try!
//! default-to is-some is-none is-ok is-err ok err some`: at the top level of snippets
//! (short returns are errors there) and inside functions (fixture `control.clar`).

use clarinet_wasm_tests::*;

const NONE_INT: &str = "(if true none (some 1))";

#[test]
fn let_begin_if_snippets() {
    let mut h = Harness::new();
    ok_all(
        &mut h,
        &[
            ("(let ((a 1) (b (+ a 1))) (* a b))", "2"),
            (
                "(let ((a 1)) (let ((b (+ a 1))) (let ((c (* b 10))) (list a b c))))",
                "(1 2 20)",
            ),
            (
                "(let ((s \"x\") (t {k: u1})) (print s) (merge t {s: s}))",
                "(tuple (k u1) (s \"x\"))",
            ),
            ("(begin 1 2 3)", "3"),
            ("(begin (some 1))", "(some 1)"),
            ("(if true 1 2)", "1"),
            ("(if false 1 2)", "2"),
            ("(if (< 1 2) (if (> 1 2) \"a\" \"b\") \"c\")", "\"b\""),
            ("(if true (list 1 2) (list))", "(1 2)"),
            ("(if false (list 1 2) (list))", "()"),
            ("(if true none (some u1))", "none"),
            (
                "(if false \"short\" \"longer string\")",
                "\"longer string\"",
            ),
        ],
    );
    // The branch not taken is not evaluated.
    ok_all(
        &mut h,
        &[("(if true 1 (/ 1 0))", "1"), ("(if false (/ 1 0) 2)", "2")],
    );
    h.err("(if false 1 (/ 1 0))", DIV_BY_ZERO);
    h.finish();
}

#[test]
fn constructors_and_tests() {
    let mut h = Harness::new();
    ok_all(
        &mut h,
        &[
            ("(some 1)", "(some 1)"),
            ("(ok u1)", "(ok u1)"),
            ("(err \"e\")", "(err \"e\")"),
            ("(is-some (some 1))", "true"),
            (&format!("(is-some {NONE_INT})"), "false"),
            ("(is-none none)", "true"),
            ("(is-none (some none))", "false"),
            ("(is-ok (ok 1))", "true"),
            ("(is-ok (err 1))", "false"),
            ("(is-err (err u1))", "true"),
            ("(is-err (if true (ok 1) (err u1)))", "false"),
            ("(default-to 5 none)", "5"),
            ("(default-to 5 (some 6))", "6"),
            ("(default-to \"default\" (some \"x\"))", "\"x\""),
            (
                "(default-to (list 1) (if true none (some (list 2 3))))",
                "(1)",
            ),
            ("(default-to {a: 0} (some {a: 1}))", "(tuple (a 1))"),
        ],
    );
    h.finish();
}

#[test]
fn match_snippets() {
    let mut h = Harness::new();
    ok_all(
        &mut h,
        &[
            ("(match (some 1) x (+ x 1) 0)", "2"),
            (&format!("(match {NONE_INT} x (+ x 1) 0)"), "0"),
            (
                "(match (if true (ok 1) (err u2)) v (* v 10) e (to-int e))",
                "10",
            ),
            (
                "(match (if false (ok 1) (err u2)) v (* v 10) e (to-int e))",
                "2",
            ),
            ("(match (some {a: u1}) t (get a t) u0)", "u1"),
            (
                "(match (some (some 3)) outer (match outer inner inner -1) -2)",
                "3",
            ),
            (
                "(match (if true (ok (list 1 2)) (err \"e\")) l (len l) e (len e))",
                "u2",
            ),
        ],
    );
    // Only the arm taken is evaluated.
    h.ok("(match (some 1) x x (/ 1 0))", "1");
    h.err("(match (some 0) x (/ 1 x) 0)", DIV_BY_ZERO);
    h.finish();
}

#[test]
fn unwrap_family_snippets() {
    let mut h = Harness::new();
    ok_all(
        &mut h,
        &[
            ("(unwrap! (some 1) 2)", "1"),
            ("(unwrap! (if true (ok u1) (err u2)) u3)", "u1"),
            ("(unwrap-err! (if false (ok u1) (err u2)) u3)", "u2"),
            ("(unwrap-panic (some \"v\"))", "\"v\""),
            ("(unwrap-panic (if true (ok 1) (err u1)))", "1"),
            ("(unwrap-err-panic (if false (ok 1) (err u1)))", "u1"),
            ("(try! (some 1))", "1"),
            ("(try! (if true (ok {a: 1}) (err u1)))", "(tuple (a 1))"),
            ("(asserts! true (err u3))", "true"),
            ("(asserts! (> 2 1) 0)", "true"),
        ],
    );
    // At the top level of a snippet, short returns end the step with an error.
    err_all(
        &mut h,
        &[
            (&format!("(unwrap! {NONE_INT} u7)"), "ShortReturn(ExpectedValue(UInt(7)))"),
            ("(unwrap! (if false (ok u1) (err u2)) \"no\")", "ShortReturn(ExpectedValue(Sequence(String(\"no\"))))"),
            ("(unwrap-err! (if true (ok u1) (err u2)) -3)", "ShortReturn(ExpectedValue(Int(-3)))"),
            ("(try! (if true (err u1) (ok 2)))", "ShortReturn(ExpectedValue(Response(ResponseData { committed: false, data: UInt(1) })))"),
            ("(try! (if true none (some 1)))", "ShortReturn(ExpectedValue(Optional(OptionalData { data: None })))"),
            ("(asserts! false (err u3))", "ShortReturn(AssertionFailed(Response(ResponseData { committed: false, data: UInt(3) })))"),
            ("(asserts! (is-eq 1 2) false)", "ShortReturn(AssertionFailed(Bool(false)))"),
            (&format!("(unwrap-panic {NONE_INT})"), "Runtime(UnwrapFailure)"),
            ("(unwrap-panic (if true (err u1) (ok 1)))", "Runtime(UnwrapFailure)"),
            ("(unwrap-err-panic (if true (ok 1) (err u2)))", "Runtime(UnwrapFailure)"),
            // Short returns from inside nested lets and ifs.
            (&format!("(let ((a 1)) (let ((b (unwrap! {NONE_INT} (+ a 41)))) b))"), "ShortReturn(ExpectedValue(Int(42)))"),
            ("(let ((a 1)) (if (> a 0) (begin (asserts! (< a 0) (some a)) 0) 1))", "ShortReturn(AssertionFailed(Optional(OptionalData { data: Some(Int(1)) })))"),
            ("(+ 1 (try! (if (> 2 1) (err \"deep\") (ok 1))))", "ShortReturn(ExpectedValue(Response(ResponseData { committed: false, data: Sequence(String(\"deep\")) })))"),
        ],
    );
    // Side effects before a short return are dropped with the failed step.
    let r = h.err(
        &format!("(begin (print 1) (unwrap! {NONE_INT} u0))"),
        "ShortReturn(ExpectedValue(UInt(0)))",
    );
    h.events(&r, &[]);
    h.finish();
}

fn deploy_control(h: &mut Harness) -> QualifiedContractIdentifier {
    h.deploy_fixture("control")
}

#[test]
fn functions_with_short_returns() {
    let mut h = Harness::new();
    let c = deploy_control(&mut h);
    let i = Value::Int;
    let u = Value::UInt;
    // nested-assert: both branches, both assertions.
    h.call_ok(&c, "nested-assert", &[i(5), i(3)], "(ok 9)");
    h.call_ok(&c, "nested-assert", &[i(5), i(20)], "(err u3)");
    h.call_ok(&c, "nested-assert", &[i(1), i(3)], "(ok 7)");
    h.call_ok(&c, "nested-assert", &[i(1), i(-3)], "(err u4)");
    // nested-unwrap
    h.call_ok(&c, "nested-unwrap", &[some(i(3)), ok(i(4))], "(ok 21)");
    h.call_ok(&c, "nested-unwrap", &[Value::none(), ok(i(4))], "(err u5)");
    h.call_ok(&c, "nested-unwrap", &[some(i(3)), err(u(9))], "(err u6)");
    // unwrap-err!
    h.call_ok(&c, "err-code", &[err(u(7))], "(ok u107)");
    h.call_ok(&c, "err-code", &[ok(i(7))], "(err -1)");
    // try! on responses
    h.call_ok(&c, "try-chain", &[i(5)], "(ok 10)");
    h.call_ok(&c, "try-chain", &[i(-5)], "(err u10)");
    h.call_ok(&c, "try-chain", &[i(120)], "(ok 150)");
    h.call_ok(&c, "try-chain", &[i(200)], "(err u10)");
    // try! on optionals
    h.call_ok(&c, "try-optional", &[i(8)], "(some 1002)");
    h.call_ok(&c, "try-optional", &[i(6)], "none");
    h.call_ok(&c, "try-optional", &[i(7)], "none");
    h.call_ok(&c, "first-some", &[some(u(1)), Value::none()], "(some u1)");
    h.call_ok(&c, "first-some", &[Value::none(), some(u(1))], "(some u2)");
    h.call_ok(&c, "first-some", &[Value::none(), Value::none()], "none");
    h.finish();
}

#[test]
fn functions_with_match() {
    let mut h = Harness::new();
    let c = deploy_control(&mut h);
    let i = Value::Int;
    let u = Value::UInt;
    h.call_ok(&c, "classify", &[i(-3)], "\"negative\"");
    h.call_ok(&c, "classify", &[i(0)], "\"zero\"");
    h.call_ok(&c, "classify", &[i(3)], "\"positive\"");
    h.call_ok(&c, "match-opt", &[some(i(1))], "101");
    h.call_ok(&c, "match-opt", &[Value::none()], "-1");
    h.call_ok(
        &c,
        "match-resp",
        &[ok(i(5))],
        "(tuple (e \"\") (ok true) (v 5))",
    );
    h.call_ok(
        &c,
        "match-resp",
        &[err(ascii("bad"))],
        "(tuple (e \"bad\") (ok false) (v 0))",
    );
    h.call_ok(&c, "match-short", &[ok(u(4))], "(ok u8)");
    h.call_ok(&c, "match-short", &[ok(u(0))], "(err u99)");
    h.call_ok(&c, "match-short", &[err(u(7))], "(ok u7)");
    h.call_ok(&c, "match-short", &[err(u(8))], "(err u8)");
    h.call_ok(&c, "match-nested", &[some(ok(some(i(41))))], "42");
    h.call_ok(&c, "match-nested", &[some(ok(Value::none()))], "0");
    h.call_ok(&c, "match-nested", &[some(err(u(12)))], "12");
    h.call_ok(&c, "match-nested", &[Value::none()], "-1");
    h.finish();
}

#[test]
fn functions_with_panics_defaults_and_tests() {
    let mut h = Harness::new();
    let c = deploy_control(&mut h);
    let i = Value::Int;
    let u = Value::UInt;
    h.call_ok(&c, "panics", &[some(i(3))], "3");
    h.call_err(&c, "panics", &[Value::none()], "Runtime(UnwrapFailure)");
    h.call_ok(&c, "panics-ok", &[ok(i(3))], "3");
    h.call_err(&c, "panics-ok", &[err(u(3))], "Runtime(UnwrapFailure)");
    h.call_ok(&c, "panics-err", &[err(u(3))], "u3");
    h.call_err(&c, "panics-err", &[ok(i(3))], "Runtime(UnwrapFailure)");
    h.call_ok(&c, "defaults", &[some(ascii("abc"))], "\"abc\"");
    h.call_ok(&c, "defaults", &[Value::none()], "\"none\"");
    h.call_ok(
        &c,
        "tests",
        &[some(i(1)), ok(i(1))],
        "(tuple (err false) (none false) (ok true) (some true))",
    );
    h.call_ok(
        &c,
        "tests",
        &[Value::none(), err(i(1))],
        "(tuple (err true) (none true) (ok false) (some false))",
    );
    // A read-only call is a read: its prints are not events.
    let r = h.call_ok(&c, "begin-seq", &[i(2)], "6");
    h.events(&r, &[]);
    let r = h.call_ok(&c, "let-seq", &[i(2)], "(tuple (a 4) (b 5) (c (4 5)))");
    h.events(&r, &[]);
    // Called from a public function, a read-only function still runs in a read-only
    // context that the interpreter rolls back: its prints are dropped.
    let r = h.call_ok(
        &c,
        "print-seq",
        &[i(2)],
        "(ok (tuple (lets (tuple (a 4) (b 5) (c (4 5)))) (seq 6)))",
    );
    h.events(&r, &[]);
    h.finish();
}

#[test]
fn public_functions_short_returns() {
    let mut h = Harness::new();
    let c = deploy_control(&mut h);
    let wallet = h.principal("wallet_1");
    let r = h.call_ok(&c, "public-short", &[Value::UInt(6)], "(ok u6)");
    h.events(&r, &[]);
    h.call_ok(&c, "public-short", &[Value::UInt(5)], "(err u1)");
    h.call_as(
        &c,
        "public-short",
        &[Value::UInt(9)],
        &wallet,
        Expect::Value("(ok u9)".into()),
    );
    let r = h.call_ok(&c, "public-try", &[Value::Int(4)], "(ok u4)");
    h.events(&r, &[format!("print {c}: 4")]);
    // An err result aborts the transaction: its events are not kept.
    let r = h.call_ok(&c, "public-try", &[Value::Int(-4)], "(err u10)");
    h.events(&r, &[]);
    let r = h.call_ok(&c, "public-panic", &[Value::Int(4)], "(ok 2)");
    h.events(&r, &[format!("print {c}: \"before\"")]);
    let r = h.call_err(
        &c,
        "public-panic",
        &[Value::Int(3)],
        "Runtime(UnwrapFailure)",
    );
    h.events(&r, &[]);
    // The same words through the console's direct contract-call form.
    h.ok("(contract-call? .control public-short u7)", "(ok u7)");
    h.ok("(contract-call? .control public-try (- 2 3))", "(err u10)");
    h.ok(
        "(contract-call? .control nested-unwrap (some 2) (ok 3))",
        "(ok 10)",
    );
    h.finish();
}
