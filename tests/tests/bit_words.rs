//! `xor bit-and bit-or bit-xor bit-not bit-shift-left bit-shift-right` (compiled in Wasm
//! on 64-bit halves): both runtimes against Rust's i128/u128 operations, across the
//! half boundaries and every shift amount, costs compared.

use clarinet_wasm_tests::*;

fn int(v: i128) -> String {
    v.to_string()
}

fn uint(v: u128) -> String {
    format!("u{v}")
}

/// Values around the 64-bit boundary and the extremes, in both signs.
fn ints() -> Vec<i128> {
    let mut v = vec![
        0,
        1,
        -1,
        2,
        -2,
        i128::MAX,
        i128::MIN,
        0x5555_5555_5555_5555_5555_5555_5555_5555,
    ];
    for k in [31, 62, 63, 64, 65, 100, 126] {
        v.push(1i128 << k);
        v.push(-(1i128 << k));
        v.push((1i128 << k) - 1);
    }
    v
}

#[test]
fn and_or_xor_not() {
    let mut h = Harness::new();
    let xs = ints();
    let mut cases = vec![];
    for (i, &a) in xs.iter().enumerate() {
        let b = xs[(i * 7 + 3) % xs.len()];
        let c = xs[(i * 5 + 1) % xs.len()];
        let (ua, ub) = (a as u128, b as u128);
        cases.push((format!("(bit-and {a} {b} {c})"), int(a & b & c)));
        cases.push((format!("(bit-or {a} {b})"), int(a | b)));
        cases.push((format!("(bit-xor {a} {b} {c})"), int(a ^ b ^ c)));
        cases.push((format!("(xor {a} {b})"), int(a ^ b)));
        cases.push((format!("(bit-not {a})"), int(!a)));
        cases.push((format!("(bit-and u{ua} u{ub})"), uint(ua & ub)));
        cases.push((format!("(bit-or u{ua} u{ub} u7)"), uint(ua | ub | 7)));
        cases.push((format!("(bit-xor u{ua} u{ub})"), uint(ua ^ ub)));
        cases.push((format!("(bit-not u{ua})"), uint(!ua)));
    }
    cases.push(("(bit-and 6)".into(), "6".into()));
    cases.push(("(bit-or u6)".into(), "u6".into()));
    for (src, want) in &cases {
        h.ok(src, want);
    }
    h.finish();
}

#[test]
fn shifts_by_every_amount() {
    let mut h = Harness::new();
    let samples: [i128; 4] = [
        -0x1234_5678_9abc_def0_0fed_cba9_8765_4321,
        0x7edc_ba98_7654_3210_0123_4567_89ab_cdef,
        -1,
        1,
    ];
    let mut cases = vec![];
    for s in 0..=130u128 {
        let a = samples[s as usize % samples.len()];
        let u = a as u128;
        let sh = (s & 0x7f) as u32;
        cases.push((
            format!("(bit-shift-left {a} u{s})"),
            int(a.wrapping_shl(sh)),
        ));
        cases.push((
            format!("(bit-shift-right {a} u{s})"),
            int(a.wrapping_shr(sh)),
        ));
        cases.push((
            format!("(bit-shift-left u{u} u{s})"),
            uint(u.wrapping_shl(sh)),
        ));
        cases.push((
            format!("(bit-shift-right u{u} u{s})"),
            uint(u.wrapping_shr(sh)),
        ));
    }
    // Only the low seven bits of the amount count.
    cases.push((format!("(bit-shift-left 3 {U128_MAX})"), int(3i128 << 127)));
    cases.push(("(bit-shift-right -256 u264)".into(), int(-256i128 >> 8)));
    for (src, want) in &cases {
        h.ok(src, want);
    }
    h.finish();
}

#[test]
fn arguments_are_evaluated_before_the_charge() {
    let mut h = Harness::new();
    h.deploy(
        "bits",
        "(define-data-var n int 3)
         (define-public (go (k uint))
           (ok (bit-shift-left (begin (var-set n (+ (var-get n) 1)) (var-get n)) k)))
         (define-read-only (mask (xs (list 10 uint)))
           (fold bit-or xs u0))",
    );
    let id = h.contract_id("bits");
    h.ok(&format!("(contract-call? '{id} go u2)"), "(ok 16)");
    h.ok(
        &format!("(contract-call? '{id} mask (list u1 u4 u16 u256))"),
        "u277",
    );
    h.err(&format!("(contract-call? '{id} go (- u0 u1))"), UNDERFLOW);
    h.finish();
}
