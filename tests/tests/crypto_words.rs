//! The hashing and signature words the host implements (`runtime/src/wasm/host/crypto.rs`):
//! `sha256 sha512 sha512/256 keccak256 hash160` on buffers and integers,
//! `secp256k1-recover?` and `secp256k1-verify` with real signatures (made here with the
//! secp256k1 signing of stacks-common) and broken ones, and `principal-of?` for valid and
//! invalid keys under Clarity 1 and Clarity 2 (testnet: a chain cannot be made mainnet).
//!
//! Each step runs on both runtimes and is compared (value, events, state, cost); the
//! interpreter's value is also checked against one computed here, and a few digests
//! against published or independently computed vectors.

use clarinet_wasm_tests::*;
use clarity::address::c32::c32_address;
use clarity::types::PrivateKey;
use clarity::util::hash::{
    to_hex, Hash160, Keccak256Hash, Sha256Sum, Sha512Sum, Sha512Trunc256Sum,
};
use clarity::util::secp256k1::{Secp256k1PrivateKey, Secp256k1PublicKey};

const DEPLOYER: &str = "ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM";
const WALLET_1: &str = "ST1SJ3DTE5DN7X54YDH5D64R3BCB6A2AG2ZQ8YPD5";
/// The devnet deployer's and wallet_1's secret keys (settings/Devnet.toml).
const DEPLOYER_KEY: &str = "753b7cc01a1a2e86221266a154af739463fce51219d97e4f856cd7200c3bd2a601";
const WALLET_1_KEY: &str = "7287ba251d44a4d3fd9276c88ce34c5c52a038955511cccaf77e61068649c17801";
/// The secret key 1: its public key is the generator point.
const ONE_KEY: &str = "000000000000000000000000000000000000000000000000000000000000000101";
const GENERATOR: &str = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
/// The order of the curve, big-endian.
const ORDER: &str = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";

