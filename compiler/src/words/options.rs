//! Optionals and responses: constructors, tests, `match`, the unwrapping family,
//! `try!` and `default-to`.

use std::collections::HashMap;

use clarity::vm::types::TypeSignature;
use clarity::vm::SymbolicExpression;
use walrus::ir::{IfElse, UnaryOp};
use walrus::LocalId;

use crate::abi::flat;
use clarity::vm::costs::cost_functions::ClarityCostFunction as C;

use crate::codegen::{push_zeros, span_error, Binding, Builder, CResult, Ctx};
use crate::host::{ErrorCode, ShortReturnKind};
use crate::meter::MemUse;

type T = TypeSignature;

/// The parts of an optional or response value held in locals.
struct Parts {
    tag: LocalId,
    ok_ty: T,
    ok: Vec<LocalId>,
    /// For a response: the err type and locals; for an optional: none.
    err: Option<(T, Vec<LocalId>)>,
    /// Memory accounted for the value (when it is a native function's argument).
    uses: Vec<MemUse>,
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
            uses: vec![],
        }),
        T::ResponseType(rt) => {
            let n = flat(&rt.0).len();
            Ok(Parts {
                tag: locals[0],
                ok_ty: rt.0.clone(),
                ok: locals[1..1 + n].to_vec(),
                err: Some((rt.1.clone(), locals[1 + n..].to_vec())),
                uses: vec![],
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
            let (inner, f) = match (&shape, name) {
                (T::OptionalType(inner), _) => ((**inner).clone(), C::SomeCons),
                (T::ResponseType(rt), "ok") => (rt.0.clone(), C::OkCons),
                (T::ResponseType(rt), _) => (rt.1.clone(), C::ErrCons),
                _ => return Err(span_error(e, format!("{name} cannot build a {shape}"))),
            };
            // A native: the argument's memory is accounted around the construction.
            let (values, uses) = ctx.native_args(b, std::slice::from_ref(x), &[inner])?;
            ctx.cost(f, 1);
            ctx.mem_release(b, &uses);
            match (&shape, name) {
                (T::OptionalType(_), _) => {
                    b.i32_const(1);
                    Ctx::push_locals(b, &values[0]);
                }
                (T::ResponseType(rt), "ok") => {
                    b.i32_const(1);
                    Ctx::push_locals(b, &values[0]);
                    push_zeros(b, &rt.1);
                }
                (T::ResponseType(rt), _) => {
                    b.i32_const(0);
                    push_zeros(b, &rt.0);
                    Ctx::push_locals(b, &values[0]);
                }
                _ => unreachable!(),
            }
            ctx.coerce(b, &shape, want)
        }
        "is-some" | "is-none" | "is-ok" | "is-err" => {
            let p = split_native(ctx, b, arg(0)?)?;
            ctx.cost(
                match name {
                    "is-some" => C::IsSome,
                    "is-none" => C::IsNone,
                    "is-ok" => C::IsOkay,
                    _ => C::IsErr,
                },
                1,
            );
            ctx.mem_release(b, &p.uses);
            b.local_get(p.tag);
            if name == "is-none" || name == "is-err" {
                b.unop(UnaryOp::I32Eqz);
            }
            ctx.coerce(b, &T::BoolType, want)
        }
        "unwrap-panic" | "unwrap-err-panic" | "unwrap!" | "unwrap-err!" => {
            let p = split_native(ctx, b, arg(0)?)?;
            let want_err = name.starts_with("unwrap-err");
            let mut uses = p.uses.clone();
            // `unwrap!` and `unwrap-err!` are plain functions in the interpreter: the thrown
            // value is evaluated whether or not it is thrown.
            let thrown = if name.ends_with('!') {
                let thrown = arg(1)?;
                let tt = ctx.throw_type(thrown);
                let (v, u) = ctx.native_args(b, std::slice::from_ref(thrown), &[tt.clone()])?;
                uses.extend(u);
                Some((v.into_iter().next().expect("one value"), tt))
            } else {
                None
            };
            ctx.cost(
                match name {
                    "unwrap-panic" => C::Unwrap,
                    "unwrap-err-panic" => C::UnwrapErr,
                    "unwrap!" => C::UnwrapRet,
                    _ => C::UnwrapErrOrRet,
                },
                args.len() as u64,
            );
            ctx.flush(b);
            // Fail when the tag is 0 (none / err) for unwrap, 1 (ok) for unwrap-err.
            b.local_get(p.tag);
            if !want_err {
                b.unop(UnaryOp::I32Eqz);
            }
            let fail = ctx.branch(b, None, |ctx, fail| {
                if let Some((locals, tt)) = &thrown {
                    Ctx::push_locals(fail, locals);
                    ctx.short_return(fail, tt, ShortReturnKind::ExpectedValue)
                } else {
                    let f = ctx.import("runtime-error");
                    fail.i32_const(ErrorCode::UnwrapFailure as i32)
                        .call(f)
                        .unreachable();
                    Ok(())
                }
            })?;
            let pass = b.dangling_instr_seq(None).id();
            b.instr(IfElse {
                consequent: fail,
                alternative: pass,
            });
            ctx.mem_release(b, &uses);
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
            let p = split_native(ctx, b, arg(0)?)?;
            ctx.cost(C::TryRet, 1);
            ctx.flush(b);
            b.local_get(p.tag).unop(UnaryOp::I32Eqz);
            // The thrown value: `none`, or `(err e)` with the input's error.
            let thrown_ty = match &p.err {
                None => T::OptionalType(Box::new(T::NoType)),
                Some((et, _)) => T::ResponseType(Box::new((T::NoType, et.clone()))),
            };
            let err = p.err.clone();
            let fail = ctx.branch(b, None, |ctx, fail| {
                fail.i32_const(0);
                if let Some((_, el)) = &err {
                    Ctx::push_locals(fail, el);
                }
                ctx.short_return(fail, &thrown_ty, ShortReturnKind::ExpectedValue)
            })?;
            let pass = b.dangling_instr_seq(None).id();
            b.instr(IfElse {
                consequent: fail,
                alternative: pass,
            });
            ctx.mem_release(b, &p.uses);
            ctx.push_as(b, &p.ok, &p.ok_ty, want);
            Ok(())
        }
        "default-to" => {
            // Both arguments are evaluated, the default first.
            let d = arg(0)?;
            let (dv, mut uses) = ctx.native_args(b, std::slice::from_ref(d), &[want.clone()])?;
            let dl = dv.into_iter().next().expect("one value");
            let p = split_native(ctx, b, arg(1)?)?;
            uses.extend(p.uses.iter().copied());
            ctx.cost(C::DefaultTo, 2);
            ctx.mem_release(b, &uses);
            ctx.flush(b);
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
            // A special form: the input is evaluated (no memory accounted), then `match`
            // is charged; the taken branch binds its value one context level deeper.
            let p = split(ctx, b, arg(0)?)?;
            ctx.cost(C::Match, 0);
            ctx.flush(b);
            let bt = ctx.block_type(want);
            b.local_get(p.tag);
            let (ok_name, ok_branch) = (arg(1)?, arg(2)?);
            let (ok_ty, ok_locals) = (p.ok_ty.clone(), p.ok.clone());
            let then_id = ctx.branch(b, bt, |ctx, s| {
                bind_and_emit(ctx, s, ok_name, &ok_ty, &ok_locals, ok_branch, want)
            })?;
            let else_id = match &p.err {
                None => {
                    let none_branch = arg(3)?;
                    ctx.branch(b, bt, |ctx, s| ctx.emit(s, none_branch, want))?
                }
                Some((et, el)) => {
                    let (err_name, err_branch) = (arg(3)?, arg(4)?);
                    ctx.branch(b, bt, |ctx, s| {
                        bind_and_emit(ctx, s, err_name, et, el, err_branch, want)
                    })?
                }
            };
            b.instr(IfElse {
                consequent: then_id,
                alternative: else_id,
            });
            Ok(())
        }
        _ => Err(span_error(e, format!("unexpected word {name}"))),
    }
}

/// `split` for a native function's argument: its memory accounted.
fn split_native(ctx: &mut Ctx, b: &mut Builder, input: &SymbolicExpression) -> CResult<Parts> {
    let mut p = split(ctx, b, input)?;
    let ty = ctx.type_of(input);
    let mut all = vec![p.tag];
    all.extend_from_slice(&p.ok);
    if let Some((_, el)) = &p.err {
        all.extend_from_slice(el);
    }
    p.uses = vec![ctx.mem_add_value(b, &ty, &all)];
    Ok(p)
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
    // `eval_with_new_binding`: a context one level deeper, the bound value's memory
    // accounted while the branch runs.
    ctx.meter_state.context_depth += 1;
    let uses = [ctx.mem_add_value(b, ty, locals)];
    ctx.push_scope(scope);
    let r = ctx.emit(b, body, want);
    ctx.pop_scope();
    ctx.meter_state.context_depth -= 1;
    ctx.mem_release(b, &uses);
    r
}
