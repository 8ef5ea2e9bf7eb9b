//! Contracts: `define-constant define-private define-public define-read-only` with
//! arguments of every type and calls between a contract's own functions (fixtures
//! `types.clar`, `calls.clar`); data vars and maps with rollback (fixture `storage.clar`);
//! deployment-time effects and failures.

use clarinet_wasm_tests::*;

const DEPLOYER: &str = "ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM";
const WALLET_1: &str = "ST1SJ3DTE5DN7X54YDH5D64R3BCB6A2AG2ZQ8YPD5";
const WALLET_2: &str = "ST2CY5V39NHDPWSXMW9QDT3HC3GD6Q6XX4CFRK9AG";

// ---- types.clar ---------------------------------------------------------------------

#[test]
fn arguments_of_every_type() {
    let mut h = Harness::new();
    let c = h.deploy_fixture("types");
    let w1 = h.account("wallet_1");
    let other = h.contract_id("other");
    h.call_ok(&c, "echo-int", &[Value::Int(i128::MIN)], I128_MIN);
    h.call_ok(&c, "echo-int", &[Value::Int(-7)], "-7");
    h.call_ok(&c, "echo-uint", &[Value::UInt(u128::MAX)], U128_MAX);
    h.call_ok(
        &c,
        "echo-uint",
        &[Value::UInt(1 << 64)],
        "u18446744073709551616",
    );
    h.call_ok(&c, "echo-bool", &[Value::Bool(true)], "true");
    h.call_ok(&c, "echo-bool", &[Value::Bool(false)], "false");
    h.call_ok(&c, "echo-principal", &[principal(&w1)], WALLET_1);
    h.call_ok(
        &c,
        "echo-principal",
        &[contract_principal(&other)],
        &format!("{DEPLOYER}.other"),
    );
    h.call_ok(&c, "echo-buff", &[buff(&[])], "0x");
    h.call_ok(
        &c,
        "echo-buff",
        &[buff(&[0xde, 0xad, 0xbe, 0xef])],
        "0xdeadbeef",
    );
    h.call_ok(
        &c,
        "echo-buff",
        &[buff(&[7; 32])],
        &format!("0x{}", "07".repeat(32)),
    );
    h.call_ok(&c, "echo-ascii", &[ascii("")], "\"\"");
    h.call_ok(
        &c,
        "echo-ascii",
        &[ascii("hello \"world\"")],
        "\"hello \\\"world\\\"\"",
    );
    h.call_ok(
        &c,
        "echo-utf8",
        &[utf8("caf\u{e9} \u{1F600}")],
        "u\"caf\\u{c3a9} \\u{f09f9880}\"",
    );
    h.call_ok(&c, "echo-opt", &[Value::none()], "none");
    h.call_ok(&c, "echo-opt", &[some(Value::Int(-1))], "(some -1)");
    h.call_ok(&c, "echo-resp", &[ok(Value::UInt(3))], "(ok u3)");
    h.call_ok(&c, "echo-resp", &[err(ascii("bad"))], "(err \"bad\")");
    h.call_ok(
        &c,
        "echo-tuple",
        &[tuple(&[
            ("a", Value::Int(1)),
            ("b", buff(&[1, 2])),
            ("c", some(principal(&w1))),
        ])],
        &format!("(tuple (a 1) (b 0x0102) (c (some {WALLET_1})))"),
    );
    h.call_ok(
        &c,
        "echo-tuple",
        &[tuple(&[
            ("a", Value::Int(0)),
            ("b", buff(&[])),
            ("c", Value::none()),
        ])],
        "(tuple (a 0) (b 0x) (c none))",
    );
    h.call_ok(
        &c,
        "echo-list",
        &[list(vec![
            tuple(&[("k", Value::UInt(1)), ("v", some(utf8("\u{1F600}")))]),
            tuple(&[("k", Value::UInt(2)), ("v", Value::none())]),
        ])],
        "((tuple (k u1) (v (some u\"\\u{f09f9880}\"))) (tuple (k u2) (v none)))",
    );
    h.call_ok(&c, "echo-list", &[list(vec![])], "()");
    h.call_ok(
        &c,
        "echo-nested",
        &[list(vec![
            list(vec![Value::Int(1), Value::Int(2)]),
            list(vec![]),
            list(vec![Value::Int(3)]),
        ])],
        "((1 2) () (3))",
    );
    h.call_ok(
        &c,
        "echo-opt-list",
        &[list(vec![
            some(ok(Value::Bool(true))),
            Value::none(),
            some(err(Value::Int(-2))),
        ])],
        "((some (ok true)) none (some (err -2)))",
    );
    h.finish();
}

