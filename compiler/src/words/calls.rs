//! `contract-call?` with a literal contract (static dispatch). Arguments are evaluated in
//! order, then the host runs the callee (its own module) as the interpreter would, with
//! contract-caller set to this contract, and writes the result back.

use clarity::vm::representations::SymbolicExpressionType;
use clarity::vm::types::{PrincipalData, TypeSignature, Value};
use clarity::vm::SymbolicExpression;
use walrus::ir::{MemArg, StoreKind};

use crate::abi;
use crate::codegen::{span_error, unsupported, Builder, CResult, Ctx};

pub fn emit_contract_call(
    ctx: &mut Ctx,
    b: &mut Builder,
    args: &[SymbolicExpression],
    e: &SymbolicExpression,
    want: &TypeSignature,
) -> CResult<()> {
    let [target, function, rest @ ..] = args else {
        return Err(span_error(
            e,
            "contract-call? needs a contract and a function",
        ));
    };
    let SymbolicExpressionType::LiteralValue(Value::Principal(p @ PrincipalData::Contract(_))) =
        &target.expr
    else {
        return Err(unsupported(e, "contract-call? with a trait reference"));
    };
    let name = function
        .match_atom()
        .ok_or_else(|| span_error(function, "expected a function name"))?;
    let name_id = ctx.name_id(name);
    // A special form, charged before its arguments are evaluated.
    ctx.cost(
        clarity::vm::costs::cost_functions::ClarityCostFunction::ContractCall,
        0,
    );
    let mut evaluated = vec![];
    for a in rest {
        let ty = ctx.type_of(a);
        ctx.emit(b, a, &ty)?;
        let addr = ctx.to_memory(b, &ty);
        evaluated.push((ctx.type_id(&ty), addr));
    }
    let block = ctx.alloc_local(b, 8 * evaluated.len() as u32);
    for (i, (tid, addr)) in evaluated.iter().enumerate() {
        let off = 8 * i as u64;
        b.local_get(block).i32_const(*tid).store(
            ctx.memory,
            StoreKind::I32 { atomic: false },
            MemArg {
                align: 1,
                offset: off,
            },
        );
        b.local_get(block).local_get(*addr).store(
            ctx.memory,
            StoreKind::I32 { atomic: false },
            MemArg {
                align: 1,
                offset: off + 4,
            },
        );
    }
    let result_ty = ctx.type_of(e);
    let result_id = ctx.type_id(&result_ty);
    let dest = ctx.alloc_local(b, abi::size(&result_ty));
    let callee = abi::principal_bytes(p);
    let callee_addr = ctx.static_bytes(&callee);
    // The callee starts below this special form's own frame.
    ctx.flush(b);
    ctx.set_depth(b, 0);
    b.i32_const(callee_addr as i32)
        .i32_const(callee.len() as i32)
        .i32_const(name_id)
        .local_get(block)
        .i32_const(evaluated.len() as i32)
        .i32_const(result_id)
        .local_get(dest);
    ctx.call_host(b, "contract-call");
    ctx.load(b, &result_ty, dest, 0);
    ctx.coerce(b, &result_ty, want)
}
