//! Conversion words the host implements (`buff-to-int-le buff-to-uint-le buff-to-int-be
//! buff-to-uint-be string-to-int? string-to-uint? int-to-ascii int-to-utf8
//! to-consensus-buff? from-consensus-buff?`), on both runtimes: values, errors and costs
//! must agree, and the interpreter's values are the ones expected.

use clarinet_wasm_tests::*;
use clarity::codec::StacksMessageCodec;

const DEPLOYER: &str = "ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM";
/// The deployer's hash160 (version 0x1a).
const HASH: &str = "6d78de7b0625dfbfc16c3a8a5735f6dc3dc3f2ce";
/// `1` and `u1` serialized.
const INT1: &str = "0000000000000000000000000000000001";
const UINT1: &str = "0100000000000000000000000000000001";

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Run each `(src, expected)` and expect it.
fn cases(h: &mut Harness, cases: &[(String, String)]) {
    for (src, v) in cases {
        h.ok(src, v);
    }
}

/// `from-consensus-buff?` of an empty buffer: costs-3's `nlogn` of 0 fails.
fn cost_log2_error() -> String {
    concat!(
        r#"Unchecked(CostComputationFailed("Error evaluating result of cost function "#,
        r#"ST000000000000000000002AMW42H.costs-3.cost_from_consensus_buff: "#,
        r#"Arithmetic(\"log2 must be passed a positive integer\")\n Stack Trace: \n"#,
        r#"ST000000000000000000002AMW42H.costs-3:cost_from_consensus_buff\n"#,
        r#"ST000000000000000000002AMW42H.costs-3:nlogn\n_native_:native_log2\n"))"#,
    )
    .to_string()
}

fn s(x: &str) -> String {
    x.to_string()
}

#[test]
fn buff_to_int_literals() {
    let mut h = Harness::new();
    ok_all(
        &mut h,
        &[
            ("(buff-to-int-le 0x)", "0"),
            ("(buff-to-int-be 0x)", "0"),
            ("(buff-to-uint-le 0x)", "u0"),
            ("(buff-to-uint-be 0x)", "u0"),
            ("(buff-to-int-le 0x01)", "1"),
            ("(buff-to-int-be 0x01)", "1"),
            ("(buff-to-int-le 0xff)", "255"),
            ("(buff-to-int-be 0xff)", "255"),
            ("(buff-to-uint-le 0xff)", "u255"),
            ("(buff-to-int-le 0x0102)", "513"),
            ("(buff-to-int-be 0x0102)", "258"),
            ("(buff-to-uint-le 0x0102)", "u513"),
            ("(buff-to-uint-be 0x0102)", "u258"),
            ("(buff-to-int-le 0xffffffffffffffffffffffffffffffff)", "-1"),
            ("(buff-to-int-be 0xffffffffffffffffffffffffffffffff)", "-1"),
            (
                "(buff-to-uint-le 0xffffffffffffffffffffffffffffffff)",
                U128_MAX,
            ),
            (
                "(buff-to-uint-be 0xffffffffffffffffffffffffffffffff)",
                U128_MAX,
            ),
            // the sign bit: the last byte (le) or the first (be) of 16
            ("(buff-to-int-be 0x80000000000000000000000000000000)", I128_MIN),
            ("(buff-to-int-le 0x00000000000000000000000000000080)", I128_MIN),
            ("(buff-to-int-be 0x7fffffffffffffffffffffffffffffff)", I128_MAX),
            ("(buff-to-int-le 0xffffffffffffffffffffffffffffff7f)", I128_MAX),
            (
                "(buff-to-int-le 0x80000000000000000000000000000000)",
                "128",
            ),
            (
                "(buff-to-uint-be 0x80000000000000000000000000000000)",
                "u170141183460469231731687303715884105728",
            ),
            // fewer than 16 bytes never has the sign bit
            ("(buff-to-int-be 0xffffffffffffffffffffffffffffff)", "1329227995784915872903807060280344575"),
            ("(buff-to-int-le 0xffffffffffffffffffffffffffffff)", "1329227995784915872903807060280344575"),
            ("(buff-to-int-be 0x8000)", "32768"),
            // computed arguments
            ("(buff-to-uint-be (concat 0x01 0x00))", "u256"),
            ("(buff-to-int-le (unwrap-panic (slice? 0x00ff01 u1 u3)))", "511"),
            (
                "(buff-to-uint-le (unwrap-panic (as-max-len? (unwrap-panic (slice? (sha256 0x) u0 u1)) u16)))",
                "u227",
            ),
        ],
    );
    h.finish();
}

#[test]
fn buff_to_int_every_length() {
    let mut h = Harness::new();
    let c = h.deploy(
        "conv",
        r#"
(define-read-only (all (b (buff 16)))
  {ile: (buff-to-int-le b), ibe: (buff-to-int-be b), ule: (buff-to-uint-le b), ube: (buff-to-uint-be b)})
"#,
    );
    for n in 0..=16usize {
        for fill in [0x00u8, 0x01, 0x7f, 0x80, 0xff] {
            // bytes 1, 2, ... n-1 then `fill` last (so the sign bit moves with it)
            let mut bytes: Vec<u8> = (1..n as u8).collect();
            if n > 0 {
                bytes.push(fill);
            }
            let mut le = [0u8; 16];
            le[..n].copy_from_slice(&bytes);
            let mut be = [0u8; 16];
            be[16 - n..].copy_from_slice(&bytes);
            let expected = format!(
                "(tuple (ibe {}) (ile {}) (ube u{}) (ule u{}))",
                i128::from_be_bytes(be),
                i128::from_le_bytes(le),
                u128::from_be_bytes(be),
                u128::from_le_bytes(le),
            );
            h.call_ok(&c, "all", &[buff(&bytes)], &expected);
            // the same bytes reversed
            let rev: Vec<u8> = bytes.iter().rev().copied().collect();
            let mut le = [0u8; 16];
            le[..n].copy_from_slice(&rev);
            let mut be = [0u8; 16];
            be[16 - n..].copy_from_slice(&rev);
            let expected = format!(
                "(tuple (ibe {}) (ile {}) (ube u{}) (ule u{}))",
                i128::from_be_bytes(be),
                i128::from_le_bytes(le),
                u128::from_be_bytes(be),
                u128::from_le_bytes(le),
            );
            h.call_ok(&c, "all", &[buff(&rev)], &expected);
        }
    }
    h.finish();
}

