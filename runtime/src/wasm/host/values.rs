//! Whole values: equality, `print`, representation conversion, byte-wise ordering, and
//! the errors Wasm raises (unwrap failures, short returns at top level).

use clarinet_wasm_compiler::host::{ErrorCode, ShortReturnKind};
use clarity::vm::errors::{CheckErrors, RuntimeErrorType, ShortReturnType};
use wasmtime::{Caller, Linker};

use super::{check, env, raise, read, type_of, write, HostResult};
use crate::wasm::{internal, rtypes, values, HostState};
use clarity::vm::types::signatures::CallableSubtype;
use clarity::vm::types::{SequenceSubtype, TupleData, TypeSignature};

const M: &str = clarinet_wasm_compiler::host::MODULE;

pub fn define(l: &mut Linker<HostState>) -> wasmtime::Result<()> {
    l.func_wrap(
        M,
        "eq-values",
        |c: Caller<'_, HostState>, ty: i32, a: i32, b: i32| -> HostResult<i32> {
            let ty = type_of(&c, ty)?;
            Ok((read(&c, &ty, a)? == read(&c, &ty, b)?) as i32)
        },
    )?;
    l.func_wrap(
        M,
        "print",
        |c: Caller<'_, HostState>, ty: i32, at: i32| -> HostResult<()> {
            let ty = type_of(&c, ty)?;
            let v = read(&c, &ty, at)?;
            // `Print` was charged in Wasm.
            let e = env(&c)?;
            check(e.register_print_event(v))
        },
    )?;
    l.func_wrap(
        M,
        "convert",
        |mut c: Caller<'_, HostState>, from: i32, to: i32, src: i32, dest: i32| -> HostResult<()> {
            let (from, to) = (type_of(&c, from)?, type_of(&c, to)?);
            let v = read(&c, &from, src)?;
            write(&mut c, &to, dest, &v)
        },
    )?;
    l.func_wrap(
        M,
        "cmp-bytes",
        |c: Caller<'_, HostState>, p1: i32, l1: i32, p2: i32, l2: i32| -> HostResult<i32> {
            let mem = c.data().memory.expect("memory").data(&c);
            let slice = |p: i32, l: i32| mem.get(p as u32 as usize..(p as u32 + l as u32) as usize);
            match (slice(p1, l1), slice(p2, l2)) {
                (Some(a), Some(b)) => Ok(a.cmp(b) as i32),
                _ => raise(internal("sequence outside memory")),
            }
        },
    )?;
    l.func_wrap(
        M,
        "rtype-of",
        |c: Caller<'_, HostState>, ty: i32, at: i32| -> HostResult<i32> {
            let ty = type_of(&c, ty)?;
            let mem = c.data().memory.expect("memory").data(&c);
            match content_type(mem, &ty, at as u32 as usize) {
                Ok(t) => Ok(rtypes::intern(&t) as i32),
                Err(e) => raise(internal(e)),
            }
        },
    )?;
    l.func_wrap(M, "rtype-merge", |a: i32, b: i32| -> HostResult<i32> {
        match (&*rtypes::get(a as u32), &*rtypes::get(b as u32)) {
            (TypeSignature::TupleType(base), TypeSignature::TupleType(update)) => {
                let mut merged = base.clone();
                merged.shallow_merge(&mut update.clone());
                Ok(rtypes::intern(&TypeSignature::TupleType(merged)) as i32)
            }
            _ => raise(internal("merge of values that are not tuples")),
        }
    })?;
    l.func_wrap(
        M,
        "implicit-cast",
        |mut c: Caller<'_, HostState>,
         declared: i32,
         repr: i32,
         src: i32,
         dest: i32|
         -> HostResult<()> {
            let (declared, repr) = (type_of(&c, declared)?, type_of(&c, repr)?);
            let v = read(&c, &repr, src)?;
            let v = check(implicit_cast(&declared, v))?;
            write(&mut c, &repr, dest, &v)
        },
    )?;
    l.func_wrap(
        M,
        "serialized-size",
        |c: Caller<'_, HostState>, ty: i32, at: i32| -> HostResult<i64> {
            let ty = type_of(&c, ty)?;
            Ok(read(&c, &ty, at)?.serialized_size() as i64)
        },
    )?;
    l.func_wrap(M, "rtype-size", |id: i32| -> i64 {
        rtypes::size(id as u32) as i64
    })?;
    l.func_wrap(M, "runtime-error", |code: i32| -> HostResult<()> {
        match code {
            x if x == ErrorCode::UnwrapFailure as i32 => raise(RuntimeErrorType::UnwrapFailure),
            x if x == ErrorCode::MemoryExhausted as i32 => raise(internal(format!(
                "wasm runtime: linear memory exhausted (bounded at {} MiB per instance)",
                crate::wasm::MEMORY_LIMIT >> 20
            ))),
            _ => raise(internal(format!("unknown error code {code}"))),
        }
    })?;
    l.func_wrap(
        M,
        "argument-count",
        |expected: i32, got: i32| -> HostResult<()> {
            raise(CheckErrors::IncorrectArgumentCount(
                expected as usize,
                got as usize,
            ))
        },
    )?;
    l.func_wrap(
        M,
        "short-return",
        |c: Caller<'_, HostState>, kind: i32, ty: i32, at: i32| -> HostResult<()> {
            let ty = type_of(&c, ty)?;
            let v = read(&c, &ty, at)?;
            if kind == ShortReturnKind::AssertionFailed as i32 {
                raise(ShortReturnType::AssertionFailed(v))
            } else {
                raise(ShortReturnType::ExpectedValue(v))
            }
        },
    )?;
    Ok(())
}

