//! `map`, `fold`, `filter`: loops over sequences that apply a function (a user function or
//! a native) to each element.
//!
//! The application is emitted as a synthetic expression `(f x y ...)` whose arguments are
//! fresh names bound to the element locals, so it goes through the ordinary dispatch (user
//! calls, nested transactions for public functions, natives). As in the interpreter, the
//! sequences (then fold's initial value) are evaluated first; map stops at the shortest
//! sequence; string and buffer elements are sequences of length one.

use std::collections::HashMap;

use clarity::vm::representations::SymbolicExpressionType;
use clarity::vm::types::{
    BufferLength, SequenceSubtype, StringSubtype, StringUTF8Length, TypeSignature,
};
use clarity::vm::{ClarityName, SymbolicExpression};
use walrus::ir::{BinaryOp, Block, Loop};
use walrus::{LocalId, ValType};

use crate::abi;
use crate::codegen::{span_error, Binding, Builder, CResult, Ctx};

type T = TypeSignature;

/// A sequence argument held in locals: where its elements are and how to read one.
struct Seq {
    /// A list's rtype (`None` for strings and buffers).
    rtype: Option<LocalId>,
    offset: LocalId,
    bytes: LocalId,
    elem_ty: T,
    /// Bytes per element in memory (0: a list of no type, always empty).
    stride: u32,
    /// Elements are themselves sequences of one (strings, buffers): (address, stride).
    is_string: bool,
}

fn element_type(seq: &SequenceSubtype) -> T {
    match seq {
        SequenceSubtype::ListType(l) => l.get_list_item_type().clone(),
        SequenceSubtype::BufferType(_) => T::SequenceType(SequenceSubtype::BufferType(
            BufferLength::try_from(1u32).expect("1"),
        )),
        SequenceSubtype::StringType(StringSubtype::ASCII(_)) => {
            T::SequenceType(SequenceSubtype::StringType(StringSubtype::ASCII(
                BufferLength::try_from(1u32).expect("1"),
            )))
        }
        SequenceSubtype::StringType(StringSubtype::UTF8(_)) => {
            T::SequenceType(SequenceSubtype::StringType(StringSubtype::UTF8(
                StringUTF8Length::try_from(1u32).expect("1"),
            )))
        }
    }
}

fn eval_seq(ctx: &mut Ctx, b: &mut Builder, arg: &SymbolicExpression) -> CResult<Seq> {
    let ty = ctx.type_of(arg);
    let T::SequenceType(st) = &ty else {
        return Err(span_error(arg, format!("expected a sequence, found {ty}")));
    };
    ctx.emit(b, arg, &ty)?;
    let locals = ctx.spill(b, &ty);
    let is_list = matches!(st, SequenceSubtype::ListType(_));
    let (rtype, locals) = if is_list {
        (Some(locals[0]), &locals[1..])
    } else {
        (None, &locals[..])
    };
    Ok(Seq {
        rtype,
        offset: locals[0],
        bytes: locals[1],
        elem_ty: element_type(st),
        stride: abi::element_size(st),
        is_string: !matches!(st, SequenceSubtype::ListType(_)),
    })
}

/// Push element `i` (a local) of `s`.
fn push_element(ctx: &mut Ctx, b: &mut Builder, s: &Seq, i: LocalId) {
    let addr = ctx.module.locals.add(ValType::I32);
    b.local_get(s.offset)
        .local_get(i)
        .i32_const(s.stride as i32)
        .binop(BinaryOp::I32Mul)
        .binop(BinaryOp::I32Add)
        .local_set(addr);
    if s.is_string {
        b.local_get(addr).i32_const(s.stride as i32);
    } else {
        ctx.load(b, &s.elem_ty, addr, 0);
    }
}

/// Number of elements of `s`, pushed.
fn push_count(b: &mut Builder, s: &Seq) {
    if s.stride == 0 {
        b.i32_const(0);
    } else {
        b.local_get(s.bytes)
            .i32_const(s.stride as i32)
            .binop(BinaryOp::I32DivU);
    }
}

