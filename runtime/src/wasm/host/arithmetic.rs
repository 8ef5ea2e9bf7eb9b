//! 128-bit arithmetic with the interpreter's checks and errors (the same operations on
//! the same Rust integer types, so the same results and failure points).

use clarity::vm::errors::RuntimeErrorType;
use integer_sqrt::IntegerSquareRoot;
use wasmtime::Linker;

use super::{raise, HostResult};
use crate::wasm::HostState;

fn int(lo: i64, hi: i64) -> i128 {
    uint(lo, hi) as i128
}

// Zero-extend the low half: it carries the low 64 bits, not a signed quantity.
fn uint(lo: i64, hi: i64) -> u128 {
    ((hi as u64 as u128) << 64) | lo as u64 as u128
}

fn halves(v: u128) -> (i64, i64) {
    (v as u64 as i64, (v >> 64) as u64 as i64)
}

macro_rules! ops {
    ($t:ty, $get:ident, $sfx:literal, $l:ident) => {{
        let bin = |f: fn($t, $t) -> HostResult<$t>| {
            move |a: i64, b: i64, c: i64, d: i64| -> HostResult<(i64, i64)> {
                f($get(a, b), $get(c, d)).map(|r| halves(r as u128))
            }
        };
        let un = |f: fn($t) -> HostResult<$t>| {
            move |a: i64, b: i64| -> HostResult<(i64, i64)> {
                f($get(a, b)).map(|r| halves(r as u128))
            }
        };
        $l.func_wrap(
            M,
            concat!("add-", $sfx),
            bin(|x, y| {
                x.checked_add(y)
                    .map(|r| if fault("add") { r.wrapping_add(1) } else { r })
                    .map_or_else(|| raise(RuntimeErrorType::ArithmeticOverflow), Ok)
            }),
        )?;
        $l.func_wrap(
            M,
            concat!("sub-", $sfx),
            bin(|x, y| {
                x.checked_sub(y)
                    .map_or_else(|| raise(RuntimeErrorType::ArithmeticUnderflow), Ok)
            }),
        )?;
        $l.func_wrap(
            M,
            concat!("mul-", $sfx),
            bin(|x, y| {
                x.checked_mul(y)
                    .map_or_else(|| raise(RuntimeErrorType::ArithmeticOverflow), Ok)
            }),
        )?;
        $l.func_wrap(
            M,
            concat!("div-", $sfx),
            bin(|x, y| {
                x.checked_div(y)
                    .map_or_else(|| raise(RuntimeErrorType::DivisionByZero), Ok)
            }),
        )?;
        $l.func_wrap(
            M,
            concat!("mod-", $sfx),
            bin(|x, y| {
                x.checked_rem(y)
                    .map_or_else(|| raise(RuntimeErrorType::DivisionByZero), Ok)
            }),
        )?;
        $l.func_wrap(
            M,
            concat!("pow-", $sfx),
            bin(|base, power| {
                #[allow(unused_comparisons)]
                {
                    if base == 0 && power == 0 {
                        return Ok(1);
                    }
                    if base == 1 {
                        return Ok(1);
                    }
                    if base == 0 {
                        return Ok(0);
                    }
                    if power == 1 {
                        return Ok(base);
                    }
                    if power < 0 || power > (u32::MAX as $t) {
                        return raise(RuntimeErrorType::Arithmetic(
                            "Power argument to (pow ...) must be a u32 integer".into(),
                        ));
                    }
                    base.checked_pow(power as u32)
                        .map_or_else(|| raise(RuntimeErrorType::ArithmeticOverflow), Ok)
                }
            }),
        )?;
        $l.func_wrap(
            M,
            concat!("neg-", $sfx),
            un(|x| {
                x.checked_neg()
                    .map_or_else(|| raise(RuntimeErrorType::ArithmeticUnderflow), Ok)
            }),
        )?;
        $l.func_wrap(
            M,
            concat!("sqrti-", $sfx),
            un(|x| {
                x.integer_sqrt_checked().map_or_else(
                    || {
                        raise(RuntimeErrorType::Arithmetic(
                            "sqrti must be passed a positive integer".into(),
                        ))
                    },
                    Ok,
                )
            }),
        )?;
        $l.func_wrap(
            M,
            concat!("log2-", $sfx),
            un(|x| {
                if x < 1 {
                    return raise(RuntimeErrorType::Arithmetic(
                        "log2 must be passed a positive integer".into(),
                    ));
                }
                Ok((<$t>::BITS - 1 - x.leading_zeros()) as $t)
            }),
        )?;
        $l.func_wrap(
            M,
            concat!("cmp-", $sfx),
            |a: i64, b: i64, c: i64, d: i64| -> i32 { $get(a, b).cmp(&$get(c, d)) as i32 },
        )?;
    }};
}

const M: &str = clarinet_wasm_compiler::host::MODULE;

/// Test-only fault injection (feature `fault-injection`, variable `CLARINET_WASM_FAULT`).
#[cfg(feature = "fault-injection")]
fn fault(name: &str) -> bool {
    static FAULT: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    FAULT
        .get_or_init(|| std::env::var("CLARINET_WASM_FAULT").ok())
        .as_deref()
        == Some(name)
}

#[cfg(not(feature = "fault-injection"))]
#[inline(always)]
fn fault(_: &str) -> bool {
    false
}

pub fn define(l: &mut Linker<HostState>) -> wasmtime::Result<()> {
    ops!(i128, int, "int", l);
    ops!(u128, uint, "uint", l);
    l.func_wrap(M, "to-int", |a: i64, b: i64| -> HostResult<(i64, i64)> {
        i128::try_from(uint(a, b))
            .map(|v| halves(v as u128))
            .or_else(|_| raise(RuntimeErrorType::ArithmeticOverflow))
    })?;
    l.func_wrap(M, "to-uint", |a: i64, b: i64| -> HostResult<(i64, i64)> {
        u128::try_from(int(a, b))
            .map(halves)
            .or_else(|_| raise(RuntimeErrorType::ArithmeticUnderflow))
    })?;
    Ok(())
}
