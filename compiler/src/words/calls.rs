//! `contract-call?` with a literal contract (static dispatch) or through a trait-typed
//! binding (dynamic dispatch), and `contract-of`. Arguments are evaluated in order, then
//! the host makes the interpreter's checks (for a trait, at run time: the callee exists,
//! defines the function with the trait's signature, ...) and runs the callee (its own
//! module, or the interpreter when it is not compiled) with contract-caller set to this
//! contract, and writes the result back.

use clarity::vm::representations::SymbolicExpressionType;
use clarity::vm::types::signatures::CallableSubtype;
use clarity::vm::types::{PrincipalData, TypeSignature, Value};
use clarity::vm::SymbolicExpression;

use crate::abi;
use crate::codegen::{span_error, Binding, Builder, CResult, Ctx};

enum Callee {
    /// A literal contract principal, in memory form.
    Literal(Vec<u8>),
    /// A binding of a trait type (a function argument, or a `let`/`match` name bound to
    /// one): its principal is read without a variable lookup, as the interpreter finds it
    /// among the context's callable contracts.
    Trait(Binding),
}

fn callee(ctx: &Ctx, target: &SymbolicExpression) -> CResult<Callee> {
    match &target.expr {
        SymbolicExpressionType::LiteralValue(Value::Principal(p @ PrincipalData::Contract(_))) => {
            Ok(Callee::Literal(abi::principal_bytes(p)))
        }
        SymbolicExpressionType::Atom(name) => match ctx.lookup(name) {
            Some(binding) if is_trait(&binding.ty) => Ok(Callee::Trait(binding)),
            _ => Err(span_error(
                target,
                format!("{name} is not a trait reference"),
            )),
        },
        _ => Err(span_error(
            target,
            "contract-call? expects a contract or a trait reference",
        )),
    }
}

pub fn is_trait(ty: &TypeSignature) -> bool {
    matches!(
        ty,
        TypeSignature::CallableType(CallableSubtype::Trait(_))
            | TypeSignature::TraitReferenceType(_)
    )
}

/// `(contract-of t)`: the principal of the contract behind trait reference `t`, once the
/// host has checked that it exists.
pub fn emit_contract_of(
    ctx: &mut Ctx,
    b: &mut Builder,
    args: &[SymbolicExpression],
    e: &SymbolicExpression,
    want: &TypeSignature,
) -> CResult<()> {
    let [target] = args else {
        return Err(span_error(e, "contract-of takes one trait reference"));
    };
    ctx.cost(
        clarity::vm::costs::cost_functions::ClarityCostFunction::ContractOf,
        0,
    );
    let Callee::Trait(binding) = callee(ctx, target)? else {
        return Err(span_error(target, "contract-of expects a trait reference"));
    };
    Ctx::push_locals(b, &binding.locals);
    ctx.call_host(b, "contract-of");
    Ctx::push_locals(b, &binding.locals);
    ctx.coerce(b, &TypeSignature::PrincipalType, want)
}

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
    let callee = callee(ctx, target)?;
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
    let block = ctx.arg_block(b, &evaluated);
    let result_ty = ctx.type_of(e);
    let result_id = ctx.type_id(&result_ty);
    let dest = ctx.alloc_local(b, abi::size(&result_ty));
    // The callee starts below this special form's own frame.
    ctx.flush(b);
    ctx.set_depth(b, 0);
    let trait_ty = match &callee {
        Callee::Literal(bytes) => {
            let at = ctx.static_bytes(bytes);
            b.i32_const(at as i32).i32_const(bytes.len() as i32);
            -1
        }
        Callee::Trait(binding) => {
            Ctx::push_locals(b, &binding.locals);
            ctx.type_id(&binding.ty)
        }
    };
    b.i32_const(name_id)
        .local_get(block)
        .i32_const(evaluated.len() as i32)
        .i32_const(result_id)
        .local_get(dest)
        .i32_const(trait_ty);
    ctx.call_host(b, "contract-call");
    if ctx.tracing {
        ctx.trace_end_at(b, &result_ty, dest);
    }
    ctx.load(b, &result_ty, dest, 0);
    ctx.coerce(b, &result_ty, want)
}