#[test]
fn public_function_with_every_argument_type() {
    let mut h = Harness::new();
    let c = h.deploy_fixture("types");
    let w1 = h.account("wallet_1");
    let args = vec![
        Value::Int(-1),
        Value::UInt(9),
        Value::Bool(true),
        principal(&w1),
        buff(&[1, 2]),
        ascii("abc"),
        utf8("\u{1F600}"),
        some(Value::UInt(3)),
        tuple(&[("x", Value::Int(5))]),
        list(vec![Value::UInt(1), Value::UInt(2)]),
    ];
    let expected = format!(
        "(ok (tuple (b true) (bf 0x0102) (i -1) (l (u1 u2)) (n u2) (o (some u3)) (p {WALLET_1}) (s \"abc\") (t (tuple (x 5))) (u u9) (w u\"\\u{{f09f9880}}\")))"
    );
    let r = h.call_ok(&c, "pub-all", &args, &expected);
    h.events(&r, &[]);
    // The same through the console's direct call form, with literal arguments.
    h.ok(
        &format!("(contract-call? .types pub-all -1 u9 true '{WALLET_1} 0x0102 \"abc\" u\"\\u{{1F600}}\" (some u3) {{x: 5}} (list u1 u2))"),
        &expected,
    );
    h.finish();
}

#[test]
fn private_functions_and_widening() {
    let mut h = Harness::new();
    let c = h.deploy_fixture("types");
    let w1 = h.account("wallet_1");
    h.call_ok(
        &c,
        "use-privates",
        &[Value::Bool(true), principal(&w1)],
        &format!("(tuple (both (tuple (ok true) (r (ok 1)))) (inc (tuple (i 42) (n u3) (u u42))) (picked {WALLET_1}) (wrapped (some u\"\\u{{f09f9880}}\")))"),
    );
    h.call_ok(
        &c,
        "use-privates",
        &[Value::Bool(false), principal(&w1)],
        &format!("(tuple (both (tuple (ok false) (r (err u2)))) (inc (tuple (i 42) (n u3) (u u42))) (picked {DEPLOYER}) (wrapped (some u\"\\u{{f09f9880}}\")))"),
    );
    h.call_ok(
        &c,
        "widen",
        &[Value::Bool(true)],
        "(tuple (l (1)) (o none) (r (ok u1)) (s \"a\"))",
    );
    h.call_ok(
        &c,
        "widen",
        &[Value::Bool(false)],
        "(tuple (l (1 2 3)) (o (some 0x0102)) (r (err \"e\")) (s \"longer\"))",
    );
    h.call_ok(
        &c,
        "max-values",
        &[],
        &format!("(tuple (imax {I128_MAX}) (imin {I128_MIN}) (umax {U128_MAX}))"),
    );
    h.finish();
}

// ---- calls.clar ---------------------------------------------------------------------

