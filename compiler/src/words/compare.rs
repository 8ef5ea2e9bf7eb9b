//! `< <= > >=` (integers; in Clarity 2 also strings and buffers) and `is-eq` (any type).

use clarity::vm::types::TypeSignature;
use clarity::vm::SymbolicExpression;
use walrus::ir::BinaryOp;

use crate::codegen::{span_error, Builder, CResult, Ctx};
use crate::types::is_int;

pub fn emit_order(
    ctx: &mut Ctx,
    b: &mut Builder,
    name: &str,
    args: &[SymbolicExpression],
    e: &SymbolicExpression,
    want: &TypeSignature,
) -> CResult<()> {
    if args.len() != 2 {
        return Err(span_error(e, format!("{name} takes two arguments")));
    }
    let ty = ctx.join(args);
    ctx.emit(b, &args[0], &ty)?;
    ctx.emit(b, &args[1], &ty)?;
    let f = match &ty {
        TypeSignature::IntType | TypeSignature::UIntType => {
            ctx.import(if is_int(&ty) { "cmp-int" } else { "cmp-uint" })
        }
        // Sequences of bytes (buff, ascii, big-endian utf8) order as their bytes do.
        _ => ctx.import("cmp-bytes"),
    };
    b.call(f).i32_const(0);
    b.binop(match name {
        "<" => BinaryOp::I32LtS,
        "<=" => BinaryOp::I32LeS,
        ">" => BinaryOp::I32GtS,
        _ => BinaryOp::I32GeS,
    });
    ctx.coerce(b, &TypeSignature::BoolType, want)
}

pub fn emit_is_eq(
    ctx: &mut Ctx,
    b: &mut Builder,
    args: &[SymbolicExpression],
    e: &SymbolicExpression,
    want: &TypeSignature,
) -> CResult<()> {
    if args.is_empty() {
        return Err(span_error(e, "is-eq needs arguments"));
    }
    let ty = ctx.join(args);
    // All arguments are evaluated before comparing, as in the interpreter.
    let mut vals = vec![];
    for a in args {
        ctx.emit(b, a, &ty)?;
        vals.push(ctx.spill(b, &ty));
    }
    b.i32_const(1);
    for v in &vals[1..] {
        match &ty {
            TypeSignature::IntType | TypeSignature::UIntType => {
                b.local_get(vals[0][0])
                    .local_get(v[0])
                    .binop(BinaryOp::I64Eq);
                b.local_get(vals[0][1])
                    .local_get(v[1])
                    .binop(BinaryOp::I64Eq);
                b.binop(BinaryOp::I32And);
            }
            TypeSignature::BoolType => {
                b.local_get(vals[0][0])
                    .local_get(v[0])
                    .binop(BinaryOp::I32Eq);
            }
            TypeSignature::NoType => {
                b.i32_const(1);
            }
            _ => {
                let id = ctx.type_id(&ty);
                let first = ctx.locals_to_memory(b, &ty, &vals[0]);
                let other = ctx.locals_to_memory(b, &ty, v);
                let f = ctx.import("eq-values");
                b.i32_const(id).local_get(first).local_get(other).call(f);
            }
        }
        b.binop(BinaryOp::I32And);
    }
    ctx.coerce(b, &TypeSignature::BoolType, want)
}
