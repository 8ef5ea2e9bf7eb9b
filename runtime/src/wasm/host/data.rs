//! Data vars and maps, through `ClarityDatabase` as the interpreter's natives do (same
//! keys, same serialization, same cost calls).

use clarity::vm::costs::cost_functions::ClarityCostFunction;
use clarity::vm::costs::{runtime_cost, CostTracker};
use clarity::vm::database::{DataMapMetadata, DataVariableMetadata};
use clarity::vm::errors::{CheckErrors, Error as ClarityError};
use wasmtime::{Caller, Linker};

use super::{check, env, name_of, raise, read, type_of, write, HostResult};
use crate::wasm::HostState;

const M: &str = clarinet_wasm_compiler::host::MODULE;

fn cost(
    e: &mut clarity::vm::contexts::Environment,
    f: ClarityCostFunction,
    n: u64,
) -> HostResult<()> {
    check(runtime_cost(f, e, n).map_err(ClarityError::from))
}

fn memory(e: &mut clarity::vm::contexts::Environment, n: u64) -> HostResult<()> {
    check(e.add_memory(n).map_err(ClarityError::from))
}

fn read_only_guard(e: &clarity::vm::contexts::Environment) -> HostResult<()> {
    if e.global_context.is_read_only() {
        return raise(CheckErrors::WriteAttemptedInReadOnly);
    }
    Ok(())
}

fn var_meta(
    e: &clarity::vm::contexts::Environment,
    name: &str,
) -> HostResult<DataVariableMetadata> {
    match e.contract_context.meta_data_var.get(name) {
        Some(m) => Ok(m.clone()),
        None => raise(CheckErrors::NoSuchDataVariable(name.to_string())),
    }
}

fn map_meta(e: &clarity::vm::contexts::Environment, name: &str) -> HostResult<DataMapMetadata> {
    match e.contract_context.meta_data_map.get(name) {
        Some(m) => Ok(m.clone()),
        None => raise(CheckErrors::NoSuchMap(name.to_string())),
    }
}

pub fn define(l: &mut Linker<HostState>) -> wasmtime::Result<()> {
    l.func_wrap(
        M,
        "var-get",
        |mut c: Caller<'_, HostState>, name: i32, ty: i32, dest: i32| -> HostResult<()> {
            let (name, ty) = (name_of(&c, name)?, type_of(&c, ty)?);
            let e = env(&c)?;
            let contract = e.contract_context.contract_identifier.clone();
            let meta = var_meta(e, &name)?;
            let result = e
                .global_context
                .database
                .lookup_variable_with_size(&contract, &name, &meta);
            let size = match &result {
                Ok(d) => d.serialized_byte_len,
                Err(_) => meta.value_type.size() as u64,
            };
            cost(e, ClarityCostFunction::FetchVar, size)?;
            let v = check(result)?.value;
            write(&mut c, &ty, dest, &v)
        },
    )?;
    l.func_wrap(
        M,
        "var-set",
        |c: Caller<'_, HostState>, name: i32, ty: i32, src: i32| -> HostResult<()> {
            let (name, ty) = (name_of(&c, name)?, type_of(&c, ty)?);
            let v = read(&c, &ty, src)?;
            let e = env(&c)?;
            read_only_guard(e)?;
            let contract = e.contract_context.contract_identifier.clone();
            let meta = var_meta(e, &name)?;
            let result = e
                .global_context
                .database
                .set_variable(&contract, &name, v, &meta);
            let size = match &result {
                Ok(d) => d.serialized_byte_len,
                Err(_) => meta.value_type.size() as u64,
            };
            cost(e, ClarityCostFunction::SetVar, size)?;
            memory(e, size)?;
            check(result).map(|_| ())
        },
    )?;
    l.func_wrap(
        M,
        "map-get",
        |mut c: Caller<'_, HostState>,
         name: i32,
         kt: i32,
         kp: i32,
         ot: i32,
         dest: i32|
         -> HostResult<()> {
            let (name, kt, ot) = (name_of(&c, name)?, type_of(&c, kt)?, type_of(&c, ot)?);
            let key = read(&c, &kt, kp)?;
            let e = env(&c)?;
            let contract = e.contract_context.contract_identifier.clone();
            let meta = map_meta(e, &name)?;
            let result = e
                .global_context
                .database
                .fetch_entry_with_size(&contract, &name, &key, &meta);
            let size = match &result {
                Ok(d) => d.serialized_byte_len,
                Err(_) => (meta.value_type.size() + meta.key_type.size()) as u64,
            };
            cost(e, ClarityCostFunction::FetchEntry, size)?;
            let v = check(result)?.value;
            write(&mut c, &ot, dest, &v)
        },
    )?;
    for insert in [false, true] {
        let export = if insert { "map-insert" } else { "map-set" };
        l.func_wrap(
            M,
            export,
            move |c: Caller<'_, HostState>,
                  name: i32,
                  kt: i32,
                  kp: i32,
                  vt: i32,
                  vp: i32|
                  -> HostResult<i32> {
                let (name, kt, vt) = (name_of(&c, name)?, type_of(&c, kt)?, type_of(&c, vt)?);
                let key = read(&c, &kt, kp)?;
                let value = read(&c, &vt, vp)?;
                let e = env(&c)?;
                read_only_guard(e)?;
                let contract = e.contract_context.contract_identifier.clone();
                let meta = map_meta(e, &name)?;
                let db = &mut e.global_context.database;
                let result = if insert {
                    db.insert_entry(&contract, &name, key, value, &meta)
                } else {
                    db.set_entry(&contract, &name, key, value, &meta)
                };
                let size = match &result {
                    Ok(d) => d.serialized_byte_len,
                    Err(_) => (meta.value_type.size() + meta.key_type.size()) as u64,
                };
                cost(e, ClarityCostFunction::SetEntry, size)?;
                memory(e, size)?;
                Ok(matches!(check(result)?.value, clarity::vm::Value::Bool(true)) as i32)
            },
        )?;
    }
    l.func_wrap(
        M,
        "map-delete",
        |c: Caller<'_, HostState>, name: i32, kt: i32, kp: i32| -> HostResult<i32> {
            let (name, kt) = (name_of(&c, name)?, type_of(&c, kt)?);
            let key = read(&c, &kt, kp)?;
            let e = env(&c)?;
            read_only_guard(e)?;
            let contract = e.contract_context.contract_identifier.clone();
            let meta = map_meta(e, &name)?;
            let result = e
                .global_context
                .database
                .delete_entry(&contract, &name, &key, &meta);
            let size = match &result {
                Ok(d) => d.serialized_byte_len,
                Err(_) => meta.key_type.size() as u64,
            };
            cost(e, ClarityCostFunction::SetEntry, size)?;
            memory(e, size)?;
            Ok(matches!(check(result)?.value, clarity::vm::Value::Bool(true)) as i32)
        },
    )?;
    Ok(())
}