#[test]
fn constants_of_every_type() {
    let mut h = Harness::new();
    let c = h.deploy_fixture("calls");
    h.call_ok(
        &c,
        "constants",
        &[],
        &format!(
            "(tuple (b true) (bf 0xcafe) (c {DEPLOYER}.calls) (computed 42) (deployer {DEPLOYER}) (derived 43) (e u0) (i -42) (l ((tuple (k 1)) (tuple (k 2)))) (nl (none (some 1))) (o (some u7)) (p {WALLET_1}) (r (ok 1)) (s \"const\") (t (tuple (a 1) (b (u1 u2)))) (u {U128_MAX}) (w u\"\\u{{f09f9880}}!\"))"
        ),
    );
    h.finish();
}

#[test]
fn calls_between_own_functions() {
    let mut h = Harness::new();
    let c = h.deploy_fixture("calls");
    let i = Value::Int;
    h.call_ok(
        &c,
        "use-private",
        &[i(5)],
        "(tuple (len u7) (quad 20) (swapped (tuple (a 3) (b u5))) (wrapped (some 10)))",
    );
    h.call_err(&c, "use-private", &[i(-5)], UNDERFLOW);
    h.call_ok(&c, "calls-read-only", &[i(5)], "10");
    h.call_err(&c, "calls-read-only", &[i(i128::MAX)], OVERFLOW);
    let r = h.call_ok(&c, "public-calls-private", &[i(3)], "(ok 12)");
    h.events(&r, &[format!("print {c}: (tuple (logged 3))")]);
    let r = h.call_ok(&c, "calls-public", &[i(3)], "(ok 13)");
    h.events(&r, &[format!("print {c}: (tuple (logged 3))")]);
    h.call_err(&c, "calls-public", &[i(i128::MAX)], OVERFLOW);
    h.call_ok(&c, "calls-public", &[i(-2000)], "(err u0)");
    h.call_ok(&c, "public-checked", &[i(4)], "(ok 8)");
    h.call_ok(&c, "public-checked", &[i(-1)], "(err \"not positive\")");
    h.call_ok(&c, "public-divide", &[i(7), i(2)], "(ok 3)");
    h.call_err(&c, "public-divide", &[i(1), i(0)], DIV_BY_ZERO);
    h.call_err(&c, "public-divide", &[i(i128::MIN), i(-1)], DIV_BY_ZERO);
    h.finish();
}

#[test]
fn sender_caller_and_chain_context() {
    let mut h = Harness::new();
    let c = h.deploy_fixture("calls");
    let deployer = h.sender.clone();
    let w1 = h.principal("wallet_1");
    let w2 = h.principal("wallet_2");
    h.call_as(
        &c,
        "who",
        &[],
        &deployer,
        Expect::Value(format!("(tuple (caller {DEPLOYER}) (sender {DEPLOYER}))")),
    );
    h.call_as(
        &c,
        "who",
        &[],
        &w1,
        Expect::Value(format!("(tuple (caller {WALLET_1}) (sender {WALLET_1}))")),
    );
    h.call_as(
        &c,
        "who-public",
        &[],
        &w2,
        Expect::Value(format!(
            "(ok (tuple (caller {WALLET_2}) (sender {WALLET_2})))"
        )),
    );
    h.call_as(
        &c,
        "is-deployer",
        &[],
        &deployer,
        Expect::Value("true".into()),
    );
    h.call_as(&c, "is-deployer", &[], &w1, Expect::Value("false".into()));
    h.eval_as("tx-sender", &w1, Expect::Value(WALLET_1.into()));
    h.eval_as("contract-caller", &w2, Expect::Value(WALLET_2.into()));
    h.eval_as(
        "(is-eq tx-sender contract-caller)",
        &w1,
        Expect::Value("true".into()),
    );
    h.eval_as(
        &format!("(is-eq tx-sender '{WALLET_1})"),
        &w1,
        Expect::Value("true".into()),
    );
    h.eval_as(
        &format!("(is-eq tx-sender '{WALLET_1})"),
        &w2,
        Expect::Value("false".into()),
    );
    h.ok("chain-id", "u2147483648");
    h.ok("is-in-mainnet", "false");
    h.ok("is-in-regtest", "false");
    // On the devnet chain both heights start at 0; after advancing, the burn height (as
    // the interpreter sees it) trails the Stacks block height by one.
    let expected = |b: u32, burn: u32| {
        format!("(tuple (block u{b}) (burn u{burn}) (chain u2147483648) (mainnet false) (regtest false))")
    };
    h.call_ok(&c, "heights", &[], &expected(0, 0));
    h.ok("block-height", "u0");
    h.d.advance_blocks(5);
    h.call_ok(&c, "heights", &[], &expected(5, 4));
    h.ok("block-height", "u5");
    h.ok("burn-block-height", "u4");
    h.ok("(list block-height burn-block-height)", "(u5 u4)");
    h.d.advance_blocks(1);
    h.ok("(+ block-height u1)", "u7");
    h.ok("(> block-height burn-block-height)", "true");
    h.finish();
}