/// When the `i32` on top of the stack is not zero: copy element `i` of `s` to element `n`
/// of the array at `dest` (elements as wide as `s`'s), and count it in `n`.
fn append_if(ctx: &Ctx, b: &mut Builder, s: &Seq, i: LocalId, dest: LocalId, n: LocalId) {
    let (memory, stride) = (ctx.memory, s.stride as i32);
    b.if_else(
        None,
        |t| {
            t.local_get(dest)
                .local_get(n)
                .i32_const(stride)
                .binop(BinaryOp::I32Mul)
                .binop(BinaryOp::I32Add);
            t.local_get(s.offset)
                .local_get(i)
                .i32_const(stride)
                .binop(BinaryOp::I32Mul)
                .binop(BinaryOp::I32Add);
            t.i32_const(stride).memory_copy(memory, memory);
            t.local_get(n)
                .i32_const(1)
                .binop(BinaryOp::I32Add)
                .local_set(n);
        },
        |_| {},
    );
}

/// A synthetic `(f a0 a1 ...)` over values held in locals, typed `result`.
fn application(
    ctx: &mut Ctx,
    f: &SymbolicExpression,
    values: Vec<(T, Vec<LocalId>)>,
    result: &T,
) -> CResult<(SymbolicExpression, HashMap<String, Binding>)> {
    let mut items = vec![f.clone()];
    let mut scope = HashMap::new();
    for (ty, locals) in values {
        let name = ctx.fresh_name();
        let cname =
            ClarityName::try_from(name.clone()).map_err(|_| span_error(f, "internal name"))?;
        let mut atom = SymbolicExpression::atom(cname);
        atom.id = ctx.synthetic(&ty);
        atom.span = f.span.clone();
        items.push(atom);
        scope.insert(name, Binding { ty, locals });
    }
    let mut call = SymbolicExpression::list(items.into_boxed_slice());
    call.id = ctx.synthetic(result);
    call.span = f.span.clone();
    Ok((call, scope))
}

/// `for i in 0..count { body }` with `i` in a local; charges pending before the loop are
/// made before it, and each iteration makes its own.
fn counted_loop(
    ctx: &mut Ctx,
    b: &mut Builder,
    i: LocalId,
    count: LocalId,
    body: impl FnOnce(&mut Ctx, &mut Builder) -> CResult<()>,
) -> CResult<()> {
    ctx.flush(b);
    b.i32_const(0).local_set(i);
    let mut outer = b.dangling_instr_seq(None);
    let outer_id = outer.id();
    let mut lp = outer.dangling_instr_seq(None);
    let lp_id = lp.id();
    lp.local_get(i)
        .local_get(count)
        .binop(BinaryOp::I32GeU)
        .br_if(outer_id);
    body(ctx, &mut lp)?;
    ctx.flush(&mut lp);
    lp.local_get(i)
        .i32_const(1)
        .binop(BinaryOp::I32Add)
        .local_set(i)
        .br(lp_id);
    outer.instr(Loop { seq: lp_id });
    b.instr(Block { seq: outer_id });
    Ok(())
}

/// `count = min(count, c)`.
fn min_into(b: &mut Builder, count: LocalId, c: LocalId) {
    b.local_get(c)
        .local_get(count)
        .local_get(c)
        .local_get(count)
        .binop(BinaryOp::I32LtU)
        .select(Some(ValType::I32))
        .local_set(count);
}

