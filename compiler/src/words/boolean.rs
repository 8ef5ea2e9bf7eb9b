//! `and`, `or` (short-circuiting, left to right) and `not`.

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
            ctx.emit(b, a, &bool_ty)?;
            b.unop(UnaryOp::I32Eqz);
        }
        _ => emit_chain(ctx, b, name == "and", args)?,
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
    let mut cont = b.dangling_instr_seq(Some(ValType::I32));
    emit_chain(ctx, &mut cont, is_and, rest)?;
    let cont = cont.id();
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