// ---- storage.clar -------------------------------------------------------------------

fn all_vars(
    counter: u32,
    label: &str,
    last: &str,
    history: &str,
    config: &str,
    greeting: &str,
) -> String {
    format!("(tuple (config {config}) (counter u{counter}) (greeting {greeting}) (history {history}) (label \"{label}\") (last {last}))")
}

const INITIAL_CONFIG: &str = "(tuple (fee u10) (paused false) (tag 0x00))";
const INITIAL_GREETING: &str = "u\"hi \\u{f09f9880}\"";

#[test]
fn data_vars() {
    let mut h = Harness::new();
    let c = h.deploy_fixture("storage");
    let w1 = h.principal("wallet_1");
    h.call_ok(&c, "get-counter", &[], "u1");
    h.call_ok(
        &c,
        "get-all",
        &[],
        &all_vars(1, "start", "none", "()", INITIAL_CONFIG, INITIAL_GREETING),
    );
    h.call_ok(&c, "increment", &[Value::UInt(5)], "(ok u6)");
    h.call_as(
        &c,
        "increment",
        &[Value::UInt(1)],
        &w1,
        Expect::Value("(ok u7)".into()),
    );
    h.call_ok(&c, "set-label", &[ascii("hello")], "(ok true)");
    h.call_ok(&c, "push-history", &[Value::Int(3)], "(ok (3 4))");
    h.call_ok(&c, "pause", &[Value::UInt(20)], "(ok true)");
    h.call_ok(&c, "set-greeting", &[utf8("caf\u{e9}")], "(ok true)");
    h.call_ok(
        &c,
        "get-all",
        &[],
        &all_vars(
            7,
            "hello",
            &format!("(some {WALLET_1})"),
            "(3 4)",
            "(tuple (fee u20) (paused true) (tag 0x00))",
            "u\"caf\\u{c3a9}\"",
        ),
    );
    // Narrower values stored into wider vars.
    h.call_ok(&c, "set-short-label", &[], "(ok true)");
    h.call_ok(&c, "set-history-literal", &[], "(ok true)");
    h.call_ok(&c, "set-label", &[ascii("")], "(ok true)");
    h.call_ok(
        &c,
        "get-all",
        &[],
        &all_vars(
            7,
            "",
            &format!("(some {WALLET_1})"),
            "(1 2 3)",
            "(tuple (fee u20) (paused true) (tag 0x00))",
            "u\"caf\\u{c3a9}\"",
        ),
    );
    h.finish();
}

