//! Principal words the host implements (`is-standard principal-destruct?
//! principal-construct?`), on both runtimes, on the default (testnet) chain: every outcome
//! of each, over the address versions of both networks and others, hashes of every length
//! and contract names valid and not. Values, errors and costs must agree, and the
//! interpreter's values are the ones expected.
//!
//! (A mainnet chain cannot be made: `Chain` always runs with the testnet chain id and
//! `mainnet` false, so the mainnet side of "standard" is only seen as "not this network".)

use clarinet_wasm_tests::*;

const DEPLOYER: &str = "ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM";
/// The deployer's hash160.
const HASH: &str = "6d78de7b0625dfbfc16c3a8a5735f6dc3dc3f2ce";

/// Mainnet single-sig, mainnet multi-sig, testnet single-sig, testnet multi-sig, then
/// versions of neither network (0 and 31 the extremes c32 allows).
const VERSIONS: &[u8] = &[0x16, 0x14, 0x1a, 0x15, 0x00, 0x01, 0x1f];

fn hash_bytes() -> [u8; 20] {
    let mut h = [0u8; 20];
    for (i, b) in h.iter_mut().enumerate() {
        *b = u8::from_str_radix(&HASH[2 * i..2 * i + 2], 16).unwrap();
    }
    h
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn testnet(version: u8) -> bool {
    version == 0x1a || version == 0x15
}

/// The address of `version` and `hash` as Clarity renders it.
fn address(version: u8, hash: [u8; 20]) -> String {
    StandardPrincipalData(version, hash).to_address()
}

/// The principal as Clarity renders it (`ADDR` or `ADDR.name`).
fn rendered(version: u8, hash: [u8; 20], name: Option<&str>) -> String {
    match name {
        Some(n) => format!("{}.{n}", address(version, hash)),
        None => address(version, hash),
    }
}

/// A principal value for a call argument.
fn principal_value(version: u8, hash: [u8; 20], name: Option<&str>) -> Value {
    let issuer = StandardPrincipalData(version, hash);
    Value::Principal(match name {
        Some(n) => PrincipalData::Contract(QualifiedContractIdentifier::new(
            issuer,
            n.to_string().try_into().expect("contract name"),
        )),
        None => PrincipalData::Standard(issuer),
    })
}

fn destructed(version: u8, hash: [u8; 20], name: Option<&str>) -> String {
    let name = match name {
        Some(n) => format!("(some \"{n}\")"),
        None => "none".into(),
    };
    let t = format!(
        "(tuple (hash-bytes 0x{}) (name {name}) (version 0x{version:02x}))",
        hex(&hash)
    );
    if testnet(version) {
        format!("(ok {t})")
    } else {
        format!("(err {t})")
    }
}

/// The expected result of `principal-construct?`, by the interpreter's rules in order:
/// the version byte (present, below 32), the hash (20 bytes), the name, the network.
fn constructed(version: &[u8], hash: &[u8], name: Option<&str>) -> String {
    let refuse = |code: u8| format!("(err (tuple (error_code u{code}) (value none)))");
    let Some(&v) = version.first() else {
        return refuse(1);
    };
    if v >= 32 || hash.len() < 20 {
        return refuse(1);
    }
    if let Some(n) = name {
        let valid = n == "__transient"
            || (!n.is_empty()
                && n.as_bytes()[0].is_ascii_alphabetic()
                && n.bytes()
                    .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'));
        if !valid {
            return refuse(2);
        }
    }
    let p = rendered(v, hash.try_into().unwrap(), name);
    if testnet(v) {
        format!("(ok {p})")
    } else {
        format!("(err (tuple (error_code u0) (value (some {p}))))")
    }
}

#[test]
fn is_standard_every_version() {
    let mut h = Harness::new();
    let hash = hash_bytes();
    for &v in VERSIONS {
        let std = rendered(v, hash, None);
        let expected = testnet(v).to_string();
        h.ok(&format!("(is-standard '{std})"), &expected);
        h.ok(&format!("(is-standard '{std}.a-contract)"), &expected);
        // the same principal made at run time
        h.ok(
            &format!(
                "(is-standard (unwrap-panic (from-consensus-buff? principal 0x05{v:02x}{HASH})))"
            ),
            &expected,
        );
    }
    // versions no address can have, only deserialization makes them
    for v in [0x20u8, 0x7f, 0xff] {
        h.ok(
            &format!(
                "(is-standard (unwrap-panic (from-consensus-buff? principal 0x05{v:02x}{HASH})))"
            ),
            "false",
        );
        h.ok(
            &format!("(is-standard (unwrap-panic (from-consensus-buff? principal 0x06{v:02x}{HASH}0163)))"),
            "false",
        );
    }
    ok_all(
        &mut h,
        &[
            ("(is-standard tx-sender)", "true"),
            ("(is-standard contract-caller)", "true"),
            ("(is-standard 'SP000000000000000000002Q6VF78)", "false"),
            ("(is-standard 'ST000000000000000000002AMW42H)", "true"),
            ("(is-standard 'ST000000000000000000002AMW42H.pox)", "true"),
            ("(is-standard 'SP000000000000000000002Q6VF78.pox)", "false"),
            (
                "(is-standard (unwrap-panic (element-at? (list 'SP000000000000000000002Q6VF78 tx-sender) u1)))",
                "true",
            ),
        ],
    );
    let c = h.deploy(
        "pr",
        r#"
(define-read-only (std (p principal)) (is-standard p))
(define-read-only (me) (is-standard (as-contract tx-sender)))
(define-read-only (caller) (is-standard contract-caller))
"#,
    );
    for &v in VERSIONS.iter().chain(&[0x20u8, 0xff]) {
        for name in [None, Some("c")] {
            h.call_ok(
                &c,
                "std",
                &[principal_value(v, hash, name)],
                &testnet(v).to_string(),
            );
        }
    }
    h.call_ok(&c, "me", &[], "true");
    h.call_ok(&c, "caller", &[], "true");
    h.finish();
}

#[test]
fn principal_destruct_every_version() {
    let mut h = Harness::new();
    let hash = hash_bytes();
    let long = "a".repeat(40);
    for &v in VERSIONS {
        for name in [None, Some("c"), Some("a-b_C9"), Some(long.as_str())] {
            let p = rendered(v, hash, name);
            h.ok(
                &format!("(principal-destruct? '{p})"),
                &destructed(v, hash, name),
            );
        }
    }
    // versions of no address, and contract names longer than a literal can be
    for v in [0x20u8, 0xff] {
        h.ok(
            &format!("(principal-destruct? (unwrap-panic (from-consensus-buff? principal 0x05{v:02x}{HASH})))"),
            &format!("(err (tuple (hash-bytes 0x{HASH}) (name none) (version 0x{v:02x})))"),
        );
        h.ok(
            &format!("(principal-destruct? (unwrap-panic (from-consensus-buff? principal 0x06{v:02x}{HASH}0163)))"),
            &format!("(err (tuple (hash-bytes 0x{HASH}) (name (some \"c\")) (version 0x{v:02x})))"),
        );
    }
    ok_all(
        &mut h,
        &[
            (
                "(principal-destruct? tx-sender)",
                &format!("(ok (tuple (hash-bytes 0x{HASH}) (name none) (version 0x1a)))"),
            ),
            (
                "(principal-destruct? 'SP000000000000000000002Q6VF78)",
                "(err (tuple (hash-bytes 0x0000000000000000000000000000000000000000) (name none) (version 0x16)))",
            ),
            (
                "(principal-destruct? 'ST000000000000000000002AMW42H.costs-3)",
                "(ok (tuple (hash-bytes 0x0000000000000000000000000000000000000000) (name (some \"costs-3\")) (version 0x1a)))",
            ),
            (
                "(get name (unwrap-panic (principal-destruct? 'ST000000000000000000002AMW42H.pox)))",
                "(some \"pox\")",
            ),
            (
                "(get version (unwrap-err-panic (principal-destruct? 'SP000000000000000000002Q6VF78.pox)))",
                "0x16",
            ),
            (
                "(len (get hash-bytes (unwrap-panic (principal-destruct? tx-sender))))",
                "u20",
            ),
            // destruct then construct gives the principal back
            (
                "(let ((d (unwrap-panic (principal-destruct? 'ST000000000000000000002AMW42H.pox)))) (principal-construct? (get version d) (get hash-bytes d) (unwrap-panic (get name d))))",
                "(ok ST000000000000000000002AMW42H.pox)",
            ),
            (
                "(let ((d (unwrap-err-panic (principal-destruct? 'SP000000000000000000002Q6VF78)))) (principal-construct? (get version d) (get hash-bytes d)))",
                "(err (tuple (error_code u0) (value (some SP000000000000000000002Q6VF78))))",
            ),
        ],
    );
    let c = h.deploy(
        "pr",
        r#"
(define-data-var who principal tx-sender)
(define-public (set-who (p principal)) (ok (var-set who p)))
(define-read-only (destruct-who) (principal-destruct? (var-get who)))
(define-read-only (destruct (p principal)) (principal-destruct? p))
(define-read-only (me) (principal-destruct? (as-contract tx-sender)))
"#,
    );
    for &v in VERSIONS.iter().chain(&[0x20u8, 0xff]) {
        for name in [None, Some("c"), Some(long.as_str())] {
            let expected = Expect::Value(destructed(v, hash, name));
            let sender = h.sender.clone();
            h.call_as(
                &c,
                "destruct",
                &[principal_value(v, hash, name)],
                &sender,
                expected.clone(),
            );
            h.call_ok(
                &c,
                "set-who",
                &[principal_value(v, hash, name)],
                "(ok true)",
            );
            h.call_as(&c, "destruct-who", &[], &sender, expected);
        }
    }
    h.call_ok(
        &c,
        "me",
        &[],
        &format!("(ok (tuple (hash-bytes 0x{HASH}) (name (some \"pr\")) (version 0x1a)))"),
    );
    h.finish();
}

#[test]
fn principal_construct_every_outcome() {
    let mut h = Harness::new();
    let hash = hash_bytes();
    let long = "a".repeat(40);
    let names: Vec<Option<&str>> = vec![
        None,
        Some("foo"),
        Some("a"),
        Some("A"),
        Some("a-b_c9"),
        Some(long.as_str()),
        Some("__transient"),
        Some(""),
        Some("1abc"),
        Some("-a"),
        Some("_a"),
        Some("a b"),
        Some("a.b"),
        Some("ab!"),
        Some("__transient2"),
    ];
    let mut versions: Vec<Vec<u8>> = VERSIONS.iter().map(|v| vec![*v]).collect();
    versions.extend([vec![], vec![0x20], vec![0x21], vec![0x80], vec![0xff]]);
    let hashes: Vec<Vec<u8>> = vec![hash.to_vec(), hash[..19].to_vec(), vec![], vec![0u8; 20]];
    let c = h.deploy(
        "pr",
        r#"
(define-read-only (c2 (v (buff 1)) (h (buff 20))) (principal-construct? v h))
(define-read-only (c3 (v (buff 1)) (h (buff 20)) (n (string-ascii 40))) (principal-construct? v h n))
"#,
    );
    for v in &versions {
        for hs in &hashes {
            for name in &names {
                let expected = constructed(v, hs, *name);
                let src = match name {
                    None => format!("(principal-construct? 0x{} 0x{})", hex(v), hex(hs)),
                    Some(n) => format!("(principal-construct? 0x{} 0x{} \"{n}\")", hex(v), hex(hs)),
                };
                h.ok(&src, &expected);
                match name {
                    None => h.call_ok(&c, "c2", &[buff(v), buff(hs)], &expected),
                    Some(n) => h.call_ok(&c, "c3", &[buff(v), buff(hs), ascii(n)], &expected),
                };
            }
        }
    }
    // a few spelled out, so the rules above are checked by hand too
    ok_all(
        &mut h,
        &[
            (
                &format!("(principal-construct? 0x1a 0x{HASH})"),
                &format!("(ok {DEPLOYER})"),
            ),
            (
                &format!("(principal-construct? 0x1a 0x{HASH} \"foo\")"),
                &format!("(ok {DEPLOYER}.foo)"),
            ),
            (
                "(principal-construct? 0x16 0x0000000000000000000000000000000000000000)",
                "(err (tuple (error_code u0) (value (some SP000000000000000000002Q6VF78))))",
            ),
            (
                "(principal-construct? 0x16 0x0000000000000000000000000000000000000000 \"pox\")",
                "(err (tuple (error_code u0) (value (some SP000000000000000000002Q6VF78.pox))))",
            ),
            (
                &format!("(principal-construct? 0x 0x{HASH})"),
                "(err (tuple (error_code u1) (value none)))",
            ),
            (
                &format!("(principal-construct? 0x20 0x{HASH})"),
                "(err (tuple (error_code u1) (value none)))",
            ),
            (
                "(principal-construct? 0x1a 0x00)",
                "(err (tuple (error_code u1) (value none)))",
            ),
            (
                &format!("(principal-construct? 0x1a 0x{HASH} \"\")"),
                "(err (tuple (error_code u2) (value none)))",
            ),
            (
                &format!("(principal-construct? 0x16 0x{HASH} \"1x\")"),
                "(err (tuple (error_code u2) (value none)))",
            ),
            (
                "(principal-construct? 0x20 0x \"1x\")",
                "(err (tuple (error_code u1) (value none)))",
            ),
            // computed arguments
            (
                &format!("(principal-construct? (unwrap-panic (element-at? 0x161a u1)) (unwrap-panic (as-max-len? (concat 0x{} 0x{}) u20)))", &HASH[..20], &HASH[20..]),
                &format!("(ok {DEPLOYER})"),
            ),
            (
                "(principal-construct? 0x1a (hash160 0x00) (concat \"ab\" \"cd\"))",
                &format!("(ok {}.abcd)", address(0x1a, {
                    // hash160(0x00)
                    let mut x = [0u8; 20];
                    let hx = "9f7fd096d37ed2c0e3f7f0cfc924beef4ffceb68";
                    for (i, b) in x.iter_mut().enumerate() {
                        *b = u8::from_str_radix(&hx[2 * i..2 * i + 2], 16).unwrap();
                    }
                    x
                })),
            ),
            (
                "(is-standard (unwrap-panic (principal-construct? 0x15 0x0101010101010101010101010101010101010101)))",
                "true",
            ),
            (
                "(principal-destruct? (unwrap-panic (principal-construct? 0x15 0x0101010101010101010101010101010101010101 \"z\")))",
                "(ok (tuple (hash-bytes 0x0101010101010101010101010101010101010101) (name (some \"z\")) (version 0x15)))",
            ),
        ],
    );
    // A name longer than 40 or a version longer than 1 byte is refused by the type checker.
    for src in [
        format!(
            "(principal-construct? 0x1a 0x{HASH} \"{}\")",
            "a".repeat(41)
        ),
        format!("(principal-construct? 0x1a1a 0x{HASH})"),
        format!("(principal-construct? 0x1a 0x{HASH}00)"),
        format!("(principal-construct? 0x1a 0x{HASH} u\"a\")"),
    ] {
        h.err_containing(&src, "analysis");
    }
    h.finish();
}

/// These are Clarity 2 words: Clarity 1 refuses them on both runtimes.
#[test]
fn clarity1_has_none_of_them() {
    let mut h = Harness::clarity1();
    for src in [
        "(is-standard tx-sender)",
        "(principal-destruct? tx-sender)",
        &format!("(principal-construct? 0x1a 0x{HASH})"),
    ] {
        h.err_containing(src, "analysis");
    }
    h.finish();
}