fn hex(b: &[u8]) -> String {
    format!("0x{}", to_hex(b))
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

/// `len` bytes of a fixed pattern.
fn pattern(len: usize) -> Vec<u8> {
    (0..len).map(|i| ((i * 7 + 3) & 0xff) as u8).collect()
}

// ---- Hashes ------------------------------------------------------------------------------

type Digest = fn(&[u8]) -> Vec<u8>;

const HASHES: &[(&str, Digest)] = &[
    ("sha256", |b| Sha256Sum::from_data(b).as_bytes().to_vec()),
    ("sha512", |b| Sha512Sum::from_data(b).as_bytes().to_vec()),
    ("sha512/256", |b| {
        Sha512Trunc256Sum::from_data(b).as_bytes().to_vec()
    }),
    ("keccak256", |b| {
        Keccak256Hash::from_data(b).as_bytes().to_vec()
    }),
    ("hash160", |b| Hash160::from_data(b).as_bytes().to_vec()),
];

/// Block boundaries of each function (SHA-256 pads at 55/56, SHA-512 at 111/112,
/// Keccak-256's rate is 136) and a long input.
const LENGTHS: &[usize] = &[
    0, 1, 2, 31, 32, 33, 55, 56, 57, 63, 64, 65, 111, 112, 127, 128, 135, 136, 137, 1000,
];

/// Published vectors, and digests of `pattern(n)` computed with Python's hashlib.
#[test]
fn hashes_match_independent_vectors() {
    let mut h = Harness::new();
    let abc = "0x616263";
    ok_all(
        &mut h,
        &[
            (
                "(sha256 0x)",
                "0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            ),
            (
                &format!("(sha256 {abc})"),
                "0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            ),
            (
                "(sha512 0x)",
                "0xcf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
            ),
            (
                &format!("(sha512 {abc})"),
                "0xddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
            ),
            (
                "(sha512/256 0x)",
                "0xc672b8d1ef56ed28ab87c3622c5114069bdd3ad7b8f9737498d0c01ecef0967a",
            ),
            (
                &format!("(sha512/256 {abc})"),
                "0x53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23",
            ),
            (
                "(keccak256 0x)",
                "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
            ),
            (
                &format!("(keccak256 {abc})"),
                "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
            ),
            ("(hash160 0x)", "0xb472a266d0bd89c13706a4132ccfb16f7c3b9fcb"),
            (
                &format!("(hash160 {abc})"),
                "0xbb1be98c142444d7a56aa3981c3942a978e4dc33",
            ),
            // Integers hash as their 16 little-endian bytes.
            (
                "(sha256 1)",
                "0x4cbbd8ca5215b8d161aec181a74b694f4e24b001d5b081dc0030ed797a8973e0",
            ),
            (
                "(sha256 u1)",
                "0x4cbbd8ca5215b8d161aec181a74b694f4e24b001d5b081dc0030ed797a8973e0",
            ),
            (
                "(sha256 -1)",
                "0x5ac6a5945f16500911219129984ba8b387a06f24fe383ce4e81a73294065461b",
            ),
            (
                &format!("(sha256 {U128_MAX})"),
                "0x5ac6a5945f16500911219129984ba8b387a06f24fe383ce4e81a73294065461b",
            ),
        ],
    );
    // (length, sha256, sha512, sha512/256, hash160) of pattern(length).
    let table: &[(usize, &str, &str, &str, &str)] = &[
        (55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b", "14fd424b1fcadee624da946ab03f7e1def7c0d6e00f689594319881a26ff30b875ba4c622ac13100c8cc784c9c2eb23159aecbb4a02e3999062f551193e2b256", "8c12c6a555202a2f24eae9d29d5901bf14d8355b08fdd880b962813c30e2e50e", "8afc49d5249b39670158ecc95c6a9f629ef79cb9"),
        (56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27", "480fa85be41ef55a41208ca28ffc8743c91cf7d24758defe6f95bfb16de614fc86b701034896b047dd571de4318853d80e0809df162f1752cb26da6ddb94a0dd", "d8d15e81e95d2c68bde6c76da58ff17930bcc53926ab3fae45d28c420e4f06cd", "1ce04b5014ab3775dd04b068e229425fb867d105"),
        (64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241", "8f3cc30b3fb5bf963688a46488249248ac2c67f0f85a145233c6c1e3c16dcd1df634c07d1d31da02576f65b9cf64e1c3fdb318b689b8a14e2e9552bcf30fb133", "f6fd50d9eff545c7d1810c1a6d31428de85a3584d974a3830775fd65fe2cb929", "3e23a441226995f5b5f38a9a9630a18067cfdf2f"),
        (1000, "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371", "00e36fccf193e59697a92b5ab24666ce6326d7fa16bf10832d0991ddc591112e9dfa6a636950ed9c4d67344a760654c2ff7785e1d60094d651038735b5dccabd", "14271b3d36ca983ae2da2693d995fe68412c0bd5394ec2f05b763586db6e24fd", "78f7e99cd17782dce5df9c385c503f7285c4f93d"),
    ];
    for (n, s256, s512, s512t, h160) in table {
        let b = hex(&pattern(*n));
        for (word, want) in [
            ("sha256", s256),
            ("sha512", s512),
            ("sha512/256", s512t),
            ("hash160", h160),
        ] {
            h.ok(&format!("({word} {b})"), &format!("0x{want}"));
        }
    }
    h.finish();
}

/// Every hash on buffers across block boundaries, as literals and as arguments of a
/// function (the value's memory form).
fn hash_buffers(h: &mut Harness) {
    for &n in LENGTHS {
        let data = pattern(n);
        let b = hex(&data);
        for (word, f) in HASHES {
            h.ok(&format!("({word} {b})"), &hex(&f(&data)));
        }
        // The length of each digest.
        h.ok(
            &format!(
                "(list (len (sha256 {b})) (len (sha512 {b})) (len (sha512/256 {b})) (len (keccak256 {b})) (len (hash160 {b})))"
            ),
            "(u32 u64 u32 u32 u20)",
        );
    }
}

const HASHER: &str = r#"
(define-read-only (all (b (buff 1000)))
  { sha256: (sha256 b), sha512: (sha512 b), sha512t: (sha512/256 b), keccak256: (keccak256 b),
    hash160: (hash160 b) })
(define-read-only (all-int (i int))
  { sha256: (sha256 i), sha512: (sha512 i), sha512t: (sha512/256 i), keccak256: (keccak256 i),
    hash160: (hash160 i) })
(define-read-only (all-uint (u uint))
  { sha256: (sha256 u), sha512: (sha512 u), sha512t: (sha512/256 u), keccak256: (keccak256 u),
    hash160: (hash160 u) })
(define-read-only (chained (b (buff 1000)))
  (hash160 (keccak256 (sha512/256 (sha512 (sha256 b))))))
"#;

fn all_digests(data: &[u8]) -> String {
    // Tuple fields render in name order.
    format!(
        "(tuple (hash160 {}) (keccak256 {}) (sha256 {}) (sha512 {}) (sha512t {}))",
        hex(Hash160::from_data(data).as_bytes()),
        hex(Keccak256Hash::from_data(data).as_bytes()),
        hex(Sha256Sum::from_data(data).as_bytes()),
        hex(Sha512Sum::from_data(data).as_bytes()),
        hex(Sha512Trunc256Sum::from_data(data).as_bytes()),
    )
}

fn hash_arguments(h: &mut Harness) {
    let c = h.deploy("hasher", HASHER);
    for &n in LENGTHS {
        let data = pattern(n);
        h.call_ok(&c, "all", &[buff(&data)], &all_digests(&data));
        let chained = {
            let a = Sha256Sum::from_data(&data);
            let b = Sha512Sum::from_data(a.as_bytes());
            let c = Sha512Trunc256Sum::from_data(b.as_bytes());
            let d = Keccak256Hash::from_data(c.as_bytes());
            Hash160::from_data(d.as_bytes())
        };
        h.call_ok(&c, "chained", &[buff(&data)], &hex(chained.as_bytes()));
    }
    for i in [
        0i128,
        1,
        -1,
        255,
        256,
        -256,
        i128::MAX,
        i128::MIN,
        0x0102030405060708,
    ] {
        h.call_ok(
            &c,
            "all-int",
            &[Value::Int(i)],
            &all_digests(&i.to_le_bytes()),
        );
    }
    for u in [
        0u128,
        1,
        255,
        256,
        u128::MAX,
        1 << 64,
        0x0102030405060708090a0b0c0d0e0f10,
    ] {
        h.call_ok(
            &c,
            "all-uint",
            &[Value::UInt(u)],
            &all_digests(&u.to_le_bytes()),
        );
    }
}

/// Integers as snippets: literal, computed, and the same digest as the buffer of their
/// 16 little-endian bytes.
fn hash_integers(h: &mut Harness) {
    let ints: &[(&str, i128)] = &[
        ("0", 0),
        ("1", 1),
        ("-1", -1),
        ("42", 42),
        (I128_MAX, i128::MAX),
        (I128_MIN, i128::MIN),
        ("(- 0 256)", -256),
        ("(* 1000000 1000000)", 1_000_000_000_000),
    ];
    for (src, i) in ints {
        let le = i.to_le_bytes();
        for (word, f) in HASHES {
            h.ok(&format!("({word} {src})"), &hex(&f(&le)));
        }
        h.ok(
            &format!("(is-eq (sha256 {src}) (sha256 {}))", hex(&le)),
            "true",
        );
    }
    let uints: &[(&str, u128)] = &[
        ("u0", 0),
        ("u1", 1),
        ("u4294967296", 1 << 32),
        (U128_MAX, u128::MAX),
        ("(+ u1 u1)", 2),
    ];
    for (src, u) in uints {
        let le = u.to_le_bytes();
        for (word, f) in HASHES {
            h.ok(&format!("({word} {src})"), &hex(&f(&le)));
        }
        h.ok(
            &format!("(is-eq (keccak256 {src}) (keccak256 {}))", hex(&le)),
            "true",
        );
    }
    // int and uint of the same bits hash alike; a 16-byte buffer of them too.
    h.ok("(is-eq (hash160 5) (hash160 u5))", "true");
    h.ok("(is-eq (sha512 -1) (sha512 u5))", "false");
    // Hashes of computed buffers, nested, in a map over a list.
    h.ok(
        "(map sha256 (list 0x 0x00 0x0000))",
        &format!(
            "({} {} {})",
            hex(Sha256Sum::from_data(&[]).as_bytes()),
            hex(Sha256Sum::from_data(&[0]).as_bytes()),
            hex(Sha256Sum::from_data(&[0, 0]).as_bytes())
        ),
    );
    h.ok(
        "(map hash160 (list 1 2))",
        &format!(
            "({} {})",
            hex(Hash160::from_data(&1i128.to_le_bytes()).as_bytes()),
            hex(Hash160::from_data(&2i128.to_le_bytes()).as_bytes())
        ),
    );
    h.ok(
        "(sha256 (concat (sha256 0x) (sha256 0x)))",
        &hex(Sha256Sum::from_data(
            &[
                Sha256Sum::from_data(&[]).as_bytes().to_vec(),
                Sha256Sum::from_data(&[]).as_bytes().to_vec(),
            ]
            .concat(),
        )
        .as_bytes()),
    );
}

#[test]
fn hashes_on_epoch_2_4() {
    let mut h = Harness::new();
    hash_buffers(&mut h);
    hash_integers(&mut h);
    hash_arguments(&mut h);
    h.finish();
}

/// Clarity 1 on epoch 2.05: hashes are charged by the serialized size of the argument.
#[test]
fn hashes_clarity1_epoch_2_05() {
    let mut h = Harness::clarity1();
    hash_buffers(&mut h);
    hash_integers(&mut h);
    hash_arguments(&mut h);
    h.finish();
}

/// Epoch 2.0: hashes are charged by the number of arguments, whatever their size.
#[test]
fn hashes_epoch_2_0() {
    let mut h = Harness::on(Chain::new(
        StacksEpochId::Epoch20,
        ClarityVersion::Clarity1,
        &devnet_accounts(),
    ));
    hash_buffers(&mut h);
    hash_integers(&mut h);
    hash_arguments(&mut h);
    h.finish();
}

#[test]
fn hash_charge_by_input_size_per_epoch() {
    hash_charges_by_size(StacksEpochId::Epoch20, ClarityVersion::Clarity1);
    hash_charges_by_size(StacksEpochId::Epoch2_05, ClarityVersion::Clarity1);
    hash_charges_by_size(StacksEpochId::Epoch21, ClarityVersion::Clarity2);
    hash_charges_by_size(StacksEpochId::Epoch24, ClarityVersion::Clarity2);
}

/// A hash of a literal costs only the hash's own charge: in 2.0 the same for a short and a
/// long input (charged by the number of arguments), from 2.05 on more for the long one
/// (charged by the input's serialized size).
fn hash_charges_by_size(epoch: StacksEpochId, version: ClarityVersion) {
    let mut h = Harness::on(Chain::new(epoch, version, &devnet_accounts()));
    for (word, f) in HASHES {
        let short = pattern(1);
        let long = pattern(1000);
        let a = h.ok(&format!("({word} {})", hex(&short)), &hex(&f(&short)));
        let b = h.ok(&format!("({word} {})", hex(&long)), &hex(&f(&long)));
        let (a, b) = (
            a.interpreter.cost.clone().unwrap(),
            b.interpreter.cost.clone().unwrap(),
        );
        if epoch < StacksEpochId::Epoch2_05 && a != b {
            h.fail(format!(
                "{epoch} {word}: short {a:?} and long {b:?} should cost alike"
            ));
        }
        if epoch >= StacksEpochId::Epoch2_05 && a.runtime >= b.runtime {
            h.fail(format!(
                "{epoch} {word}: long {b:?} should cost more than short {a:?}"
            ));
        }
    }
    h.finish();
}

// ---- Signatures --------------------------------------------------------------------------

struct Signed {
    msg: Vec<u8>,
    /// r, s, recovery id (the order Clarity takes).
    sig: Vec<u8>,
    pubkey: Vec<u8>,
}

fn key(secret: &str) -> Secp256k1PrivateKey {
    Secp256k1PrivateKey::from_hex(secret).expect("secret key")
}

fn public(secret: &str) -> Vec<u8> {
    Secp256k1PublicKey::from_private(&key(secret)).to_bytes_compressed()
}

/// Sign the SHA-256 of `text` with `secret`.
fn sign(secret: &str, text: &[u8]) -> Signed {
    let msg = Sha256Sum::from_data(text).as_bytes().to_vec();
    let vrs = key(secret).sign(&msg).expect("sign").0;
    let mut sig = vrs[1..65].to_vec();
    sig.push(vrs[0]);
    Signed {
        msg,
        sig,
        pubkey: public(secret),
    }
}

/// `s` replaced by `n - s` (the high-S twin of a signature).
fn high_s(sig: &[u8]) -> Vec<u8> {
    let n = unhex(ORDER);
    let s = &sig[32..64];
    let mut out = [0u8; 32];
    let mut borrow = 0i16;
    for i in (0..32).rev() {
        let mut d = n[i] as i16 - s[i] as i16 - borrow;
        borrow = 0;
        if d < 0 {
            d += 256;
            borrow = 1;
        }
        out[i] = d as u8;
    }
    let mut r = sig[..32].to_vec();
    r.extend_from_slice(&out);
    r.extend_from_slice(&sig[64..]);
    r
}

fn with_byte(v: &[u8], at: usize, b: u8) -> Vec<u8> {
    let mut v = v.to_vec();
    v[at] = b;
    v
}

fn flip(v: &[u8], at: usize) -> Vec<u8> {
    let b = v[at] ^ 0x01;
    with_byte(v, at, b)
}

/// The address `principal-of?` gives a key on testnet.
fn testnet_address(pubkey: &[u8]) -> String {
    c32_address(26, Hash160::from_data(pubkey).as_bytes()).unwrap()
}

#[test]
fn keys_and_addresses_of_the_devnet_accounts() {
    // The fixtures themselves: independent of both runtimes.
    assert_eq!(to_hex(&public(ONE_KEY)), GENERATOR);
    assert_eq!(testnet_address(&public(DEPLOYER_KEY)), DEPLOYER);
    assert_eq!(testnet_address(&public(WALLET_1_KEY)), WALLET_1);
}

fn recover_cases(h: &mut Harness) {
    for (secret, text) in [
        (DEPLOYER_KEY, &b"hello"[..]),
        (WALLET_1_KEY, b""),
        (ONE_KEY, b"the generator signs"),
        (DEPLOYER_KEY, &[0u8; 200][..]),
    ] {
        let s = sign(secret, text);
        let (m, sig, pk) = (hex(&s.msg), hex(&s.sig), hex(&s.pubkey));
        // The right key.
        h.ok(
            &format!("(secp256k1-recover? {m} {sig})"),
            &format!("(ok {pk})"),
        );
        // The other recovery ids of 0..3: another key, or none.
        for id in 0..4u8 {
            if id == s.sig[64] {
                continue;
            }
            let other = with_byte(&s.sig, 64, id);
            let expect = match clarity::util::secp256k1::secp256k1_recover(&s.msg, &other) {
                Ok(k) => {
                    assert_ne!(k.to_vec(), s.pubkey);
                    format!("(ok {})", hex(&k))
                }
                Err(_) => "(err u1)".into(),
            };
            h.ok(
                &format!("(secp256k1-recover? {m} {})", hex(&other)),
                &expect,
            );
        }
        // Recovery ids past 3: (err u2).
        for id in [4u8, 5, 0x7f, 0x80, 0xff] {
            h.ok(
                &format!(
                    "(secp256k1-recover? {m} {})",
                    hex(&with_byte(&s.sig, 64, id))
                ),
                "(err u2)",
            );
        }
        // Not 65 bytes: (err u2).
        for len in [0usize, 1, 32, 63, 64] {
            h.ok(
                &format!("(secp256k1-recover? {m} {})", hex(&s.sig[..len])),
                "(err u2)",
            );
        }
        // A corrupted message or signature: another key or (err u1), never this key.
        let bad_msg = flip(&s.msg, 0);
        let got = clarity::util::secp256k1::secp256k1_recover(&bad_msg, &s.sig);
        let expect = match got {
            Ok(k) => {
                assert_ne!(k.to_vec(), s.pubkey);
                format!("(ok {})", hex(&k))
            }
            Err(_) => "(err u1)".into(),
        };
        h.ok(
            &format!("(secp256k1-recover? {} {sig})", hex(&bad_msg)),
            &expect,
        );
        for at in [0usize, 31, 32, 63] {
            let bad = flip(&s.sig, at);
            let expect = match clarity::util::secp256k1::secp256k1_recover(&s.msg, &bad) {
                Ok(k) => {
                    assert_ne!(k.to_vec(), s.pubkey);
                    format!("(ok {})", hex(&k))
                }
                Err(_) => "(err u1)".into(),
            };
            h.ok(&format!("(secp256k1-recover? {m} {})", hex(&bad)), &expect);
        }
        // The high-S twin recovers the same key with the other parity.
        let twin = high_s(&s.sig);
        let twin = with_byte(&twin, 64, s.sig[64] ^ 1);
        h.ok(
            &format!("(secp256k1-recover? {m} {})", hex(&twin)),
            &format!("(ok {pk})"),
        );
    }
    // r = 0, s = 0; r and s = the curve order: nothing to recover.
    let m = hex(&[0x11; 32]);
    h.ok(
        &format!("(secp256k1-recover? {m} {})", hex(&[0u8; 65])),
        "(err u1)",
    );
    let order_sig = [unhex(ORDER), unhex(ORDER), vec![0]].concat();
    h.ok(
        &format!("(secp256k1-recover? {m} {})", hex(&order_sig)),
        "(err u1)",
    );
    h.ok(
        &format!("(secp256k1-recover? {m} {})", hex(&[0xffu8; 65])),
        "(err u2)",
    );
    // A message shorter than 32 bytes: a runtime type error (literal arguments).
    h.err_containing(
        &format!(
            "(secp256k1-recover? 0x00 {})",
            hex(&sign(DEPLOYER_KEY, b"x").sig)
        ),
        "TypeValueError(SequenceType(BufferType(BufferLength(32)))",
    );
}

fn verify_cases(h: &mut Harness) {
    for (secret, text) in [
        (DEPLOYER_KEY, &b"hello"[..]),
        (WALLET_1_KEY, b""),
        (ONE_KEY, b"the generator signs"),
    ] {
        let s = sign(secret, text);
        let (m, sig, pk) = (hex(&s.msg), hex(&s.sig), hex(&s.pubkey));
        h.ok(&format!("(secp256k1-verify {m} {sig} {pk})"), "true");
        // 64 bytes, without a recovery id.
        h.ok(
            &format!("(secp256k1-verify {m} {} {pk})", hex(&s.sig[..64])),
            "true",
        );
        // Any recovery id of 0..3 is ignored; past 3, false.
        for id in 0..4u8 {
            h.ok(
                &format!(
                    "(secp256k1-verify {m} {} {pk})",
                    hex(&with_byte(&s.sig, 64, id))
                ),
                "true",
            );
        }
        for id in [4u8, 0x80, 0xff] {
            h.ok(
                &format!(
                    "(secp256k1-verify {m} {} {pk})",
                    hex(&with_byte(&s.sig, 64, id))
                ),
                "false",
            );
        }
        // Shorter than 64 bytes: false.
        for len in [0usize, 1, 33, 63] {
            h.ok(
                &format!("(secp256k1-verify {m} {} {pk})", hex(&s.sig[..len])),
                "false",
            );
        }
        // A corrupted message, signature or key; another signer's key; the high-S twin.
        h.ok(
            &format!("(secp256k1-verify {} {sig} {pk})", hex(&flip(&s.msg, 31))),
            "false",
        );
        for at in [0usize, 32, 63] {
            h.ok(
                &format!("(secp256k1-verify {m} {} {pk})", hex(&flip(&s.sig, at))),
                "false",
            );
        }
        h.ok(
            &format!("(secp256k1-verify {m} {sig} {})", hex(&flip(&s.pubkey, 32))),
            "false",
        );
        // The other parity prefix: the key's negation.
        h.ok(
            &format!("(secp256k1-verify {m} {sig} {})", hex(&flip(&s.pubkey, 0))),
            "false",
        );
        h.ok(
            &format!(
                "(secp256k1-verify {m} {sig} {})",
                hex(&with_byte(&s.pubkey, 0, 0x04))
            ),
            "false",
        );
        h.ok(
            &format!("(secp256k1-verify {m} {sig} {})", hex(&[0u8; 33])),
            "false",
        );
        let other = if secret == DEPLOYER_KEY {
            WALLET_1_KEY
        } else {
            DEPLOYER_KEY
        };
        h.ok(
            &format!("(secp256k1-verify {m} {sig} {})", hex(&public(other))),
            "false",
        );
        h.ok(
            &format!("(secp256k1-verify {m} {} {pk})", hex(&high_s(&s.sig))),
            "false",
        );
        // Recover, then verify with what was recovered, then the address.
        h.ok(
            &format!(
                "(let ((k (unwrap-panic (secp256k1-recover? {m} {sig})))) \
                 {{ ok: (secp256k1-verify {m} {sig} k), who: (principal-of? k) }})"
            ),
            &format!(
                "(tuple (ok true) (who (ok {})))",
                testnet_address(&s.pubkey)
            ),
        );
    }
    // Short arguments: a runtime type error for the message or the key (literals).
    let s = sign(DEPLOYER_KEY, b"hello");
    h.err_containing(
        &format!(
            "(secp256k1-verify 0x0102 {} {})",
            hex(&s.sig),
            hex(&s.pubkey)
        ),
        "TypeValueError(SequenceType(BufferType(BufferLength(32)))",
    );
    h.err_containing(
        &format!(
            "(secp256k1-verify {} {} {})",
            hex(&s.msg),
            hex(&s.sig),
            hex(&s.pubkey[..32])
        ),
        "TypeValueError(SequenceType(BufferType(BufferLength(33)))",
    );
    // A signature under 64 bytes is false before the key's length is looked at.
    h.ok(
        &format!("(secp256k1-verify {} 0x00 0x01)", hex(&s.msg)),
        "false",
    );
}

const SIGNER: &str = r#"
(define-read-only (check (msg (buff 32)) (sig (buff 65)) (key (buff 33)))
  { recovered: (secp256k1-recover? msg sig), verified: (secp256k1-verify msg sig key),
    signer: (principal-of? key) })
(define-read-only (signed-by-sender (msg (buff 32)) (sig (buff 65)))
  (match (secp256k1-recover? msg sig)
    key (is-eq (principal-of? key) (ok tx-sender))
    e false))
"#;

fn signature_arguments(h: &mut Harness) {
    let c = h.deploy("signer", SIGNER);
    let s = sign(DEPLOYER_KEY, b"pay 100");
    let addr = testnet_address(&s.pubkey);
    h.call_ok(
        &c,
        "check",
        &[buff(&s.msg), buff(&s.sig), buff(&s.pubkey)],
        &format!(
            "(tuple (recovered (ok {})) (signer (ok {addr})) (verified true))",
            hex(&s.pubkey)
        ),
    );
    h.call_ok(
        &c,
        "check",
        &[buff(&s.msg), buff(&s.sig[..64]), buff(&s.pubkey)],
        &format!("(tuple (recovered (err u2)) (signer (ok {addr})) (verified true))"),
    );
    // Signatures that fail verify's checks: see
    // `arguments_after_a_failed_check_are_not_evaluated`.
    h.call_ok(
        &c,
        "signed-by-sender",
        &[buff(&s.msg), buff(&s.sig)],
        "true",
    );
    h.call_as(
        &c,
        "signed-by-sender",
        &[buff(&s.msg), buff(&s.sig)],
        &PrincipalData::parse(WALLET_1).unwrap(),
        Expect::Value("false".into()),
    );
    let w = sign(WALLET_1_KEY, b"pay 100");
    h.call_as(
        &c,
        "signed-by-sender",
        &[buff(&w.msg), buff(&w.sig)],
        &PrincipalData::parse(WALLET_1).unwrap(),
        Expect::Value("true".into()),
    );
    h.call_ok(
        &c,
        "signed-by-sender",
        &[buff(&w.msg), buff(&with_byte(&w.sig, 64, 9))],
        "false",
    );
}

#[test]
fn secp256k1_recover() {
    let mut h = Harness::new();
    recover_cases(&mut h);
    h.finish();
}

#[test]
fn secp256k1_verify() {
    let mut h = Harness::new();
    verify_cases(&mut h);
    h.finish();
}

#[test]
fn signatures_as_arguments() {
    let mut h = Harness::new();
    signature_arguments(&mut h);
    h.finish();
}

#[test]
fn signatures_clarity1_epoch_2_05() {
    let mut h = Harness::clarity1();
    recover_cases(&mut h);
    verify_cases(&mut h);
    signature_arguments(&mut h);
    h.finish();
}

#[test]
fn signatures_epoch_2_0() {
    let mut h = Harness::on(Chain::new(
        StacksEpochId::Epoch20,
        ClarityVersion::Clarity1,
        &devnet_accounts(),
    ));
    recover_cases(&mut h);
    verify_cases(&mut h);
    signature_arguments(&mut h);
    h.finish();
}

// ---- principal-of? -----------------------------------------------------------------------

fn principal_of_cases(h: &mut Harness) {
    for (secret, addr) in [
        (DEPLOYER_KEY, DEPLOYER.to_string()),
        (WALLET_1_KEY, WALLET_1.to_string()),
        (ONE_KEY, testnet_address(&unhex(GENERATOR))),
    ] {
        let pk = hex(&public(secret));
        h.ok(&format!("(principal-of? {pk})"), &format!("(ok {addr})"));
    }
    h.ok(
        &format!("(principal-of? {})", hex(&public(DEPLOYER_KEY))),
        &format!("(ok {DEPLOYER})"),
    );
    h.ok(
        &format!(
            "(is-eq (principal-of? {}) (ok tx-sender))",
            hex(&public(DEPLOYER_KEY))
        ),
        "true",
    );
    // The other parity: a valid key (the point's negation), another address.
    let neg = flip(&public(DEPLOYER_KEY), 0);
    h.ok(
        &format!("(principal-of? {})", hex(&neg)),
        &format!("(ok {})", testnet_address(&neg)),
    );
    // Not keys: all zeros, a bad prefix, an x that is not on the curve, x >= p.
    // An x with no point on the curve: the first such one after the generator's.
    let mut not_on_curve = unhex(GENERATOR);
    while Secp256k1PublicKey::from_slice(&not_on_curve).is_ok() {
        not_on_curve[32] = not_on_curve[32].wrapping_add(1);
    }
    for bad in [
        vec![0u8; 33],
        with_byte(&public(DEPLOYER_KEY), 0, 0x04),
        with_byte(&public(DEPLOYER_KEY), 0, 0x05),
        with_byte(&public(DEPLOYER_KEY), 0, 0x00),
        not_on_curve,
        [vec![0x02], vec![0xff; 32]].concat(),
    ] {
        h.ok(&format!("(principal-of? {})", hex(&bad)), "(err u1)");
    }
    // Shorter than 33 bytes: a runtime type error.
    h.err_containing(
        &format!("(principal-of? {})", hex(&public(DEPLOYER_KEY)[..32])),
        "TypeValueError(SequenceType(BufferType(BufferLength(33)))",
    );
    h.err_containing(
        "(principal-of? 0x)",
        "TypeValueError(SequenceType(BufferType(BufferLength(33)))",
    );
}

const ADDRESSER: &str = r#"
(define-read-only (of (key (buff 33))) (principal-of? key))
(define-private (of-one (key (buff 33))) (principal-of? key))
(define-read-only (of-all (keys (list 4 (buff 33)))) (map of-one keys))
"#;

fn principal_of_arguments(h: &mut Harness, name: &str, version: ClarityVersion) {
    let c = h.deploy_version(name, ADDRESSER, version);
    h.call_ok(
        &c,
        "of",
        &[buff(&public(DEPLOYER_KEY))],
        &format!("(ok {DEPLOYER})"),
    );
    h.call_ok(&c, "of", &[buff(&[0u8; 33])], "(err u1)");
    h.call_ok(
        &c,
        "of-all",
        &[list(vec![
            buff(&public(WALLET_1_KEY)),
            buff(&[3u8; 33]),
            buff(&public(DEPLOYER_KEY)),
        ])],
        &format!("((ok {WALLET_1}) (err u1) (ok {DEPLOYER}))"),
    );
}

#[test]
fn principal_of_clarity2() {
    let mut h = Harness::new();
    principal_of_cases(&mut h);
    principal_of_arguments(&mut h, "addr2", ClarityVersion::Clarity2);
    // A Clarity 1 contract on the same chain: the testnet address too.
    principal_of_arguments(&mut h, "addr1", ClarityVersion::Clarity1);
    h.finish();
}

#[test]
fn principal_of_clarity1_epoch_2_05() {
    let mut h = Harness::clarity1();
    principal_of_cases(&mut h);
    principal_of_arguments(&mut h, "addr1", ClarityVersion::Clarity1);
    h.finish();
}

#[test]
fn principal_of_clarity2_epoch_2_1() {
    let mut h = Harness::on(Chain::new(
        StacksEpochId::Epoch21,
        ClarityVersion::Clarity2,
        &devnet_accounts(),
    ));
    principal_of_cases(&mut h);
    principal_of_arguments(&mut h, "addr2", ClarityVersion::Clarity2);
    h.finish();
}

// ---- Argument evaluation order -----------------------------------------------------------

/// The interpreter checks `secp256k1-recover?`'s message before it evaluates the
/// signature, and `secp256k1-verify`'s signature before it evaluates the key: an argument
/// after a failed check is never evaluated, so never charged and never failing. Literals
/// cost nothing to evaluate; a variable or an application does.
///
/// Known mismatch: the Wasm path (`compiler/src/words/natives.rs: emit`) evaluates every
/// argument of these special forms before the host looks at any, so it charges for the
/// skipped arguments (cost mismatch) and fails when one of them fails (result mismatch:
/// `false` or a type error on the interpreter, `UnwrapFailure` on Wasm).
#[test]
fn arguments_after_a_failed_check_are_not_evaluated() {
    let mut h = Harness::new();
    let s = sign(DEPLOYER_KEY, b"hello");
    let (m, sig, pk) = (hex(&s.msg), hex(&s.sig), hex(&s.pubkey));
    // A short signature: false, the key not evaluated.
    h.ok(
        &format!("(let ((k {pk})) (secp256k1-verify {m} 0x00 k))"),
        "false",
    );
    h.ok(
        &format!("(secp256k1-verify {m} 0x00 (unwrap-panic (as-max-len? {pk} u33)))"),
        "false",
    );
    h.ok(
        &format!(
            "(let ((k {pk})) (secp256k1-verify {m} (concat {} 0x04) k))",
            hex(&s.sig[..64])
        ),
        "false",
    );
    // A short message: the error, the signature not evaluated.
    h.err_containing(
        &format!("(let ((g {sig})) (secp256k1-recover? 0x00 g))"),
        "TypeValueError(SequenceType(BufferType(BufferLength(32)))",
    );
    h.err_containing(
        &format!("(secp256k1-verify 0x00 (unwrap-panic (as-max-len? {sig} u65)) {pk})"),
        "TypeValueError(SequenceType(BufferType(BufferLength(32)))",
    );
    // An argument that would fail: the interpreter never evaluates it and gives its
    // result; Wasm evaluates it first and fails there.
    h.ok(
        &format!("(secp256k1-verify {m} 0x00 (unwrap-panic (if false (some {pk}) none)))"),
        "false",
    );
    h.err_containing(
        &format!("(secp256k1-recover? 0x00 (unwrap-panic (if false (some {sig}) none)))"),
        "TypeValueError(SequenceType(BufferType(BufferLength(32)))",
    );
    // In a function, where the key is an argument (a variable lookup).
    let c = h.deploy("signer", SIGNER);
    h.call_ok(
        &c,
        "check",
        &[
            buff(&s.msg),
            buff(&with_byte(&s.sig, 64, 4)),
            buff(&[0u8; 33]),
        ],
        "(tuple (recovered (err u2)) (signer (err u1)) (verified false))",
    );
    h.call_ok(
        &c,
        "check",
        &[buff(&s.msg), buff(&[]), buff(&public(WALLET_1_KEY))],
        &format!("(tuple (recovered (err u2)) (signer (ok {WALLET_1})) (verified false))"),
    );
    // The same with every argument evaluated: these agree.
    h.ok(
        &format!("(let ((k {pk}) (g {sig})) (secp256k1-verify {m} g k))"),
        "true",
    );
    h.ok(
        &format!("(let ((g {sig})) (secp256k1-recover? {m} g))"),
        &format!("(ok {pk})"),
    );
    h.finish();
}