#[test]
fn maps() {
    let mut h = Harness::new();
    let c = h.deploy_fixture("storage");
    let (w1, w2) = (h.account("wallet_1"), h.account("wallet_2"));
    let deployer = h.deployer.clone();
    // Written at deployment.
    h.call_ok(&c, "balance-or-zero", &[principal(&deployer)], "u1000");
    h.call_ok(&c, "get-balance", &[principal(&w1)], "none");
    h.call_ok(&c, "balance-or-zero", &[principal(&w1)], "u0");
    h.call_ok(
        &c,
        "set-balance",
        &[principal(&w1), Value::UInt(5)],
        "(ok true)",
    );
    h.call_ok(&c, "get-balance", &[principal(&w1)], "(some u5)");
    // map-insert on an existing key returns false and leaves the value.
    h.call_ok(
        &c,
        "insert-balance",
        &[principal(&w1), Value::UInt(9)],
        "(ok false)",
    );
    h.call_ok(&c, "get-balance", &[principal(&w1)], "(some u5)");
    h.call_ok(
        &c,
        "insert-balance",
        &[principal(&w2), Value::UInt(9)],
        "(ok true)",
    );
    h.call_ok(&c, "get-balance", &[principal(&w2)], "(some u9)");
    h.call_ok(&c, "delete-balance", &[principal(&w2)], "(ok true)");
    // map-delete of a missing key returns false.
    h.call_ok(&c, "delete-balance", &[principal(&w2)], "(ok false)");
    h.call_ok(&c, "get-balance", &[principal(&w2)], "none");
    // A contract principal as a key.
    h.call_ok(
        &c,
        "set-balance",
        &[contract_principal(&c), Value::UInt(1)],
        "(ok true)",
    );
    h.call_ok(&c, "get-balance", &[contract_principal(&c)], "(some u1)");
    // transfer: reads and writes in one call, from different senders.
    h.call_ok(
        &c,
        "transfer",
        &[principal(&w1), Value::UInt(100)],
        "(ok true)",
    );
    h.call_ok(&c, "balance-or-zero", &[principal(&deployer)], "u900");
    h.call_ok(&c, "balance-or-zero", &[principal(&w1)], "u105");
    let wallet_2 = PrincipalData::Standard(w2.clone());
    h.call_as(
        &c,
        "transfer",
        &[principal(&w1), Value::UInt(1)],
        &wallet_2,
        Expect::Value("(err u2)".into()),
    );
    let wallet_1 = PrincipalData::Standard(w1.clone());
    h.call_as(
        &c,
        "transfer",
        &[principal(&w2), Value::UInt(105)],
        &wallet_1,
        Expect::Value("(ok true)".into()),
    );
    h.call_ok(&c, "balance-or-zero", &[principal(&w1)], "u0");
    h.call_ok(&c, "balance-or-zero", &[principal(&w2)], "u105");
    // Tuple keys and values.
    let (u, a) = (Value::UInt, ascii);
    h.call_ok(
        &c,
        "put-record",
        &[u(1), a("a"), Value::Int(-5), some(buff(&[1]))],
        "(ok true)",
    );
    h.call_ok(
        &c,
        "get-record",
        &[u(1), a("a")],
        &format!("(some (tuple (amount -5) (memo (some 0x01)) (owner {DEPLOYER})))"),
    );
    h.call_ok(&c, "get-record", &[u(1), a("b")], "none");
    h.call_ok(
        &c,
        "insert-record",
        &[u(1), a("a"), Value::Int(3)],
        "(ok false)",
    );
    h.call_as(
        &c,
        "insert-record",
        &[u(2), a("b"), Value::Int(3)],
        &wallet_1,
        Expect::Value("(ok true)".into()),
    );
    h.call_ok(
        &c,
        "get-record",
        &[u(2), a("b")],
        &format!("(some (tuple (amount 3) (memo none) (owner {WALLET_1})))"),
    );
    h.call_ok(&c, "record-amount", &[u(2), a("b")], "3");
    h.call_ok(&c, "record-amount", &[u(3), a("c")], "0");
    h.call_ok(&c, "delete-record", &[u(1), a("a")], "(ok true)");
    h.call_ok(&c, "delete-record", &[u(1), a("a")], "(ok false)");
    h.call_ok(&c, "get-record", &[u(1), a("a")], "none");
    h.call_ok(
        &c,
        "put-record",
        &[u(1), a("a"), Value::Int(i128::MIN), Value::none()],
        "(ok true)",
    );
    h.call_ok(&c, "record-amount", &[u(1), a("a")], I128_MIN);
    // Bool values.
    h.call_ok(&c, "get-flag", &[u(0)], "(some true)");
    h.call_ok(&c, "toggle", &[u(0)], "(ok false)");
    h.call_ok(&c, "toggle", &[u(5)], "(ok true)");
    h.call_ok(&c, "get-flag", &[u(0)], "(some false)");
    h.call_ok(&c, "get-flag", &[u(5)], "(some true)");
    h.call_ok(&c, "get-flag", &[u(6)], "none");
    h.finish();
}

