//! `tuple` (and `{...}`), `get`, `merge`. Fields are evaluated in source order and laid out
//! in name order (the type's order).

use std::collections::HashMap;

use clarity::vm::costs::cost_functions::ClarityCostFunction;
use clarity::vm::types::TypeSignature;
use clarity::vm::SymbolicExpression;
use walrus::LocalId;

use crate::abi::flat;
use crate::codegen::{span_error, Builder, CResult, Ctx};

type T = TypeSignature;

pub fn emit(
    ctx: &mut Ctx,
    b: &mut Builder,
    name: &str,
    args: &[SymbolicExpression],
    e: &SymbolicExpression,
    want: &TypeSignature,
) -> CResult<()> {
    match name {
        "tuple" => {
            let shape = match want {
                T::TupleType(_) => want.clone(),
                _ => ctx.type_of(e),
            };
            let T::TupleType(tt) = &shape else {
                return Err(span_error(e, "tuple without a tuple type"));
            };
            let mut fields: HashMap<String, Vec<LocalId>> = HashMap::new();
            for pair in args {
                let l = pair
                    .match_list()
                    .ok_or_else(|| span_error(pair, "bad tuple field"))?;
                let [n, v] = l else {
                    return Err(span_error(pair, "bad tuple field"));
                };
                let fname = n
                    .match_atom()
                    .ok_or_else(|| span_error(n, "bad field name"))?;
                let fty = tt
                    .field_type(fname)
                    .ok_or_else(|| span_error(n, format!("no field {fname}")))?
                    .clone();
                ctx.emit(b, v, &fty)?;
                fields.insert(fname.to_string(), ctx.spill(b, &fty));
            }
            // A special form: fields evaluated in source order, then charged for their
            // number.
            ctx.cost(ClarityCostFunction::TupleCons, args.len() as u64);
            let mut all = vec![];
            for n in tt.get_type_map().keys() {
                all.extend_from_slice(&fields[n.as_str()]);
            }
            ctx.push_content_rtype(b, &shape, &all, None);
            Ctx::push_locals(b, &all);
            ctx.coerce(b, &shape, want)
        }
        "get" => {
            let [n, t] = args else {
                return Err(span_error(e, "get takes two arguments"));
            };
            let fname = n
                .match_atom()
                .ok_or_else(|| span_error(n, "bad field name"))?;
            let tty = ctx.type_of(t);
            ctx.emit(b, t, &tty)?;
            let locals = ctx.spill(b, &tty);
            if let T::OptionalType(inner) = &tty {
                // `get` on an optional tuple is an optional of the field; `none` passes
                // through without a charge.
                if let T::TupleType(it) = &**inner {
                    ctx.flush(b);
                    let n = it.get_type_map().len() as u64;
                    b.local_get(locals[0]);
                    let some = ctx.branch(b, None, |ctx, _| {
                        ctx.cost(ClarityCostFunction::TupleGet, n);
                        Ok(())
                    })?;
                    let none = b.dangling_instr_seq(None).id();
                    b.instr(walrus::ir::IfElse {
                        consequent: some,
                        alternative: none,
                    });
                }
                let (fty, flocals) = match &**inner {
                    T::NoType => (T::NoType, vec![]),
                    _ => field_locals(inner, &locals[1..], fname)
                        .ok_or_else(|| span_error(n, format!("no field {fname}")))?,
                };
                b.local_get(locals[0]);
                ctx.push_as(b, &flocals, &fty, &fty);
                return ctx.coerce(b, &T::OptionalType(Box::new(fty)), want);
            }
            if let T::TupleType(it) = &tty {
                ctx.cost(
                    ClarityCostFunction::TupleGet,
                    it.get_type_map().len() as u64,
                );
            }
            let (fty, flocals) = field_locals(&tty, &locals, fname)
                .ok_or_else(|| span_error(n, format!("no field {fname}")))?;
            ctx.push_as(b, &flocals, &fty, want);
            Ok(())
        }
        "merge" => {
            let [a, c] = args else {
                return Err(span_error(e, "merge takes two arguments"));
            };
            let (aty, cty) = (ctx.type_of(a), ctx.type_of(c));
            // A native: both evaluated (memory accounted), then charged for the sum of
            // their serialized sizes.
            let (values, uses) = ctx.native_args(b, args, &[aty.clone(), cty.clone()])?;
            let (al, cl) = (values[0].clone(), values[1].clone());
            ctx.cost_of_serialized_sizes_typed(
                b,
                ClarityCostFunction::TupleMerge,
                &[(aty.clone(), al.clone()), (cty.clone(), cl.clone())],
            );
            ctx.mem_release(b, &uses);
            let T::TupleType(wt) = want else {
                return Err(span_error(e, "merge without a tuple type"));
            };
            // The result's own type: the first's with the second's fields over it.
            let f = ctx.import("rtype-merge");
            b.local_get(al[0]).local_get(cl[0]).call(f);
            for (fname, fwant) in wt.get_type_map() {
                let (fty, fl) = field_locals(&cty, &cl, fname)
                    .or_else(|| field_locals(&aty, &al, fname))
                    .ok_or_else(|| span_error(e, format!("no field {fname}")))?;
                ctx.push_as(b, &fl, &fty, fwant);
            }
            Ok(())
        }
        _ => Err(span_error(e, format!("unexpected word {name}"))),
    }
}

/// The type and locals of field `name` within a tuple value held in `locals`.
fn field_locals(ty: &T, locals: &[LocalId], name: &str) -> Option<(T, Vec<LocalId>)> {
    let T::TupleType(tt) = ty else { return None };
    let mut i = crate::abi::RTYPE_PARTS;
    for (n, fty) in tt.get_type_map() {
        let k = flat(fty).len();
        if n.as_str() == name {
            return Some((fty.clone(), locals[i..i + k].to_vec()));
        }
        i += k;
    }
    None
}
