//! `< <= > >=` (integers; in Clarity 2 also strings and buffers) and `is-eq` (any type).

use clarity::types::StacksEpochId;
use clarity::vm::costs::cost_functions::ClarityCostFunction;
use clarity::vm::types::TypeSignature;
use clarity::vm::{ClarityVersion, SymbolicExpression};
use walrus::ir::BinaryOp;
use walrus::ValType;

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
    // A special form: both operands evaluated (no memory accounted), then the word's
    // cost: in Clarity 2 for the smaller operand's size, in Clarity 1 for the count.
    ctx.emit(b, &args[0], &ty)?;
    let a = ctx.spill(b, &ty);
    ctx.emit(b, &args[1], &ty)?;
    let c = ctx.spill(b, &ty);
    let f = match name {
        "<" => ClarityCostFunction::Le,
        "<=" => ClarityCostFunction::Leq,
        ">" => ClarityCostFunction::Ge,
        _ => ClarityCostFunction::Geq,
    };
    if ctx.analysis.clarity_version >= ClarityVersion::Clarity2 {
        match Ctx::static_size(&ty) {
            Some(n) => ctx.cost(f, n),
            None => {
                ctx.push_size(b, &ty, &a);
                ctx.push_size(b, &ty, &c);
                let (x, y) = (
                    ctx.module.locals.add(ValType::I64),
                    ctx.module.locals.add(ValType::I64),
                );
                b.local_set(y)
                    .local_tee(x)
                    .local_get(y)
                    .local_get(x)
                    .local_get(y);
                b.binop(BinaryOp::I64LtU).select(Some(ValType::I64));
                ctx.cost_dyn(b, f);
            }
        }
    } else {
        ctx.cost(f, 2);
    }
    Ctx::push_locals(b, &a);
    Ctx::push_locals(b, &c);
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
    // A native: every argument evaluated (memory accounted), then `Eq` for the sum of
    // their serialized sizes (the count before epoch 2.05).
    let (vals, uses) = ctx.native_args(b, args, &vec![ty.clone(); args.len()])?;
    if ctx.epoch >= StacksEpochId::Epoch2_05 {
        ctx.cost_of_serialized_sizes(b, ClarityCostFunction::Eq, &ty, &vals);
    } else {
        ctx.cost(ClarityCostFunction::Eq, args.len() as u64);
    }
    ctx.mem_release(b, &uses);
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