/// `map`'s loop: `count` rows, each the arguments `row` reads for index `i`, applied to `f`;
/// the results stored from `base` (allocated here).
fn map_rows(
    ctx: &mut Ctx,
    b: &mut Builder,
    f: &SymbolicExpression,
    item: &T,
    count: LocalId,
    base: LocalId,
    mut row: impl FnMut(&mut Ctx, &mut Builder, LocalId) -> Vec<(T, Vec<LocalId>)>,
) -> CResult<()> {
    let size = abi::size(item);
    b.local_get(count)
        .i32_const(size as i32)
        .binop(BinaryOp::I32Mul)
        .call(ctx.alloc)
        .local_set(base);
    let i = ctx.module.locals.add(ValType::I32);
    counted_loop(ctx, b, i, count, |ctx, lp| {
        let values = row(ctx, lp, i);
        let (call, scope) = application(ctx, f, values, item)?;
        ctx.push_scope(scope);
        let r = ctx.emit(lp, &call, item);
        ctx.pop_scope();
        r?;
        let at = ctx.module.locals.add(ValType::I32);
        lp.local_get(base)
            .local_get(i)
            .i32_const(size as i32)
            .binop(BinaryOp::I32Mul)
            .binop(BinaryOp::I32Add)
            .local_set(at);
        ctx.store(lp, item, at, 0);
        Ok(())
    })
}

/// How `apply` treats the function a `map` over several sequences applies.
enum Applied {
    /// A native taking any number of arguments of one type.
    Variadic,
    /// A special form of fixed arity: `check_argument_count` before anything else.
    Special(usize),
    /// A native function of fixed arity: its arguments' memory and its cost (for the
    /// number of arguments) before `check_argument_count`.
    Native(
        usize,
        clarity::vm::costs::cost_functions::ClarityCostFunction,
    ),
    /// A user function: its arguments' memory and `execute_apply`'s charges for its
    /// declared argument types before the count is checked.
    User(Vec<T>),
}

fn applied(ctx: &Ctx, f: &SymbolicExpression) -> CResult<Applied> {
    use clarity::vm::costs::cost_functions::ClarityCostFunction as C;
    let name = f.match_atom().map(|n| n.as_str()).unwrap_or_default();
    if let Some(u) = ctx.functions.get(name) {
        return Ok(Applied::User(u.declared.clone()));
    }
    Ok(match name {
        "+" | "-" | "*" | "/" | "bit-and" | "bit-or" | "bit-xor" | "and" | "or" => {
            Applied::Variadic
        }
        "<" | "<=" | ">" | ">=" | "stx-burn?" => Applied::Special(2),
        "mod" => Applied::Native(2, C::Mod),
        "pow" => Applied::Native(2, C::Pow),
        "xor" => Applied::Native(2, C::Xor),
        "bit-shift-left" => Applied::Native(2, C::BitwiseLShift),
        "bit-shift-right" => Applied::Native(2, C::BitwiseRShift),
        _ => {
            return Err(span_error(
                f,
                format!("{name} cannot be mapped over several sequences"),
            ))
        }
    })
}

