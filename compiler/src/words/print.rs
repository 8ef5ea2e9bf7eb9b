//! `print`: the value goes to the host (which records the event) and is returned.

use clarity::vm::costs::cost_functions::ClarityCostFunction;
use clarity::vm::types::TypeSignature;
use clarity::vm::SymbolicExpression;

use crate::codegen::{span_error, Builder, CResult, Ctx};

pub fn emit(
    ctx: &mut Ctx,
    b: &mut Builder,
    args: &[SymbolicExpression],
    e: &SymbolicExpression,
    want: &TypeSignature,
) -> CResult<()> {
    let arg = args
        .first()
        .ok_or_else(|| span_error(e, "print takes one argument"))?;
    let ty = ctx.type_of(arg);
    ctx.emit(b, arg, &ty)?;
    let locals = ctx.spill(b, &ty);
    ctx.cost_of_size(b, ClarityCostFunction::Print, &ty, &locals);
    let addr = ctx.locals_to_memory(b, &ty, &locals);
    let id = ctx.type_id(&ty);
    b.i32_const(id).local_get(addr);
    ctx.call_host(b, "print");
    ctx.push_as(b, &locals, &ty, want);
    Ok(())
}
