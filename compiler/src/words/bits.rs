//! `xor bit-and bit-or bit-xor bit-not bit-shift-left bit-shift-right` on 128-bit
//! integers, entirely in Wasm on the (low, high) halves: none of them can fail.
//!
//! Plain native functions in the interpreter: every argument evaluated (its memory
//! accounted), then the word's cost for the number of arguments.

use clarity::vm::costs::cost_functions::ClarityCostFunction as C;
use clarity::vm::types::TypeSignature;
use clarity::vm::SymbolicExpression;
use walrus::ir::{BinaryOp, UnaryOp};
use walrus::{LocalId, ValType};

use crate::codegen::{span_error, Builder, CResult, Ctx};
use crate::types::is_int;

pub fn emit(
    ctx: &mut Ctx,
    b: &mut Builder,
    name: &str,
    args: &[SymbolicExpression],
    e: &SymbolicExpression,
    want: &TypeSignature,
) -> CResult<()> {
    if args.is_empty() {
        return Err(span_error(e, format!("{name} needs arguments")));
    }
    let ty = ctx.type_of(&args[0]);
    let mut types = vec![ty.clone(); args.len()];
    if name.starts_with("bit-shift") {
        types[1] = TypeSignature::UIntType;
    }
    let (vals, uses) = ctx.native_args(b, args, &types)?;
    let f = match name {
        "xor" | "bit-xor" => C::Xor,
        "bit-and" => C::BitwiseAnd,
        "bit-or" => C::BitwiseOr,
        "bit-not" => C::BitwiseNot,
        "bit-shift-left" => C::BitwiseLShift,
        _ => C::BitwiseRShift,
    };
    ctx.cost(f, args.len() as u64);
    ctx.flush(b);
    let halves = |v: &Vec<LocalId>| (v[0], v[1]);
    match name {
        "bit-not" => {
            let (lo, hi) = halves(&vals[0]);
            b.local_get(lo).i64_const(-1).binop(BinaryOp::I64Xor);
            b.local_get(hi).i64_const(-1).binop(BinaryOp::I64Xor);
        }
        "bit-shift-left" | "bit-shift-right" => {
            let (lo, hi) = halves(&vals[0]);
            // Only the low 7 bits of the amount count (`u128_val & 0x7f`).
            let s = ctx.module.locals.add(ValType::I64);
            b.local_get(vals[1][0])
                .i64_const(0x7f)
                .binop(BinaryOp::I64And)
                .local_set(s);
            if name == "bit-shift-left" {
                shift_left(ctx, b, lo, hi, s);
            } else {
                shift_right(ctx, b, lo, hi, s, is_int(&ty));
            }
        }
        _ => {
            let op = match name {
                "bit-and" => BinaryOp::I64And,
                "bit-or" => BinaryOp::I64Or,
                _ => BinaryOp::I64Xor,
            };
            let (lo, hi) = halves(&vals[0]);
            let (rlo, rhi) = (
                ctx.module.locals.add(ValType::I64),
                ctx.module.locals.add(ValType::I64),
            );
            b.local_get(lo).local_set(rlo);
            b.local_get(hi).local_set(rhi);
            for v in &vals[1..] {
                let (lo, hi) = halves(v);
                b.local_get(rlo).local_get(lo).binop(op).local_set(rlo);
                b.local_get(rhi).local_get(hi).binop(op).local_set(rhi);
            }
            b.local_get(rlo).local_get(rhi);
        }
    }
    ctx.mem_release(b, &uses);
    ctx.coerce(b, &ty, want)
}

/// The frame of a 128-bit shift of (lo, hi) by s in 0..128, leaving the result on the
/// stack: s == 0 leaves the value as it is (Wasm shifts are mod 64, so `lo >> (64 - 0)`
/// would be `lo`); otherwise `below` (s < 64) or `above` (s >= 64, where a 64-bit shift by
/// s is one by s - 64) sets the result locals (rlo, rhi).
fn shift(
    ctx: &mut Ctx,
    b: &mut Builder,
    (lo, hi, s): (LocalId, LocalId, LocalId),
    below: impl FnOnce(&mut Builder, LocalId, LocalId),
    above: impl FnOnce(&mut Builder, LocalId, LocalId),
) {
    let (rlo, rhi) = (
        ctx.module.locals.add(ValType::I64),
        ctx.module.locals.add(ValType::I64),
    );
    b.block(None, |done| {
        let done_id = done.id();
        done.local_get(lo).local_set(rlo);
        done.local_get(hi).local_set(rhi);
        done.local_get(s).unop(UnaryOp::I64Eqz).br_if(done_id);
        done.local_get(s).i64_const(64).binop(BinaryOp::I64LtU);
        done.if_else(None, |lt| below(lt, rlo, rhi), |ge| above(ge, rlo, rhi));
    });
    b.local_get(rlo).local_get(rhi);
}

/// (lo, hi) << s for s in 0..128, leaving (lo, hi) on the stack.
fn shift_left(ctx: &mut Ctx, b: &mut Builder, lo: LocalId, hi: LocalId, s: LocalId) {
    shift(
        ctx,
        b,
        (lo, hi, s),
        |lt, rlo, rhi| {
            lt.local_get(hi)
                .local_get(s)
                .binop(BinaryOp::I64Shl)
                .local_get(lo)
                .i64_const(64)
                .local_get(s)
                .binop(BinaryOp::I64Sub)
                .binop(BinaryOp::I64ShrU)
                .binop(BinaryOp::I64Or)
                .local_set(rhi);
            lt.local_get(lo)
                .local_get(s)
                .binop(BinaryOp::I64Shl)
                .local_set(rlo);
        },
        |ge, rlo, rhi| {
            ge.local_get(lo)
                .local_get(s)
                .binop(BinaryOp::I64Shl)
                .local_set(rhi);
            ge.i64_const(0).local_set(rlo);
        },
    );
}

/// (lo, hi) >> s for s in 0..128: arithmetic for `int` (`i128::wrapping_shr`), logical
/// for `uint`.
fn shift_right(ctx: &mut Ctx, b: &mut Builder, lo: LocalId, hi: LocalId, s: LocalId, signed: bool) {
    let shr = if signed {
        BinaryOp::I64ShrS
    } else {
        BinaryOp::I64ShrU
    };
    shift(
        ctx,
        b,
        (lo, hi, s),
        |lt, rlo, rhi| {
            lt.local_get(lo)
                .local_get(s)
                .binop(BinaryOp::I64ShrU)
                .local_get(hi)
                .i64_const(64)
                .local_get(s)
                .binop(BinaryOp::I64Sub)
                .binop(BinaryOp::I64Shl)
                .binop(BinaryOp::I64Or)
                .local_set(rlo);
            lt.local_get(hi).local_get(s).binop(shr).local_set(rhi);
        },
        |ge, rlo, rhi| {
            ge.local_get(hi).local_get(s).binop(shr).local_set(rlo);
            if signed {
                ge.local_get(hi).i64_const(63).binop(BinaryOp::I64ShrS);
            } else {
                ge.i64_const(0);
            }
            ge.local_set(rhi);
        },
    );
}