/// The type a list or tuple of static type `ty` (at `at`, its own rtype not set) gets from
/// its contents, as clarity-vm's `list_from` and `TupleData::from_data` compute it.
fn content_type(mem: &[u8], ty: &TypeSignature, at: usize) -> Result<TypeSignature, String> {
    match ty {
        TypeSignature::SequenceType(SequenceSubtype::ListType(lt)) => {
            let item = lt.get_list_item_type();
            let items = values::read_elements(mem, item, at + 4)?;
            let own = TypeSignature::construct_parent_list_type(&items)
                .map_err(|e| format!("list type: {e}"))?;
            Ok(TypeSignature::SequenceType(SequenceSubtype::ListType(own)))
        }
        TypeSignature::TupleType(tt) => {
            let fields = values::read_fields(mem, tt, at + 4)?;
            let own = TupleData::from_data(fields).map_err(|e| format!("tuple type: {e}"))?;
            Ok(TypeSignature::TupleType(own.type_signature))
        }
        _ => Err(format!("no rtype for a value of type {ty}")),
    }
}

/// Clarity 2's cast of an argument to its function's declared type (what `execute_apply`
/// does before binding it): tuples take the declared type, lists the declared element
/// type with their own max length, recursively through optionals and responses.
pub fn implicit_cast(
    declared: &TypeSignature,
    v: clarity::vm::Value,
) -> Result<clarity::vm::Value, clarity::vm::errors::Error> {
    use clarity::vm::types::{ListData, ListTypeData, OptionalData, ResponseData};
    use clarity::vm::Value as V;
    Ok(match (declared, v) {
        (TypeSignature::OptionalType(t), V::Optional(OptionalData { data: Some(x) })) => {
            V::Optional(OptionalData {
                data: Some(Box::new(implicit_cast(t, *x)?)),
            })
        }
        (TypeSignature::ResponseType(ts), V::Response(ResponseData { committed, data })) => {
            let t = if committed { &ts.0 } else { &ts.1 };
            V::Response(ResponseData {
                committed,
                data: Box::new(implicit_cast(t, *data)?),
            })
        }
        (
            TypeSignature::SequenceType(SequenceSubtype::ListType(lt)),
            V::Sequence(clarity::vm::types::SequenceData::List(l)),
        ) => {
            let item = lt.get_list_item_type();
            let max_len = l.type_signature.get_max_len();
            let data = l
                .data
                .into_iter()
                .map(|x| implicit_cast(item, x))
                .collect::<Result<Vec<_>, _>>()?;
            V::Sequence(clarity::vm::types::SequenceData::List(ListData {
                data,
                type_signature: ListTypeData::new_list(item.clone(), max_len)?,
            }))
        }
        (TypeSignature::TupleType(tt), V::Tuple(t)) => {
            let mut data_map = std::collections::BTreeMap::new();
            for (name, x) in t.data_map {
                let to = tt
                    .get_type_map()
                    .get(&name)
                    .ok_or_else(|| internal(format!("cast: no field {name}")))?;
                data_map.insert(name, implicit_cast(to, x)?);
            }
            V::Tuple(TupleData {
                type_signature: tt.clone(),
                data_map,
            })
        }
        // A contract passed where a trait is expected becomes a callable contract.
        (
            TypeSignature::CallableType(CallableSubtype::Trait(t)),
            V::Principal(clarity::vm::types::PrincipalData::Contract(id)),
        ) => V::CallableContract(clarity::vm::types::CallableData {
            contract_identifier: id,
            trait_identifier: Some(t.clone()),
        }),
        (_, v) => v,
    })
}
