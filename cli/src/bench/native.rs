//! The compute kernels of the suite written in plain Rust, as the physical limit: the same
//! work with the same checks (128-bit overflow, the same hash), no interpreter, no Wasm,
//! no metering. Each returns its result as a Clarity value so the run can check that it
//! computes what the contract does.

use std::hint::black_box;

use clarity::vm::Value;
use sha2::{Digest, Sha256};

/// The native kernel of a case, if it has one.
pub fn kernel(case: &str) -> Option<fn() -> Value> {
    Some(match case {
        "fold-add-1000" => fold_add,
        "map-1000" => map_double,
        "sha256-chain-100" => sha_chain,
        "arith-fold-1000" => arith_fold,
        _ => return None,
    })
}

fn ints() -> Vec<i128> {
    black_box((1..=1000).collect())
}

/// `(fold + ints 0)`: checked adds.
fn fold_add() -> Value {
    let sum = ints()
        .iter()
        .try_fold(0i128, |acc, x| acc.checked_add(*x))
        .expect("no overflow");
    Value::Int(sum)
}

/// `(map double ints)`: checked multiplies into a new list.
fn map_double() -> Value {
    let out: Vec<Value> = ints()
        .iter()
        .map(|x| Value::Int(x.checked_mul(2).expect("no overflow")))
        .collect();
    Value::list_from(out).expect("a list")
}

/// `(fold mix ints 1)`, `mix` = `(mod (+ (* acc 31) x C) M)`, every step checked.
fn arith_fold() -> Value {
    const C: i128 = 170141183460469231731687303715884;
    const M: i128 = 170141183460469231731687303715884105;
    let r = ints().iter().try_fold(1i128, |acc, x| {
        acc.checked_mul(31)?
            .checked_add(*x)?
            .checked_add(C)?
            // Clarity's `mod` is `checked_rem` (the sign of the dividend).
            .checked_rem(M)
    });
    Value::Int(r.expect("no overflow"))
}

/// 100 chained sha256 of a 32-byte buffer, starting from zeros.
fn sha_chain() -> Value {
    let mut h = black_box([0u8; 32]);
    for _ in 0..100 {
        h = Sha256::digest(h).into();
    }
    Value::buff_from(h.to_vec()).expect("a buffer")
}