/// `map` over several sequences when one of them is empty, as clarity-vm 2.1.1's
/// `special_map` does it: it gathers the i-th elements of the sequences into rows while
/// `i` is at most the shortest length seen so far, then applies the function to rows as
/// long as they are as long as the first one. With an empty sequence, the first row holds
/// the first element of each of the `m` non-empty sequences, and the later rows are as
/// long only when every empty sequence comes after every non-empty one. So the result is
/// the function applied to the `m` non-empty sequences, over their shortest length in
/// that case and over one row otherwise (none when `m` is 0). Only a native taking any
/// number of arguments survives `m` arguments; anything else fails on the first row with
/// `IncorrectArgumentCount`, after the charges its `apply` makes first.
#[allow(clippy::too_many_arguments)]
fn map_with_an_empty_sequence(
    ctx: &mut Ctx,
    b: &mut Builder,
    f: &SymbolicExpression,
    seqs: &[Seq],
    counts: &[LocalId],
    item: &T,
    count: LocalId,
    base: LocalId,
) -> CResult<()> {
    // Sequences of no type are always empty.
    let live: Vec<usize> = (0..seqs.len()).filter(|k| seqs[*k].stride > 0).collect();
    let m = ctx.module.locals.add(ValType::I32);
    b.i32_const(0).local_set(m);
    for k in &live {
        b.local_get(m)
            .local_get(counts[*k])
            .i32_const(0)
            .binop(BinaryOp::I32Ne)
            .binop(BinaryOp::I32Add)
            .local_set(m);
    }
    b.i32_const(0).local_set(count).i32_const(0).local_set(base);
    let kind = applied(ctx, f)?;
    if let Applied::Variadic = kind {
        let Some(first) = live.first() else {
            return Ok(());
        };
        let (elem_ty, stride) = (seqs[*first].elem_ty.clone(), seqs[*first].stride);
        // Rows: the shortest non-empty length when the empty sequences come last, else 1.
        let (shortest, after_empty) = (
            ctx.module.locals.add(ValType::I32),
            ctx.module.locals.add(ValType::I32),
        );
        b.i32_const(-1)
            .local_set(shortest)
            .i32_const(0)
            .local_set(after_empty);
        let seen_empty = ctx.module.locals.add(ValType::I32);
        b.i32_const(0).local_set(seen_empty);
        for &c in counts {
            // A non-empty sequence after an empty one: one row only.
            b.local_get(after_empty)
                .local_get(seen_empty)
                .local_get(c)
                .i32_const(0)
                .binop(BinaryOp::I32Ne)
                .binop(BinaryOp::I32And)
                .binop(BinaryOp::I32Or)
                .local_set(after_empty);
            b.local_get(seen_empty)
                .local_get(c)
                .unop(walrus::ir::UnaryOp::I32Eqz)
                .binop(BinaryOp::I32Or)
                .local_set(seen_empty);
            // Empty ones count as the largest length.
            let nz = ctx.module.locals.add(ValType::I32);
            b.local_get(c)
                .i32_const(-1)
                .local_get(c)
                .select(Some(ValType::I32))
                .local_set(nz);
            min_into(b, shortest, nz);
        }
        b.i32_const(1)
            .local_get(shortest)
            .local_get(after_empty)
            .select(Some(ValType::I32))
            .i32_const(0)
            .local_get(m)
            .select(Some(ValType::I32))
            .local_set(count);
        let scratch = ctx.module.locals.add(ValType::I32);
        b.i32_const((stride as usize * seqs.len()) as i32)
            .call(ctx.alloc)
            .local_set(scratch);
        // A sequence of no type is empty, so at most this many are not.
        for mv in 1..=live.len().min(seqs.len() - 1) {
            ctx.flush(b);
            b.local_get(m).i32_const(mv as i32).binop(BinaryOp::I32Eq);
            let rows = ctx.branch(b, None, |ctx, q| {
                map_rows(ctx, q, f, item, count, base, |ctx, lp, i| {
                    // Row i: element i of each non-empty sequence, in order.
                    let pos = ctx.module.locals.add(ValType::I32);
                    lp.i32_const(0).local_set(pos);
                    for k in &live {
                        lp.local_get(counts[*k]);
                        append_if(ctx, lp, &seqs[*k], i, scratch, pos);
                    }
                    (0..mv)
                        .map(|p| {
                            let at = ctx.module.locals.add(ValType::I32);
                            lp.local_get(scratch)
                                .i32_const((p * stride as usize) as i32)
                                .binop(BinaryOp::I32Add)
                                .local_set(at);
                            ctx.load(lp, &elem_ty, at, 0);
                            (elem_ty.clone(), ctx.spill(lp, &elem_ty))
                        })
                        .collect()
                })
            })?;
            let none = b.dangling_instr_seq(None).id();
            b.instr(walrus::ir::IfElse {
                consequent: rows,
                alternative: none,
            });
        }
        return Ok(());
    }
    // Anything else fails on the first row (when there is one).
    ctx.flush(b);
    b.local_get(m);
    let fail = ctx.branch(b, None, |ctx, q| {
        let arity = match &kind {
            Applied::Special(n) | Applied::Native(n, _) => *n,
            Applied::User(declared) => declared.len(),
            Applied::Variadic => unreachable!("handled above"),
        };
        ctx.depth_check(q);
        if !matches!(kind, Applied::Special(_)) {
            // `apply` accounts each argument's memory in turn.
            for k in &live {
                let s = &seqs[*k];
                ctx.flush(q);
                q.local_get(counts[*k]);
                let size = ctx.branch(q, ValType::I64, |ctx, y| {
                    let zero = ctx.module.locals.add(ValType::I32);
                    y.i32_const(0).local_set(zero);
                    push_element(ctx, y, s, zero);
                    let v = ctx.spill(y, &s.elem_ty);
                    ctx.push_size(y, &s.elem_ty, &v);
                    Ok(())
                })?;
                let nothing = ctx.branch(q, ValType::I64, |_, y| {
                    y.i64_const(0);
                    Ok(())
                })?;
                q.instr(walrus::ir::IfElse {
                    consequent: size,
                    alternative: nothing,
                });
                ctx.mem_add_dyn(q);
            }
        }
        match &kind {
            Applied::Native(_, cost) => {
                q.local_get(m).unop(walrus::ir::UnaryOp::I64ExtendUI32);
                ctx.cost_dyn(q, *cost);
            }
            Applied::User(declared) => ctx.charge_application(declared),
            _ => {}
        }
        ctx.flush(q);
        q.i32_const(arity as i32).local_get(m);
        ctx.call_host(q, "argument-count");
        q.unreachable();
        Ok(())
    })?;
    let none = b.dangling_instr_seq(None).id();
    b.instr(walrus::ir::IfElse {
        consequent: fail,
        alternative: none,
    });
    Ok(())
}