#[test]
fn rollback_on_err_and_runtime_errors() {
    let mut h = Harness::new();
    let c = h.deploy_fixture("storage");
    let deployer = h.deployer.clone();
    let initial = all_vars(1, "start", "none", "()", INITIAL_CONFIG, INITIAL_GREETING);
    // err result: every write and the print are dropped.
    let r = h.call_ok(&c, "increment-then-fail", &[Value::UInt(10)], "(err u1)");
    h.events(&r, &[]);
    if !r.interpreter.writes.is_empty() {
        h.fail(format!(
            "a rolled-back call wrote state: {:?}",
            r.interpreter.writes
        ));
    }
    h.call_ok(&c, "get-all", &[], &initial);
    h.call_ok(&c, "balance-or-zero", &[principal(&deployer)], "u1000");
    h.call_ok(&c, "get-flag", &[Value::UInt(0)], "(some true)");
    // Runtime error after writes.
    h.call_err(&c, "increment-then-panic", &[Value::UInt(3)], DIV_BY_ZERO);
    h.call_ok(&c, "get-counter", &[], "u1");
    h.call_ok(&c, "balance-or-zero", &[principal(&deployer)], "u1000");
    h.call_ok(&c, "get-record", &[Value::UInt(99), ascii("panic")], "none");
    h.call_err(&c, "overflow-after-write", &[], OVERFLOW);
    h.call_ok(&c, "get-counter", &[], "u1");
    // A failed assertion returns err: rolled back.
    h.call_ok(&c, "assert-after-write", &[Value::Bool(false)], "(err u3)");
    h.call_ok(&c, "get-all", &[], &initial);
    h.call_ok(
        &c,
        "assert-after-write",
        &[Value::Bool(true)],
        "(ok \"asserted\")",
    );
    h.call_ok(
        &c,
        "get-all",
        &[],
        &all_vars(
            1,
            "asserted",
            "none",
            "()",
            INITIAL_CONFIG,
            INITIAL_GREETING,
        ),
    );
    // A short return of an ok value commits what was written before it.
    h.call_ok(&c, "short-return-ok", &[], "(ok u1)");
    h.call_ok(&c, "get-counter", &[], "u77");
    h.call_ok(&c, "unwrap-short-return-ok", &[Value::none()], "(ok u0)");
    h.call_ok(
        &c,
        "get-all",
        &[],
        &all_vars(
            77,
            "unwrapped",
            "none",
            "()",
            INITIAL_CONFIG,
            INITIAL_GREETING,
        ),
    );
    h.call_ok(
        &c,
        "unwrap-short-return-ok",
        &[some(Value::UInt(4))],
        "(ok u5)",
    );
    // A successful call after failed ones still commits.
    h.call_ok(&c, "increment", &[Value::UInt(2)], "(ok u79)");
    h.call_ok(&c, "get-counter", &[], "u79");
    h.finish();
}

#[test]
fn nested_public_call_rolls_back_alone() {
    let mut h = Harness::new();
    let c = h.deploy_fixture("storage");
    let r = h.call_ok(&c, "inner-fails", &[], "(err u7)");
    h.events(&r, &[]);
    let r = h.call_ok(&c, "outer-recovers", &[], "(ok u7)");
    // The inner call's print goes with its rollback.
    h.events(&r, &[format!("print {c}: \"outer\"")]);
    // The outer write is kept, the inner one (err) is not.
    h.call_ok(&c, "get-counter", &[], "u42");
    h.call_ok(
        &c,
        "get-all",
        &[],
        &all_vars(42, "start", "none", "()", INITIAL_CONFIG, INITIAL_GREETING),
    );
    h.finish();
}

