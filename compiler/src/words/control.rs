//! `let`, `begin`, `if`, `asserts!`.

use std::collections::HashMap;

use clarity::vm::costs::cost_functions::ClarityCostFunction as C;
use clarity::vm::types::TypeSignature;
use clarity::vm::SymbolicExpression;
use walrus::ir::{IfElse, UnaryOp};

use crate::codegen::{span_error, Binding, Builder, CResult, Ctx};
use crate::host::ShortReturnKind;

pub fn emit(
    ctx: &mut Ctx,
    b: &mut Builder,
    name: &str,
    args: &[SymbolicExpression],
    e: &SymbolicExpression,
    want: &TypeSignature,
) -> CResult<()> {
    match name {
        // A native function: every expression is an argument, its memory accounted.
        "begin" => {
            let Some((last, init)) = args.split_last() else {
                return Err(span_error(e, "empty begin"));
            };
            let mut types: Vec<TypeSignature> = init.iter().map(|x| ctx.type_of(x)).collect();
            types.push(want.clone());
            let (values, uses) = ctx.native_args(b, args, &types)?;
            ctx.cost(C::Begin, args.len() as u64);
            ctx.mem_release(b, &uses);
            let _ = last;
            Ctx::push_locals(b, values.last().expect("one value"));
            Ok(())
        }
        "let" => {
            let (bindings, body) = args
                .split_first()
                .ok_or_else(|| span_error(e, "let needs bindings"))?;
            let pairs = bindings
                .match_list()
                .ok_or_else(|| span_error(bindings, "bad let bindings"))?;
            ctx.cost(C::Let, pairs.len() as u64);
            // The bindings and the body are evaluated in a context one level deeper; each
            // binding sees the ones before it, and its value's memory is accounted until
            // the end of the `let`.
            ctx.meter_state.context_depth += 1;
            let mut pushed = 0;
            let mut uses = vec![];
            let mut result = Ok(());
            for pair in pairs {
                let Some([n, v]) = pair
                    .match_list()
                    .map(|l| l as &[SymbolicExpression])
                    .and_then(|l| <&[SymbolicExpression; 2]>::try_from(l).ok())
                else {
                    result = Err(span_error(pair, "bad let binding"));
                    break;
                };
                let Some(name) = n.match_atom() else {
                    result = Err(span_error(n, "bad let binding name"));
                    break;
                };
                let ty = ctx.type_of(v);
                if let Err(err) = ctx.emit(b, v, &ty) {
                    result = Err(err);
                    break;
                }
                let locals = ctx.spill(b, &ty);
                uses.push(ctx.mem_add_value(b, &ty, &locals));
                let mut scope = HashMap::new();
                scope.insert(name.to_string(), Binding { ty, locals });
                ctx.push_scope(scope);
                pushed += 1;
            }
            if result.is_ok() {
                result = emit_body(ctx, b, body, e, want);
            }
            for _ in 0..pushed {
                ctx.pop_scope();
            }
            ctx.meter_state.context_depth -= 1;
            ctx.mem_release(b, &uses);
            result
        }
        "if" => {
            let [c, t, f] = args else {
                return Err(span_error(e, "if takes three arguments"));
            };
            ctx.cost(C::If, 0);
            ctx.emit(b, c, &TypeSignature::BoolType)?;
            ctx.flush(b);
            let ty = ctx.block_type(want);
            let then_id = ctx.branch(b, ty, |ctx, s| ctx.emit(s, t, want))?;
            let else_id = ctx.branch(b, ty, |ctx, s| ctx.emit(s, f, want))?;
            b.instr(IfElse {
                consequent: then_id,
                alternative: else_id,
            });
            Ok(())
        }
        "asserts!" => {
            let [c, thrown] = args else {
                return Err(span_error(e, "asserts! takes two arguments"));
            };
            ctx.cost(C::Asserts, 0);
            ctx.emit(b, c, &TypeSignature::BoolType)?;
            ctx.flush(b);
            b.unop(UnaryOp::I32Eqz);
            let tt = ctx.throw_type(thrown);
            let fail = ctx.branch(b, None, |ctx, s| {
                ctx.emit(s, thrown, &tt)?;
                ctx.short_return(s, &tt, ShortReturnKind::AssertionFailed)
            })?;
            let pass = b.dangling_instr_seq(None).id();
            b.instr(IfElse {
                consequent: fail,
                alternative: pass,
            });
            b.i32_const(1);
            ctx.coerce(b, &TypeSignature::BoolType, want)
        }
        _ => Err(span_error(e, format!("unexpected control word {name}"))),
    }
}

/// A sequence of expressions whose last one is the value; the others are dropped.
pub fn emit_body(
    ctx: &mut Ctx,
    b: &mut Builder,
    body: &[SymbolicExpression],
    e: &SymbolicExpression,
    want: &TypeSignature,
) -> CResult<()> {
    let Some((last, init)) = body.split_last() else {
        return Err(span_error(e, "empty body"));
    };
    for x in init {
        let ty = ctx.type_of(x);
        ctx.emit(b, x, &ty)?;
        Ctx::drop_value(b, &ty);
    }
    ctx.emit(b, last, want)
}