pub fn emit(
    ctx: &mut Ctx,
    b: &mut Builder,
    name: &str,
    args: &[SymbolicExpression],
    e: &SymbolicExpression,
    want: &T,
) -> CResult<()> {
    let f = args
        .first()
        .ok_or_else(|| span_error(e, format!("{name} needs a function")))?;
    if !matches!(f.expr, SymbolicExpressionType::Atom(_)) {
        return Err(span_error(f, "expected a function name"));
    }
    let result_ty = ctx.type_of(e);
    let i = ctx.module.locals.add(ValType::I32);
    let count = ctx.module.locals.add(ValType::I32);
    use clarity::vm::costs::cost_functions::ClarityCostFunction as C;
    // Special forms: each charges its own cost and the lookup of the function, in its
    // own order around the evaluation of its arguments (`special_map` and friends).
    match name {
        "map" => {
            ctx.cost(C::Map, args.len() as u64);
            ctx.cost(C::LookupFunction, 0);
            let mut seqs = vec![];
            for a in &args[1..] {
                seqs.push(eval_seq(ctx, b, a)?);
            }
            let T::SequenceType(SequenceSubtype::ListType(lt)) = &result_ty else {
                return Err(span_error(e, "map without a list type"));
            };
            let item = lt.get_list_item_type().clone();
            let base = ctx.module.locals.add(ValType::I32);
            let counts: Vec<LocalId> = seqs
                .iter()
                .map(|s| {
                    let c = ctx.module.locals.add(ValType::I32);
                    push_count(b, s);
                    b.local_set(c);
                    c
                })
                .collect();
            // The shortest sequence bounds the loop.
            b.local_get(counts[0]).local_set(count);
            for c in &counts[1..] {
                min_into(b, count, *c);
            }
            let normal = |ctx: &mut Ctx, b: &mut Builder| {
                map_rows(ctx, b, f, &item, count, base, |ctx, lp, i| {
                    let mut values = vec![];
                    for s in &seqs {
                        push_element(ctx, lp, s, i);
                        values.push((s.elem_ty.clone(), ctx.spill(lp, &s.elem_ty)));
                    }
                    values
                })
            };
            if seqs.len() == 1 {
                normal(ctx, b)?;
            } else {
                // clarity-vm 2.1.1 does not stop at an empty sequence when there are
                // several: see `map_with_an_empty_sequence`.
                ctx.flush(b);
                b.local_get(count);
                let some = ctx.branch(b, None, normal)?;
                let quirk = ctx.branch(b, None, |ctx, q| {
                    map_with_an_empty_sequence(ctx, q, f, &seqs, &counts, &item, count, base)
                })?;
                b.instr(walrus::ir::IfElse {
                    consequent: some,
                    alternative: quirk,
                });
            }
            let size = abi::size(&item);
            let bytes = ctx.module.locals.add(ValType::I32);
            b.local_get(count)
                .i32_const(size as i32)
                .binop(BinaryOp::I32Mul)
                .local_set(bytes);
            // `map` builds its result with `list_from`: its type comes from the elements.
            ctx.push_content_rtype(b, &result_ty, &[base, bytes], None);
            b.local_get(base).local_get(bytes);
            ctx.coerce(b, &result_ty, want)
        }
        "fold" => {
            let [_, seq_arg, init] = args else {
                return Err(span_error(e, "fold takes three arguments"));
            };
            ctx.cost(C::Fold, 0);
            ctx.cost(C::LookupFunction, 0);
            let s = eval_seq(ctx, b, seq_arg)?;
            ctx.emit(b, init, &result_ty)?;
            let acc = ctx.spill(b, &result_ty);
            push_count(b, &s);
            b.local_set(count);
            counted_loop(ctx, b, i, count, |ctx, lp| {
                push_element(ctx, lp, &s, i);
                let x = ctx.spill(lp, &s.elem_ty);
                let (call, scope) = application(
                    ctx,
                    f,
                    vec![(s.elem_ty.clone(), x), (result_ty.clone(), acc.clone())],
                    &result_ty,
                )?;
                ctx.push_scope(scope);
                let r = ctx.emit(lp, &call, &result_ty);
                ctx.pop_scope();
                r?;
                for l in acc.iter().rev() {
                    lp.local_set(*l);
                }
                Ok(())
            })?;
            Ctx::push_locals(b, &acc);
            ctx.coerce(b, &result_ty, want)
        }
        "filter" => {
            let [_, seq_arg] = args else {
                return Err(span_error(e, "filter takes two arguments"));
            };
            ctx.cost(C::Filter, 0);
            let s = eval_seq(ctx, b, seq_arg)?;
            ctx.cost(C::LookupFunction, 0);
            push_count(b, &s);
            b.local_set(count);
            let base = ctx.module.locals.add(ValType::I32);
            let kept = ctx.module.locals.add(ValType::I32);
            b.local_get(s.bytes).call(ctx.alloc).local_set(base);
            b.i32_const(0).local_set(kept);
            let seq_ty = ctx.type_of(seq_arg);
            counted_loop(ctx, b, i, count, |ctx, lp| {
                push_element(ctx, lp, &s, i);
                let x = ctx.spill(lp, &s.elem_ty);
                let (call, scope) =
                    application(ctx, f, vec![(s.elem_ty.clone(), x)], &T::BoolType)?;
                ctx.push_scope(scope);
                let r = ctx.emit(lp, &call, &T::BoolType);
                ctx.pop_scope();
                r?;
                ctx.flush(lp);
                // Kept: its bytes go to the end of the result.
                append_if(ctx, lp, &s, i, base, kept);
                Ok(())
            })?;
            // `filter` keeps the input's own type (it only drops elements).
            if let Some(r) = s.rtype {
                b.local_get(r);
            }
            b.local_get(base)
                .local_get(kept)
                .i32_const(s.stride as i32)
                .binop(BinaryOp::I32Mul);
            ctx.coerce(b, &seq_ty, want)
        }
        _ => Err(span_error(e, format!("unexpected word {name}"))),
    }
}
