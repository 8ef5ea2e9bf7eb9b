//! Whole values: equality, `print`, representation conversion, byte-wise ordering, and
//! the errors Wasm raises (unwrap failures, short returns at top level).

use clarinet_wasm_compiler::host::{ErrorCode, ShortReturnKind};
use clarity::vm::costs::cost_functions::ClarityCostFunction;
use clarity::vm::costs::runtime_cost;
use clarity::vm::errors::{Error as ClarityError, RuntimeErrorType, ShortReturnType};
use wasmtime::{Caller, Linker};

use super::{check, env, raise, read, type_of, write, HostResult};
use crate::wasm::{internal, rtypes, values, HostState};
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
            let e = env(&c)?;
            check(
                runtime_cost(ClarityCostFunction::Print, e, v.size()).map_err(ClarityError::from),
            )?;
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
    l.func_wrap(M, "rtype-size", |id: i32| -> i64 {
        rtypes::size(id as u32) as i64
    })?;
    l.func_wrap(M, "runtime-error", |code: i32| -> HostResult<()> {
        match code {
            x if x == ErrorCode::UnwrapFailure as i32 => raise(RuntimeErrorType::UnwrapFailure),
            _ => raise(internal(format!("unknown error code {code}"))),
        }
    })?;
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
