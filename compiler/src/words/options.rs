//! Optionals and responses: constructors, tests, `match`, the unwrapping family,
//! `try!` and `default-to`.

use std::collections::HashMap;

use clarity::vm::types::TypeSignature;
use clarity::vm::SymbolicExpression;
use walrus::ir::{IfElse, UnaryOp};
use walrus::LocalId;

use crate::abi::flat;
use crate::codegen::{push_zeros, span_error, Binding, Builder, CResult, Ctx};
use crate::host::{ErrorCode, ShortReturnKind};

type T = TypeSignature;

/// The parts of an optional or response value held in locals.
struct Parts {
    tag: LocalId,
    ok_ty: T,
    ok: Vec<LocalId>,
    /// For a response: the err type and locals; for an optional: none.
    err: Option<(T, Vec<LocalId>)>,
}

fn split(ctx: &mut Ctx, b: &mut Builder, input: &SymbolicExpression) -> CResult<Parts> {
    let ty = ctx.type_of(input);
    ctx.emit(b, input, &ty)?;
    let locals = ctx.spill(b, &ty);
    match &ty {
        T::OptionalType(inner) => Ok(Parts {
            tag: locals[0],
            ok_ty: (**inner).clone(),
            ok: locals[1..].to_vec(),
            err: None,
        }),
        T::ResponseType(rt) => {
            let n = flat(&rt.0).len();
            Ok(Parts {
                tag: locals[0],
                ok_ty: rt.0.clone(),
                ok: locals[1..1 + n].to_vec(),
                err: Some((rt.1.clone(), locals[1 + n..].to_vec())),
            })
        }
        _ => Err(span_error(
            input,
            format!("expected an optional or a response, found {ty}"),
        )),
    }
}