// ---- deployment ---------------------------------------------------------------------

#[test]
fn deployment_effects() {
    let mut h = Harness::new();
    let src = "(define-data-var n int 5)\n(print {deployed: true, n: (var-get n)})\n(var-set n 6)\n(define-read-only (get-n) (var-get n))";
    let deployer = h.deployer.clone();
    let r =
        h.d.deploy("printer", src, &deployer, ClarityVersion::Clarity2);
    let r = h.expect(r, Expect::Deployed);
    h.events(
        &r,
        &[format!(
            "print {DEPLOYER}.printer: (tuple (deployed true) (n 5))"
        )],
    );
    let id = h.contract_id("printer");
    h.call_ok(&id, "get-n", &[], "6");
    h.finish();
}

#[test]
fn deployment_failures() {
    let mut h = Harness::new();
    let deployer = h.deployer.clone();
    // A constant failing at runtime fails the deployment.
    let r = h.d.deploy(
        "bad-constant",
        "(define-constant BAD (/ 1 0))",
        &deployer,
        ClarityVersion::Clarity2,
    );
    h.expect(r, Expect::Error(DIV_BY_ZERO.into()));
    let r = h.d.deploy(
        "bad-var",
        "(define-data-var v uint (- u0 u1))\n(define-read-only (get-v) (var-get v))",
        &deployer,
        ClarityVersion::Clarity2,
    );
    h.expect(r, Expect::Error(UNDERFLOW.into()));
    let r = h.d.deploy(
        "bad-top",
        "(define-data-var v int 1)\n(var-set v 2)\n(unwrap-panic (if true none (some 1)))",
        &deployer,
        ClarityVersion::Clarity2,
    );
    h.expect(r, Expect::Error("Runtime(UnwrapFailure)".into()));
    // A type error fails analysis on both.
    let r = h.d.deploy(
        "ill-typed",
        "(define-read-only (f) (+ 1 u1))",
        &deployer,
        ClarityVersion::Clarity2,
    );
    h.expect(r, Expect::ErrorContaining("analysis".into()));
    // The failed contracts do not exist: a contract of the same name can be deployed.
    h.deploy(
        "bad-constant",
        "(define-constant GOOD (/ 4 2))\n(define-read-only (good) GOOD)",
    );
    let id = h.contract_id("bad-constant");
    h.call_ok(&id, "good", &[], "2");
    h.finish();
}

#[test]
fn function_types_with_several_contract_principals() {
    // The return type of `f` is a list whose entry type is a union of six contract
    // principals; the stored contract analysis must be the same on both runtimes.
    let mut h = Harness::new();
    let c = h.deploy("unions", "(define-read-only (f) (list .a .b .c .d .e .f))\n(define-read-only (g (flag bool)) (if flag .x .y))");
    h.call_ok(
        &c,
        "f",
        &[],
        &format!("({0}.a {0}.b {0}.c {0}.d {0}.e {0}.f)", DEPLOYER),
    );
    h.call_ok(&c, "g", &[Value::Bool(false)], &format!("{DEPLOYER}.y"));
    h.finish();
}

