//! `and`, `or` (short-circuiting, left to right) and `not`.

use clarity::vm::costs::cost_functions::ClarityCostFunction;
use clarity::vm::types::TypeSignature;
use clarity::vm::SymbolicExpression;
use walrus::ir::{IfElse, UnaryOp};
use walrus::ValType;

use crate::codegen::{span_error, Builder, CResult, Ctx};

pub fn emit(
    ctx: &mut Ctx,
    b: &mut Builder,
    name: &str,
    args: &[SymbolicExpression],
    e: &SymbolicExpression,
    want: &TypeSignature,
) -> CResult<()> {
    let bool_ty = TypeSignature::BoolType;
    match name {
        "not" => {
            let a = args
                .first()
                .ok_or_else(|| span_error(e, "not takes one argument"))?;
            let (values, uses) = ctx.native_args(b, std::slice::from_ref(a), &[bool_ty.clone()])?;
            ctx.cost(ClarityCostFunction::Not, 1);
            ctx.mem_release(b, &uses);
            Ctx::push_locals(b, &values[0]);
            b.unop(UnaryOp::I32Eqz);
        }
        _ => {
            // Special forms: charged for the number of arguments before evaluating any.
            ctx.cost(
                if name == "and" {
                    ClarityCostFunction::And
                } else {
                    ClarityCostFunction::Or
                },
                args.len() as u64,
            );
            emit_chain(ctx, b, name == "and", args)?
        }
    }
    ctx.coerce(b, &bool_ty, want)
}

/// `(and a b c)` = if a then (if b then c else false) else false; `or` mirrors it.
fn emit_chain(
    ctx: &mut Ctx,
    b: &mut Builder,
    is_and: bool,
    args: &[SymbolicExpression],
) -> CResult<()> {
    let bool_ty = TypeSignature::BoolType;
    let Some((first, rest)) = args.split_first() else {
        b.i32_const(is_and as i32);
        return Ok(());
    };
    ctx.emit(b, first, &bool_ty)?;
    if rest.is_empty() {
        return Ok(());
    }
    ctx.flush(b);
    let cont = ctx.branch(b, Some(ValType::I32), |ctx, s| {
        emit_chain(ctx, s, is_and, rest)
    })?;
    let mut stop = b.dangling_instr_seq(Some(ValType::I32));
    stop.i32_const(!is_and as i32);
    let stop = stop.id();
    if is_and {
        b.instr(IfElse {
            consequent: cont,
            alternative: stop,
        });
    } else {
        b.instr(IfElse {
            consequent: stop,
            alternative: cont,
        });
    }
    Ok(())
}
