//! `let`, `begin`, `if`, `asserts!`.

use std::collections::HashMap;

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
        "begin" => emit_body(ctx, b, args, e, want),
        "let" => {
            let (bindings, body) = args
                .split_first()
                .ok_or_else(|| span_error(e, "let needs bindings"))?;
            let pairs = bindings
                .match_list()
                .ok_or_else(|| span_error(bindings, "bad let bindings"))?;
            // Each binding sees the ones before it (Clarity 2 and 1 alike evaluate in order
            // in a scope that grows).
            let mut pushed = 0;
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
            result
        }
        "if" => {
            let [c, t, f] = args else {
                return Err(span_error(e, "if takes three arguments"));
            };
            ctx.emit(b, c, &TypeSignature::BoolType)?;
            let ty = ctx.block_type(want);
            let mut then_b = b.dangling_instr_seq(ty);
            ctx.emit(&mut then_b, t, want)?;
            let then_id = then_b.id();
            let mut else_b = b.dangling_instr_seq(ty);
            ctx.emit(&mut else_b, f, want)?;
            let else_id = else_b.id();
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
            ctx.emit(b, c, &TypeSignature::BoolType)?;
            b.unop(UnaryOp::I32Eqz);
            let mut fail = b.dangling_instr_seq(None);
            let tt = ctx.throw_type(thrown);
            ctx.emit(&mut fail, thrown, &tt)?;
            ctx.short_return(&mut fail, &tt, ShortReturnKind::AssertionFailed)?;
            let fail = fail.id();
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