#[test]
fn string_to_int() {
    let mut h = Harness::new();
    let above_i128 = "170141183460469231731687303715884105728";
    let below_i128 = "-170141183460469231731687303715884105729";
    let u128_max = &U128_MAX[1..];
    let above_u128 = "340282366920938463463374607431768211456";
    let mut all = vec![
        (s(r#"(string-to-int? "")"#), s("none")),
        (s(r#"(string-to-int? "0")"#), s("(some 0)")),
        (s(r#"(string-to-int? "5")"#), s("(some 5)")),
        (s(r#"(string-to-int? "+5")"#), s("(some 5)")),
        (s(r#"(string-to-int? "-5")"#), s("(some -5)")),
        (s(r#"(string-to-int? "-0")"#), s("(some 0)")),
        (s(r#"(string-to-int? "+0")"#), s("(some 0)")),
        (s(r#"(string-to-int? "007")"#), s("(some 7)")),
        (s(r#"(string-to-int? "-007")"#), s("(some -7)")),
        (s(r#"(string-to-int? " 5")"#), s("none")),
        (s(r#"(string-to-int? "5 ")"#), s("none")),
        (s(r#"(string-to-int? "+")"#), s("none")),
        (s(r#"(string-to-int? "-")"#), s("none")),
        (s(r#"(string-to-int? "--5")"#), s("none")),
        (s(r#"(string-to-int? "+-5")"#), s("none")),
        (s(r#"(string-to-int? "1e3")"#), s("none")),
        (s(r#"(string-to-int? "0x10")"#), s("none")),
        (s(r#"(string-to-int? "12x")"#), s("none")),
        (s(r#"(string-to-int? "1_000")"#), s("none")),
        (s(r#"(string-to-int? "1.0")"#), s("none")),
        (s(r#"(string-to-int? "\n5")"#), s("none")),
        (
            format!(r#"(string-to-int? "{I128_MAX}")"#),
            format!("(some {I128_MAX})"),
        ),
        (
            format!(r#"(string-to-int? "{I128_MIN}")"#),
            format!("(some {I128_MIN})"),
        ),
        (
            format!(r#"(string-to-int? "+{I128_MAX}")"#),
            format!("(some {I128_MAX})"),
        ),
        (format!(r#"(string-to-int? "{above_i128}")"#), s("none")),
        (format!(r#"(string-to-int? "{below_i128}")"#), s("none")),
        (format!(r#"(string-to-int? "{u128_max}")"#), s("none")),
        (s(r#"(string-to-int? u"")"#), s("none")),
        (s(r#"(string-to-int? u"42")"#), s("(some 42)")),
        (s(r#"(string-to-int? u"-42")"#), s("(some -42)")),
        // digits of other scripts are not digits
        (s(r#"(string-to-int? u"\u{0661}\u{0662}")"#), s("none")),
        (s(r#"(string-to-int? u"\u{FF15}")"#), s("none")),
        (s(r#"(string-to-int? u"4\u{e9}")"#), s("none")),
        (s(r#"(string-to-int? u"\u{2212}5")"#), s("none")),
        (
            format!(r#"(string-to-int? u"{I128_MIN}")"#),
            format!("(some {I128_MIN})"),
        ),
        // uint
        (s(r#"(string-to-uint? "")"#), s("none")),
        (s(r#"(string-to-uint? "0")"#), s("(some u0)")),
        (s(r#"(string-to-uint? "+5")"#), s("(some u5)")),
        (s(r#"(string-to-uint? "-0")"#), s("none")),
        (s(r#"(string-to-uint? "-5")"#), s("none")),
        (s(r#"(string-to-uint? " 5")"#), s("none")),
        (s(r#"(string-to-uint? "5 ")"#), s("none")),
        (s(r#"(string-to-uint? "u5")"#), s("none")),
        (s(r#"(string-to-uint? "0005")"#), s("(some u5)")),
        (
            format!(r#"(string-to-uint? "{u128_max}")"#),
            format!("(some {U128_MAX})"),
        ),
        (
            format!(r#"(string-to-uint? "+{u128_max}")"#),
            format!("(some {U128_MAX})"),
        ),
        (format!(r#"(string-to-uint? "{above_u128}")"#), s("none")),
        (s(r#"(string-to-uint? u"77")"#), s("(some u77)")),
        (s(r#"(string-to-uint? u"\u{0967}")"#), s("none")),
        (s(r#"(string-to-uint? u"")"#), s("none")),
        // computed arguments
        (s(r#"(string-to-int? (concat "-" "12"))"#), s("(some -12)")),
        (
            s(r#"(string-to-uint? (int-to-ascii u99))"#),
            s("(some u99)"),
        ),
        (s(r#"(string-to-int? (int-to-utf8 -99))"#), s("(some -99)")),
        (s(r#"(string-to-uint? (int-to-ascii -1))"#), s("none")),
    ];
    cases(&mut h, &all);
    all.clear();

    // through a function's arguments, expected from Rust's own parse
    let c = h.deploy(
        "conv",
        r#"
(define-read-only (a (s (string-ascii 50))) {i: (string-to-int? s), u: (string-to-uint? s)})
(define-read-only (u (s (string-utf8 50))) {i: (string-to-int? s), u: (string-to-uint? s)})
"#,
    );
    let texts = [
        "",
        "0",
        "1",
        "+1",
        "-1",
        "-0",
        "+",
        "-",
        " 1",
        "1 ",
        "01",
        "+-1",
        "9x",
        "x9",
        I128_MAX,
        I128_MIN,
        above_i128,
        below_i128,
        u128_max,
        above_u128,
        "99999999999999999999999999999999999999999999999999",
    ];
    let render = |s: &str| {
        let i = s
            .parse::<i128>()
            .map(|v| format!("(some {v})"))
            .unwrap_or("none".into());
        let u = s
            .parse::<u128>()
            .map(|v| format!("(some u{v})"))
            .unwrap_or("none".into());
        format!("(tuple (i {i}) (u {u}))")
    };
    for t in texts {
        h.call_ok(&c, "a", &[ascii(t)], &render(t));
        h.call_ok(&c, "u", &[utf8(t)], &render(t));
    }
    for t in ["\u{0661}", "1\u{e9}", "\u{1F600}", "\u{FF11}\u{FF12}"] {
        h.call_ok(&c, "u", &[utf8(t)], "(tuple (i none) (u none))");
    }
    h.finish();
}

#[test]
fn int_to_string() {
    let mut h = Harness::new();
    let mut all = vec![
        (s("(int-to-ascii 0)"), s(r#""0""#)),
        (s("(int-to-ascii 1)"), s(r#""1""#)),
        (s("(int-to-ascii -1)"), s(r#""-1""#)),
        (s("(int-to-ascii u0)"), s(r#""0""#)),
        (s("(int-to-ascii u42)"), s(r#""42""#)),
        (
            format!("(int-to-ascii {I128_MAX})"),
            format!(r#""{I128_MAX}""#),
        ),
        (
            format!("(int-to-ascii {I128_MIN})"),
            format!(r#""{I128_MIN}""#),
        ),
        (
            format!("(int-to-ascii {U128_MAX})"),
            format!(r#""{}""#, &U128_MAX[1..]),
        ),
        (s("(int-to-utf8 0)"), s(r#"u"0""#)),
        (s("(int-to-utf8 -42)"), s(r#"u"-42""#)),
        (s("(int-to-utf8 u7)"), s(r#"u"7""#)),
        (
            format!("(int-to-utf8 {I128_MIN})"),
            format!(r#"u"{I128_MIN}""#),
        ),
        (
            format!("(int-to-utf8 {I128_MAX})"),
            format!(r#"u"{I128_MAX}""#),
        ),
        (
            format!("(int-to-utf8 {U128_MAX})"),
            format!(r#"u"{}""#, &U128_MAX[1..]),
        ),
        (
            s("(len (int-to-ascii -170141183460469231731687303715884105728))"),
            s("u40"),
        ),
        (
            s("(len (int-to-utf8 u340282366920938463463374607431768211455))"),
            s("u39"),
        ),
        (
            s("(concat (int-to-ascii 12) (int-to-ascii u34))"),
            s(r#""1234""#),
        ),
        (s("(int-to-ascii (- 5 10))"), s(r#""-5""#)),
        (s(r#"(index-of? (int-to-ascii -123) "2")"#), s("(some u2)")),
        (
            s(r#"(append (list (int-to-ascii 1)) (int-to-ascii -123456))"#),
            s(r#"("1" "-123456")"#),
        ),
    ];
    cases(&mut h, &all);
    all.clear();
    let c = h.deploy(
        "conv",
        "(define-read-only (f (i int) (u uint)) {ai: (int-to-ascii i), au: (int-to-ascii u), ui: (int-to-utf8 i), uu: (int-to-utf8 u)})",
    );
    for (i, u) in [
        (0i128, 0u128),
        (-1, 1),
        (i128::MIN, u128::MAX),
        (i128::MAX, 1 << 64),
        (-(1 << 100), 10u128.pow(38)),
    ] {
        h.call_ok(
            &c,
            "f",
            &[Value::Int(i), Value::UInt(u)],
            &format!(r#"(tuple (ai "{i}") (au "{u}") (ui u"{i}") (uu u"{u}"))"#),
        );
    }
    h.finish();
}

#[test]
fn to_consensus_buff_every_type() {
    let mut h = Harness::new();
    let all = vec![
        (s("(to-consensus-buff? 1)"), format!("(some 0x{INT1})")),
        (
            s("(to-consensus-buff? -1)"),
            s("(some 0x00ffffffffffffffffffffffffffffffff)"),
        ),
        (
            format!("(to-consensus-buff? {I128_MIN})"),
            s("(some 0x0080000000000000000000000000000000)"),
        ),
        (s("(to-consensus-buff? u1)"), format!("(some 0x{UINT1})")),
        (
            format!("(to-consensus-buff? {U128_MAX})"),
            s("(some 0x01ffffffffffffffffffffffffffffffff)"),
        ),
        (s("(to-consensus-buff? true)"), s("(some 0x03)")),
        (s("(to-consensus-buff? false)"), s("(some 0x04)")),
        (
            s("(to-consensus-buff? tx-sender)"),
            format!("(some 0x051a{HASH})"),
        ),
        (
            format!("(to-consensus-buff? '{DEPLOYER})"),
            format!("(some 0x051a{HASH})"),
        ),
        (
            format!("(to-consensus-buff? '{DEPLOYER}.c)"),
            format!("(some 0x061a{HASH}0163)"),
        ),
        (
            format!("(to-consensus-buff? '{DEPLOYER}.a-b_c1)"),
            format!("(some 0x061a{HASH}06{})", hex(b"a-b_c1")),
        ),
        (
            s("(to-consensus-buff? 'SP000000000000000000002Q6VF78)"),
            s("(some 0x05160000000000000000000000000000000000000000)"),
        ),
        (
            s("(to-consensus-buff? 0x0102)"),
            s("(some 0x02000000020102)"),
        ),
        (s("(to-consensus-buff? 0x)"), s("(some 0x0200000000)")),
        (
            s(r#"(to-consensus-buff? "ab")"#),
            s("(some 0x0d000000026162)"),
        ),
        (s(r#"(to-consensus-buff? "")"#), s("(some 0x0d00000000)")),
        (
            s(r#"(to-consensus-buff? u"\u{e9}")"#),
            s("(some 0x0e00000002c3a9)"),
        ),
        (
            s(r#"(to-consensus-buff? u"a\u{1F600}")"#),
            s("(some 0x0e0000000561f09f9880)"),
        ),
        (s(r#"(to-consensus-buff? u"")"#), s("(some 0x0e00000000)")),
        (
            s("(to-consensus-buff? (list 1 2))"),
            format!("(some 0x0b00000002{INT1}{})", INT1.replace("01", "02")),
        ),
        (
            s(r#"(to-consensus-buff? (list "a" "bc"))"#),
            s("(some 0x0b000000020d00000001610d000000026263)"),
        ),
        (
            s("(to-consensus-buff? {a: 1, b: true})"),
            format!("(some 0x0c000000020161{INT1}016203)"),
        ),
        (
            s("(to-consensus-buff? {b: true, a: 1})"),
            format!("(some 0x0c000000020161{INT1}016203)"),
        ),
        (
            s("(to-consensus-buff? (some u1))"),
            format!("(some 0x0a{UINT1})"),
        ),
        (
            s("(to-consensus-buff? (if true none (some 1)))"),
            s("(some 0x09)"),
        ),
        (
            s("(to-consensus-buff? (if true (ok 1) (err u1)))"),
            format!("(some 0x07{INT1})"),
        ),
        (
            s("(to-consensus-buff? (if false (ok 1) (err u1)))"),
            format!("(some 0x08{UINT1})"),
        ),
        (
            s("(to-consensus-buff? (some (list {a: (ok u1)})))"),
            format!("(some 0x0a0b000000010c00000001016107{UINT1})"),
        ),
        (
            s("(to-consensus-buff? (list (list 1) (list)))"),
            format!("(some 0x0b000000020b00000001{INT1}0b00000000)"),
        ),
        (
            s(r#"(to-consensus-buff? (append (unwrap-panic (as-max-len? (list "a") u9)) "bcd"))"#),
            s("(some 0x0b000000020d00000001610d00000003626364)"),
        ),
        (
            s("(len (unwrap-panic (to-consensus-buff? 0x0011223344)))"),
            s("u10"),
        ),
    ];
    cases(&mut h, &all);
    // Types with a part unknown to the type checker; whatever happens, both agree.
    for src in [
        "(to-consensus-buff? none)",
        "(to-consensus-buff? (ok 1))",
        "(to-consensus-buff? (err u1))",
        "(to-consensus-buff? (list))",
    ] {
        let r = h.eval(src);
        h.expect(r, Expect::Anything);
    }
    // From a contract: stored values, arguments, a contract principal of its own.
    let c = h.deploy(
        "conv",
        r#"
(define-data-var v {n: (list 5 (string-ascii 10)), o: (optional (buff 4))} {n: (list "a"), o: none})
(define-read-only (stored) (to-consensus-buff? (var-get v)))
(define-read-only (me) (to-consensus-buff? (as-contract tx-sender)))
(define-read-only (arg (x (list 5 (string-utf8 4)))) (to-consensus-buff? x))
(define-read-only (resp (x (response int bool))) (to-consensus-buff? x))
(define-public (set (o (optional (buff 4)))) (ok (var-set v (merge (var-get v) {o: o}))))
"#,
    );
    h.call_ok(
        &c,
        "stored",
        &[],
        "(some 0x0c00000002016e0b000000010d0000000161016f09)",
    );
    h.call_ok(&c, "set", &[some(buff(&[1, 2]))], "(ok true)");
    h.call_ok(
        &c,
        "stored",
        &[],
        "(some 0x0c00000002016e0b000000010d0000000161016f0a02000000020102)",
    );
    h.call_ok(
        &c,
        "me",
        &[],
        &format!("(some 0x061a{HASH}04{})", hex(b"conv")),
    );
    h.call_ok(
        &c,
        "arg",
        &[list(vec![utf8("\u{e9}"), utf8("")])],
        "(some 0x0b000000020e00000002c3a90e00000000)",
    );
    h.call_ok(
        &c,
        "resp",
        &[ok(Value::Int(1))],
        &format!("(some 0x07{INT1})"),
    );
    h.call_ok(&c, "resp", &[err(Value::Bool(false))], "(some 0x0804)");
    h.finish();
}

#[test]
fn from_consensus_buff_every_type() {
    let mut h = Harness::new();
    let long_name = "a".repeat(100);
    let all: Vec<(String, String, String)> = vec![
        // int and uint
        (s("int"), s(INT1), s("(some 1)")),
        (
            s("int"),
            s("00ffffffffffffffffffffffffffffffff"),
            s("(some -1)"),
        ),
        (
            s("int"),
            s("0080000000000000000000000000000000"),
            format!("(some {I128_MIN})"),
        ),
        (s("int"), s(UINT1), s("none")),
        (s("int"), s("00"), s("none")),
        (s("int"), format!("{INT1}00"), s("none")),
        (s("int"), s(&INT1[..32]), s("none")),
        (s("uint"), s(UINT1), s("(some u1)")),
        (
            s("uint"),
            s("01ffffffffffffffffffffffffffffffff"),
            format!("(some {U128_MAX})"),
        ),
        (s("uint"), s(INT1), s("none")),
        (s("uint"), s("03"), s("none")),
        // bool
        (s("bool"), s("03"), s("(some true)")),
        (s("bool"), s("04"), s("(some false)")),
        (s("bool"), s("0300"), s("none")),
        (s("bool"), s("05"), s("none")),
        (s("bool"), s("ff"), s("none")),
        (s("bool"), s("10"), s("none")),
        // principals
        (
            s("principal"),
            format!("051a{HASH}"),
            format!("(some {DEPLOYER})"),
        ),
        (s("principal"), format!("051a{}", &HASH[..38]), s("none")),
        (s("principal"), format!("051a{HASH}00"), s("none")),
        (
            s("principal"),
            format!("061a{HASH}0163"),
            format!("(some {DEPLOYER}.c)"),
        ),
        (s("principal"), format!("061a{HASH}00"), s("none")),
        (s("principal"), format!("061a{HASH}0131"), s("none")),
        (s("principal"), format!("061a{HASH}022e61"), s("none")),
        (s("principal"), format!("061a{HASH}0263"), s("none")),
        (
            s("principal"),
            format!("061a{HASH}0b{}", hex(b"__transient")),
            format!("(some {DEPLOYER}.__transient)"),
        ),
        (
            s("principal"),
            format!("061a{HASH}64{}", hex(long_name.as_bytes())),
            format!("(some {DEPLOYER}.{long_name})"),
        ),
        (
            s("principal"),
            format!("061a{HASH}81{}", hex("a".repeat(129).as_bytes())),
            s("none"),
        ),
        (s("principal"), s(INT1), s("none")),
        // buffers
        (s("(buff 2)"), s("02000000020102"), s("(some 0x0102)")),
        (s("(buff 2)"), s("020000000101"), s("(some 0x01)")),
        (s("(buff 2)"), s("0200000000"), s("(some 0x)")),
        (s("(buff 2)"), s("0200000003010203"), s("none")),
        (s("(buff 2)"), s("020000000201"), s("none")),
        (s("(buff 2)"), s("0200000002010203"), s("none")),
        (s("(buff 0)"), s("0200000000"), s("(some 0x)")),
        (s("(buff 2)"), s("0d000000026162"), s("none")),
        // string-ascii
        (
            s("(string-ascii 3)"),
            s("0d00000003616263"),
            s(r#"(some "abc")"#),
        ),
        (s("(string-ascii 2)"), s("0d00000003616263"), s("none")),
        (s("(string-ascii 3)"), s("0d00000000"), s(r#"(some "")"#)),
        (s("(string-ascii 3)"), s("0d0000000161"), s(r#"(some "a")"#)),
        (s("(string-ascii 3)"), s("0d0000000100"), s("none")),
        (s("(string-ascii 3)"), s("0d000000017f"), s("none")),
        (s("(string-ascii 3)"), s("0d0000000180"), s("none")),
        (
            s("(string-ascii 3)"),
            s("0d000000020a20"),
            s(r#"(some "\n ")"#),
        ),
        (s("(string-ascii 3)"), s("0e0000000161"), s("none")),
        // string-utf8: the bound counts characters
        (
            s("(string-utf8 1)"),
            s("0e00000002c3a9"),
            s(r#"(some u"\u{c3a9}")"#),
        ),
        (
            s("(string-utf8 1)"),
            s("0e00000004f09f9880"),
            s(r#"(some u"\u{f09f9880}")"#),
        ),
        (s("(string-utf8 1)"), s("0e000000026161"), s("none")),
        (
            s("(string-utf8 2)"),
            s("0e0000000561f09f9880"),
            s(r#"(some u"a\u{f09f9880}")"#),
        ),
        (s("(string-utf8 2)"), s("0e00000000"), s(r#"(some u"")"#)),
        (s("(string-utf8 2)"), s("0e00000001c3"), s("none")),
        (s("(string-utf8 2)"), s("0e00000002c328"), s("none")),
        (s("(string-utf8 2)"), s("0e00000001ff"), s("none")),
        (s("(string-utf8 2)"), s("0e00000003eda080"), s("none")),
        (s("(string-utf8 2)"), s("0d0000000161"), s("none")),
        // lists: the length against the type's, and each element against its type
        (
            s("(list 2 int)"),
            format!("0b00000002{INT1}{INT1}"),
            s("(some (1 1))"),
        ),
        (s("(list 2 int)"), s("0b00000000"), s("(some ())")),
        (
            s("(list 2 int)"),
            format!("0b00000003{INT1}{INT1}{INT1}"),
            s("none"),
        ),
        (s("(list 2 int)"), format!("0b00000002{INT1}"), s("none")),
        (s("(list 2 int)"), format!("0b00000001{UINT1}"), s("none")),
        (s("(list 2 int)"), format!("0b00000001{INT1}00"), s("none")),
        (
            s("(list 2 (string-ascii 1))"),
            s("0b000000010d000000026162"),
            s("none"),
        ),
        (
            s("(list 2 (string-ascii 2))"),
            s("0b000000010d000000026162"),
            s(r#"(some ("ab"))"#),
        ),
        (
            s("(list 3 (list 2 bool))"),
            s("0b000000020b0000000203040b00000000"),
            s("(some ((true false) ()))"),
        ),
        (
            s("(list 3 (list 1 bool))"),
            s("0b000000010b000000020304"),
            s("none"),
        ),
        (s("(list 1 int)"), s("0bffffffff"), s("none")),
        // tuples: exactly the type's fields
        (
            s("{a: int}"),
            format!("0c000000010161{INT1}"),
            s("(some (tuple (a 1)))"),
        ),
        (s("{a: int}"), format!("0c000000010162{INT1}"), s("none")),
        (s("{a: int}"), format!("0c000000010161{UINT1}"), s("none")),
        (
            s("{a: int}"),
            format!("0c000000020161{INT1}016203"),
            s("none"),
        ),
        (
            s("{a: int, b: bool}"),
            format!("0c000000010161{INT1}"),
            s("none"),
        ),
        (
            s("{a: int, b: bool}"),
            format!("0c000000020161{INT1}016203"),
            s("(some (tuple (a 1) (b true)))"),
        ),
        (
            s("{a: int, b: bool}"),
            format!("0c000000020162030161{INT1}"),
            s("(some (tuple (a 1) (b true)))"),
        ),
        (s("{a: int}"), s("0c00000000"), s("none")),
        // optionals
        (s("(optional int)"), s("09"), s("(some none)")),
        (
            s("(optional int)"),
            format!("0a{INT1}"),
            s("(some (some 1))"),
        ),
        (s("(optional int)"), format!("0a{UINT1}"), s("none")),
        (s("(optional int)"), s("0a"), s("none")),
        (s("(optional int)"), s("0900"), s("none")),
        (s("int"), s("09"), s("none")),
        (
            s("(optional (optional bool))"),
            s("0a09"),
            s("(some (some none))"),
        ),
        (
            s("(optional (optional bool))"),
            s("0a0a04"),
            s("(some (some (some false)))"),
        ),
        // responses
        (
            s("(response int uint)"),
            format!("07{INT1}"),
            s("(some (ok 1))"),
        ),
        (
            s("(response int uint)"),
            format!("08{UINT1}"),
            s("(some (err u1))"),
        ),
        (s("(response int uint)"), format!("07{UINT1}"), s("none")),
        (s("(response int uint)"), format!("08{INT1}"), s("none")),
        (s("(response int uint)"), s("07"), s("none")),
        (s("(response bool bool)"), s("0803"), s("(some (err true))")),
        (s("(optional int)"), format!("07{INT1}"), s("none")),
        // nested
        (
            s("(optional (list 2 {a: (buff 2), b: (response bool int)}))"),
            format!("0a0b000000010c00000002016102000000020102016207{}", "03"),
            s("(some (some ((tuple (a 0x0102) (b (ok true))))))"),
        ),
        (
            s("(optional (list 2 {a: (buff 2), b: (response bool int)}))"),
            format!("0a0b000000010c0000000201610200000003010203016207{}", "03"),
            s("none"),
        ),
        (
            s("{l: (list 2 (string-utf8 1)), p: principal}"),
            format!("0c00000002016c0b000000020e00000002c3a90e00000001610170051a{HASH}"),
            format!(r#"(some (tuple (l (u"\u{{c3a9}}" u"a")) (p {DEPLOYER})))"#),
        ),
        // malformed
        (s("int"), s("ff"), s("none")),
        (s("int"), s("11"), s("none")),
        (s("(buff 10)"), s("02ffffffff"), s("none")),
        (s("(list 10 int)"), s("0b"), s("none")),
        (s("{a: int}"), s("0c00000001ff"), s("none")),
    ];
    for (ty, bytes, expected) in &all {
        h.ok(&format!("(from-consensus-buff? {ty} 0x{bytes})"), expected);
    }
    // An empty buffer: the cost function (n log n of the length) fails before anything.
    for ty in ["int", "(buff 1)", "(optional int)"] {
        h.err_containing(
            &format!("(from-consensus-buff? {ty} 0x)"),
            "log2 must be passed a positive integer",
        );
    }
    // The type in its long forms, and a wide one: parsed (and charged) the same.
    ok_all(
        &mut h,
        &[
            (
                &format!("(from-consensus-buff? (tuple (a int) (b bool)) 0x0c000000020161{INT1}016203)"),
                "(some (tuple (a 1) (b true)))",
            ),
            (
                &format!("(from-consensus-buff? (optional (tuple (a (list 3 (optional (response int (buff 9))))))) 0x0a0c000000010161{})", "0b00000001" .to_string() + "0a07" + INT1),
                "(some (some (tuple (a ((some (ok 1)))))))",
            ),
            (
                "(from-consensus-buff? {a: bool, b: bool, c: bool, d: bool, e: bool, f: bool, g: bool, h: bool} 0x0c0000000801610301620401630301640401650301660401670301680303)",
                "none",
            ),
            (
                "(from-consensus-buff? {a: bool, b: bool, c: bool, d: bool, e: bool, f: bool, g: bool, h: bool} 0x0c00000008016103016204016303016404016503016604016703016803)",
                "(some (tuple (a true) (b false) (c true) (d false) (e true) (f false) (g true) (h true)))",
            ),
        ],
    );
    // Deeper than the deserializer goes (16): none, though the type is legal.
    let depth = 17;
    let ty = format!("{}int{}", "(optional ".repeat(depth), ")".repeat(depth));
    h.ok(
        &format!("(from-consensus-buff? {ty} 0x{}{INT1})", "0a".repeat(depth)),
        "none",
    );
    let depth = 15;
    let ty = format!("{}int{}", "(optional ".repeat(depth), ")".repeat(depth));
    h.ok(
        &format!("(from-consensus-buff? {ty} 0x{}{INT1})", "0a".repeat(depth)),
        &format!("(some {}1{})", "(some ".repeat(depth), ")".repeat(depth)),
    );
    h.finish();
}

#[test]
fn consensus_round_trips() {
    let mut h = Harness::new();
    for (ty, v) in [
        ("int", "-42"),
        ("uint", "u42"),
        ("bool", "true"),
        ("principal", "tx-sender"),
        (
            "principal",
            "'ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM.a-contract",
        ),
        ("(buff 3)", "0x010203"),
        ("(string-ascii 5)", r#""hello""#),
        ("(string-utf8 5)", r#"u"h\u{e9}\u{1F600}""#),
        ("(list 3 int)", "(list 1 2 3)"),
        ("(list 3 (string-ascii 4))", r#"(list "a" "bcd")"#),
        ("(list 3 (list 2 int))", "(list (list 1) (list) (list 2 3))"),
        ("{a: int, b: (optional uint)}", "{a: 1, b: (some u2)}"),
        (
            "(optional {a: (list 2 bool)})",
            "(some {a: (list true false)})",
        ),
        ("(response int uint)", "(if true (ok 5) (err u5))"),
        ("(response int uint)", "(if false (ok 5) (err u5))"),
    ] {
        h.ok(
            &format!("(is-eq (some {v}) (from-consensus-buff? {ty} (unwrap-panic (to-consensus-buff? {v}))))"),
            "true",
        );
    }
    // A value that the type does not admit after all: shorter types refuse.
    ok_all(
        &mut h,
        &[
            (
                r#"(from-consensus-buff? (string-ascii 2) (unwrap-panic (to-consensus-buff? "abc")))"#,
                "none",
            ),
            (
                "(from-consensus-buff? (list 1 int) (unwrap-panic (to-consensus-buff? (list 1 2))))",
                "none",
            ),
            (
                "(from-consensus-buff? uint (unwrap-panic (to-consensus-buff? 1)))",
                "none",
            ),
            (
                "(from-consensus-buff? {a: int} (unwrap-panic (to-consensus-buff? {a: 1, b: 2})))",
                "none",
            ),
            (
                "(from-consensus-buff? (optional int) (unwrap-panic (to-consensus-buff? (some (some 1)))))",
                "none",
            ),
        ],
    );
    // The value read has the declared type: lists built from it are charged by it.
    ok_all(
        &mut h,
        &[
            (
                r#"(append (unwrap-panic (from-consensus-buff? (list 5 (string-ascii 10)) (unwrap-panic (to-consensus-buff? (list "a"))))) "b")"#,
                r#"("a" "b")"#,
            ),
            (
                r#"(replace-at? (unwrap-panic (from-consensus-buff? (list 5 (string-ascii 10)) (unwrap-panic (to-consensus-buff? (list "a"))))) u0 "bcdefghijk")"#,
                r#"(some ("bcdefghijk"))"#,
            ),
            (
                r#"(slice? (unwrap-panic (from-consensus-buff? (list 5 (string-ascii 10)) (unwrap-panic (to-consensus-buff? (list "a" "b"))))) u0 u1)"#,
                r#"(some ("a"))"#,
            ),
            (
                "(concat (unwrap-panic (from-consensus-buff? (list 9 int) 0x0b00000000)) (list 1))",
                "(1)",
            ),
            (
                "(get a (unwrap-panic (from-consensus-buff? {a: (list 4 uint)} (unwrap-panic (to-consensus-buff? {a: (list u1)})))))",
                "(u1)",
            ),
        ],
    );
    // from a contract's arguments and storage
    let c = h.deploy(
        "conv",
        r#"
(define-data-var raw (buff 100) 0x)
(define-public (put (b (buff 100))) (ok (var-set raw b)))
(define-read-only (as-int) (from-consensus-buff? int (var-get raw)))
(define-read-only (as-names) (from-consensus-buff? (list 3 (string-ascii 4)) (var-get raw)))
(define-read-only (as-names-appended (s (string-ascii 4)))
  (match (from-consensus-buff? (list 3 (string-ascii 4)) (var-get raw)) l (some (append l s)) none))
(define-read-only (decode (b (buff 100))) (from-consensus-buff? {a: (optional principal), b: (response (buff 3) int)} b))
"#,
    );
    h.call_err(&c, "as-int", &[], &cost_log2_error());
    h.call_ok(&c, "put", &[buff(&[0u8; 17])], "(ok true)");
    h.call_ok(&c, "as-int", &[], "(some 0)");
    h.call_ok(&c, "as-names", &[], "none");
    let names = Value::list_from(vec![ascii("a"), ascii("bcd")]).unwrap();
    h.call_ok(&c, "put", &[buff(&names.serialize_to_vec())], "(ok true)");
    h.call_ok(&c, "as-names", &[], r#"(some ("a" "bcd"))"#);
    h.call_ok(
        &c,
        "as-names-appended",
        &[ascii("efgh")],
        r#"(some ("a" "bcd" "efgh"))"#,
    );
    h.call_ok(&c, "as-int", &[], "none");
    let t = tuple(&[
        ("a", some(principal(&h.account("wallet_1")))),
        ("b", ok(buff(&[1, 2, 3]))),
    ]);
    h.call_ok(
        &c,
        "decode",
        &[buff(&t.serialize_to_vec())],
        "(some (tuple (a (some ST1SJ3DTE5DN7X54YDH5D64R3BCB6A2AG2ZQ8YPD5)) (b (ok 0x010203))))",
    );
    let t = tuple(&[("a", Value::none()), ("b", err(Value::Int(-3)))]);
    let mut bytes = t.serialize_to_vec();
    h.call_ok(
        &c,
        "decode",
        &[buff(&bytes)],
        "(some (tuple (a none) (b (err -3))))",
    );
    bytes.push(0);
    h.call_ok(&c, "decode", &[buff(&bytes)], "none");
    bytes.pop();
    bytes.pop();
    h.call_ok(&c, "decode", &[buff(&bytes)], "none");
    let t = tuple(&[("a", Value::none()), ("b", ok(buff(&[1, 2, 3, 4])))]);
    h.call_ok(&c, "decode", &[buff(&t.serialize_to_vec())], "none");
    h.call_err(&c, "decode", &[buff(&[])], &cost_log2_error());
    h.finish();
}

/// Principals that only deserialization makes: versions past 31, contract names longer
/// than a Clarity literal allows. Their values must survive the trip through Wasm.
#[test]
fn unusual_principals_from_consensus_bytes() {
    let mut h = Harness::new();
    let long = "a".repeat(128);
    for (bytes, expected) in [
        (format!("0520{HASH}"), Expect::Anything),
        (format!("05ff{HASH}"), Expect::Anything),
        (format!("0500{HASH}"), Expect::Anything),
        (
            format!("061a{HASH}80{}", hex(long.as_bytes())),
            Expect::Value(format!("(some {DEPLOYER}.{long})")),
        ),
        (format!("06ff{HASH}0163"), Expect::Anything),
    ] {
        let p = format!("(unwrap-panic (from-consensus-buff? principal 0x{bytes}))");
        for src in [
            format!("(from-consensus-buff? principal 0x{bytes})"),
            format!("(to-consensus-buff? {p})"),
            format!("(is-standard {p})"),
            format!("(principal-destruct? {p})"),
            format!("(is-eq {p} tx-sender)"),
            format!("(list {p} tx-sender)"),
        ] {
            let r = h.eval(&src);
            let e = if src.starts_with("(from") {
                expected.clone()
            } else if src.starts_with("(to-") {
                Expect::Value(format!("(some 0x{bytes})"))
            } else {
                Expect::Anything
            };
            h.expect(r, e);
        }
    }
    h.ok(
        &format!("(is-standard (unwrap-panic (from-consensus-buff? principal 0x05ff{HASH})))"),
        "false",
    );
    h.ok(
        &format!(
            "(principal-destruct? (unwrap-panic (from-consensus-buff? principal 0x0520{HASH})))"
        ),
        &format!("(err (tuple (hash-bytes 0x{HASH}) (name none) (version 0x20)))"),
    );
    h.ok(
        &format!("(principal-destruct? (unwrap-panic (from-consensus-buff? principal 0x061a{HASH}80{})))", hex(long.as_bytes())),
        &format!("(ok (tuple (hash-bytes 0x{HASH}) (name (some \"{long}\")) (version 0x1a)))"),
    );
    h.finish();
}

/// All of these are Clarity 2 words: Clarity 1 refuses them on both runtimes.
#[test]
fn clarity1_has_none_of_them() {
    let mut h = Harness::clarity1();
    for src in [
        "(buff-to-int-le 0x01)",
        "(buff-to-uint-be 0x01)",
        r#"(string-to-int? "1")"#,
        "(int-to-ascii 1)",
        "(int-to-utf8 1)",
        "(to-consensus-buff? 1)",
        "(from-consensus-buff? int 0x00)",
    ] {
        h.err_containing(src, "analysis");
    }
    h.finish();
}

/// A tuple serialized with a field twice: a known divergence. clarity-vm 2.1.1 keeps the
/// last one and gives the tuple the expected type anyway, so a field of the type is
/// missing from the value (a value no Clarity type describes; when the bytes are longer
/// than the type's largest serialization the interpreter even panics, not run here). The
/// Wasm path cannot hold such a tuple in its fixed layout and stops the transaction with
/// an error instead. This test pins that exact behaviour on both sides, so that any change
/// is seen.
#[test]
fn from_consensus_buff_duplicate_tuple_field() {
    let mut h = Harness::new();
    let dup = format!("0c000000020161{INT1}0161{INT1}");
    let r = h.eval(&format!(
        "(from-consensus-buff? {{a: int, b: (buff 100)}} 0x{dup})"
    ));
    let interp = render_result(&r.interpreter);
    let wasm = r.wasm.as_ref().map(render_result).unwrap_or_default();
    assert_eq!(interp, "(some (tuple (a 1)))", "{}", describe(&r));
    assert!(wasm.contains("tuple lacks field b"), "{}", describe(&r));
    h.finish();
}