pub fn emit(
    ctx: &mut Ctx,
    b: &mut Builder,
    name: &str,
    args: &[SymbolicExpression],
    e: &SymbolicExpression,
    want: &TypeSignature,
) -> CResult<()> {
    let arg = |i: usize| {
        args.get(i)
            .ok_or_else(|| span_error(e, format!("{name}: missing argument")))
    };
    match name {
        "some" | "ok" | "err" => {
            let x = arg(0)?;
            let natural = ctx.type_of(e);
            let shape = if matches!(
                (name, want),
                ("some", T::OptionalType(_)) | ("ok" | "err", T::ResponseType(_))
            ) {
                want.clone()
            } else {
                natural.clone()
            };
            match (&shape, name) {
                (T::OptionalType(inner), _) => {
                    b.i32_const(1);
                    ctx.emit(b, x, inner)?;
                }
                (T::ResponseType(rt), "ok") => {
                    b.i32_const(1);
                    ctx.emit(b, x, &rt.0)?;
                    push_zeros(b, &rt.1);
                }
                (T::ResponseType(rt), _) => {
                    b.i32_const(0);
                    push_zeros(b, &rt.0);
                    ctx.emit(b, x, &rt.1)?;
                }
                _ => return Err(span_error(e, format!("{name} cannot build a {shape}"))),
            }
            ctx.coerce(b, &shape, want)
        }
        "is-some" | "is-none" | "is-ok" | "is-err" => {
            let p = split(ctx, b, arg(0)?)?;
            b.local_get(p.tag);
            if name == "is-none" || name == "is-err" {
                b.unop(UnaryOp::I32Eqz);
            }
            ctx.coerce(b, &T::BoolType, want)
        }
        "unwrap-panic" | "unwrap-err-panic" | "unwrap!" | "unwrap-err!" => {
            let p = split(ctx, b, arg(0)?)?;
            let want_err = name.starts_with("unwrap-err");
            // `unwrap!` and `unwrap-err!` are plain functions in the interpreter: the thrown
            // value is evaluated whether or not it is thrown.
            let thrown = if name.ends_with('!') {
                let thrown = arg(1)?;
                let tt = ctx.throw_type(thrown);
                ctx.emit(b, thrown, &tt)?;
                Some((ctx.spill(b, &tt), tt))
            } else {
                None
            };
            // Fail when the tag is 0 (none / err) for unwrap, 1 (ok) for unwrap-err.
            b.local_get(p.tag);
            if !want_err {
                b.unop(UnaryOp::I32Eqz);
            }
            let mut fail = b.dangling_instr_seq(None);
            if let Some((locals, tt)) = thrown {
                Ctx::push_locals(&mut fail, &locals);
                ctx.short_return(&mut fail, &tt, ShortReturnKind::ExpectedValue)?;
            } else {
                let f = ctx.import("runtime-error");
                fail.i32_const(ErrorCode::UnwrapFailure as i32)
                    .call(f)
                    .unreachable();
            }
            let fail = fail.id();
            let pass = b.dangling_instr_seq(None).id();
            b.instr(IfElse {
                consequent: fail,
                alternative: pass,
            });
            let (ty, locals) = if want_err {
                p.err
                    .clone()
                    .ok_or_else(|| span_error(e, format!("{name} needs a response")))?
            } else {
                (p.ok_ty.clone(), p.ok.clone())
            };
            ctx.push_as(b, &locals, &ty, want);
            Ok(())
        }
        "try!" => {
            let p = split(ctx, b, arg(0)?)?;
            b.local_get(p.tag).unop(UnaryOp::I32Eqz);
            let mut fail = b.dangling_instr_seq(None);
            // The thrown value: `none`, or `(err e)` with the input's error.
            let thrown_ty = match &p.err {
                None => T::OptionalType(Box::new(T::NoType)),
                Some((et, _)) => T::ResponseType(Box::new((T::NoType, et.clone()))),
            };
            fail.i32_const(0);
            if let Some((_, el)) = &p.err {
                Ctx::push_locals(&mut fail, el);
            }
            ctx.short_return(&mut fail, &thrown_ty, ShortReturnKind::ExpectedValue)?;
            let fail = fail.id();
            let pass = b.dangling_instr_seq(None).id();
            b.instr(IfElse {
                consequent: fail,
                alternative: pass,
            });
            ctx.push_as(b, &p.ok, &p.ok_ty, want);
            Ok(())
        }
        "default-to" => {
            // Both arguments are evaluated, the default first.
            let d = arg(0)?;
            ctx.emit(b, d, want)?;
            let dl = ctx.spill(b, want);
            let p = split(ctx, b, arg(1)?)?;
            b.local_get(p.tag);
            let bt = ctx.block_type(want);
            let mut some = b.dangling_instr_seq(bt);
            ctx.push_as(&mut some, &p.ok, &p.ok_ty, want);
            let some = some.id();
            let mut none = b.dangling_instr_seq(bt);
            Ctx::push_locals(&mut none, &dl);
            let none = none.id();
            b.instr(IfElse {
                consequent: some,
                alternative: none,
            });
            Ok(())
        }
        "match" => {
            let p = split(ctx, b, arg(0)?)?;
            let bt = ctx.block_type(want);
            b.local_get(p.tag);
            let (ok_name, ok_branch) = (arg(1)?, arg(2)?);
            let mut then_b = b.dangling_instr_seq(bt);
            bind_and_emit(ctx, &mut then_b, ok_name, &p.ok_ty, &p.ok, ok_branch, want)?;
            let then_id = then_b.id();
            let mut else_b = b.dangling_instr_seq(bt);
            match &p.err {
                None => ctx.emit(&mut else_b, arg(3)?, want)?,
                Some((et, el)) => bind_and_emit(ctx, &mut else_b, arg(3)?, et, el, arg(4)?, want)?,
            }
            let else_id = else_b.id();
            b.instr(IfElse {
                consequent: then_id,
                alternative: else_id,
            });
            Ok(())
        }
        _ => Err(span_error(e, format!("unexpected word {name}"))),
    }
}

fn bind_and_emit(
    ctx: &mut Ctx,
    b: &mut Builder,
    name: &SymbolicExpression,
    ty: &T,
    locals: &[LocalId],
    body: &SymbolicExpression,
    want: &T,
) -> CResult<()> {
    let n = name
        .match_atom()
        .ok_or_else(|| span_error(name, "expected a name"))?;
    let mut scope = HashMap::new();
    scope.insert(
        n.to_string(),
        Binding {
            ty: ty.clone(),
            locals: locals.to_vec(),
        },
    );
    ctx.push_scope(scope);
    let r = ctx.emit(b, body, want);
    ctx.pop_scope();
    r
}