#[test]
fn wide_tuples_through_functions() {
    // Many fields: many flat values as arguments and results.
    let mut h = Harness::new();
    let n = 40;
    let ty: Vec<String> = (0..n)
        .map(|i| {
            format!(
                "f{i:02}: {}",
                if i % 3 == 0 {
                    "int"
                } else if i % 3 == 1 {
                    "(string-ascii 4)"
                } else {
                    "(optional uint)"
                }
            )
        })
        .collect();
    let ty = format!("{{{}}}", ty.join(", "));
    let src = format!(
        "(define-data-var store {ty} (get-default))\n\
         (define-read-only (get-default) {{{}}})\n\
         (define-read-only (echo (t {ty})) t)\n\
         (define-public (save (t {ty})) (ok (var-set store t)))\n\
         (define-read-only (load) (var-get store))\n\
         (define-map wide {ty} {ty})\n\
         (define-public (put (t {ty})) (ok (map-insert wide t t)))\n\
         (define-read-only (lookup (t {ty})) (map-get? wide t))",
        (0..n)
            .map(|i| format!(
                "f{i:02}: {}",
                if i % 3 == 0 {
                    "0".to_string()
                } else if i % 3 == 1 {
                    "\"\"".to_string()
                } else {
                    "none".to_string()
                }
            ))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let c = h.deploy("wide", &src);
    let names: Vec<String> = (0..n).map(|i| format!("f{i:02}")).collect();
    let fields: Vec<(&str, Value)> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let v = if i % 3 == 0 {
                Value::Int(i as i128 - 20)
            } else if i % 3 == 1 {
                ascii(&"ab".repeat(i % 3))
            } else {
                some(Value::UInt(i as u128))
            };
            (name.as_str(), v)
        })
        .collect();
    let value = tuple(&fields);
    let shown = value.to_string();
    let arg = [value];
    h.call_ok(&c, "echo", &arg, &shown);
    h.call_ok(&c, "save", &arg, "(ok true)");
    h.call_ok(&c, "load", &[], &shown);
    h.call_ok(&c, "put", &arg, "(ok true)");
    h.call_ok(&c, "put", &arg, "(ok false)");
    h.call_ok(&c, "lookup", &arg, &format!("(some {shown})"));
    h.finish();
}

#[test]
fn plain_dual_api() {
    // The driver used directly, with the panicking helpers.
    let mut d = Dual::new(Chain::devnet(), Runtimes::Both);
    let deployer = d.interp.deployer();
    let sender = PrincipalData::Standard(deployer.clone());
    let r = d.deploy(
        "plain",
        "(define-public (half (x uint)) (ok (/ x u2)))",
        &deployer,
        ClarityVersion::Clarity2,
    );
    check(&r);
    assert_eq!(r.interpreter.result, Ok(None));
    let id = QualifiedContractIdentifier::new(deployer.clone(), "plain".into());
    expect_value(&d.call(&id, "half", &[Value::UInt(9)], &sender), "(ok u4)");
    let wallet_1 = PrincipalData::Standard(d.interp.account("wallet_1").unwrap().address.clone());
    expect_value(
        &d.call(&id, "half", &[Value::UInt(u128::MAX)], &wallet_1),
        "(ok u170141183460469231731687303715884105727)",
    );
    expect_value(&d.eval("(+ 1 2)", &sender), "3");
    expect_error(&d.eval("(/ 1 0)", &sender), DIV_BY_ZERO);
    expect_error(
        &d.eval("(unwrap! (if true none (some 1)) u1)", &wallet_1),
        &short_return("ExpectedValue", "UInt(1)"),
    );
    expect_error(
        &d.eval(&format!("(- {I128_MIN})"), &sender),
        &runtime("ArithmeticUnderflow"),
    );
}

/// clarity-vm names the functions of a definition cycle in a varying order; both runtimes
/// must still report the same error (found by the fuzzer).
#[test]
fn definition_cycles_are_one_error() {
    let mut h = Harness::new();
    let deployer = h.deployer.clone();
    for i in 0..8 {
        let r = h.d.deploy(
            &format!("cycle-{i}"),
            "(define-private (a) (b))\n(define-private (b) (c))\n(define-private (c) (a))",
            &deployer,
            ClarityVersion::Clarity2,
        );
        h.expect(
            r,
            Expect::ErrorContaining("interdependent functions (a, b, c)".into()),
        );
    }
    h.finish();
}
