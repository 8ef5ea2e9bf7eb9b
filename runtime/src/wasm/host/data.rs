//! Data vars and maps, through `ClarityDatabase` as the interpreter's natives do (same
//! keys, same serialization, same cost calls).

use clarity::vm::costs::cost_functions::ClarityCostFunction as C;
use clarity::vm::database::{DataMapMetadata, DataVariableMetadata};
use clarity::vm::errors::{CheckErrors, Error as ClarityError};
use wasmtime::{Caller, Linker};

use super::{metered, name_of, read, type_of, write, HostResult};
use crate::wasm::HostState;

const M: &str = clarinet_wasm_compiler::host::MODULE;

/// Data functions switched their charges at epoch 2.05 (`switch_on_global_epoch!`):
/// before, the declared type's size before the access; since, the serialized size after.
fn v205(e: &clarity::vm::contexts::Environment) -> bool {
    *e.epoch() >= clarity::types::StacksEpochId::Epoch2_05
}

fn read_only_guard(e: &clarity::vm::contexts::Environment) -> Result<(), ClarityError> {
    if e.global_context.is_read_only() {
        return Err(CheckErrors::WriteAttemptedInReadOnly.into());
    }
    Ok(())
}

fn var_meta(
    e: &clarity::vm::contexts::Environment,
    name: &str,
) -> Result<DataVariableMetadata, ClarityError> {
    match e.contract_context.meta_data_var.get(name) {
        Some(m) => Ok(m.clone()),
        None => Err(CheckErrors::NoSuchDataVariable(name.to_string()).into()),
    }
}

fn map_meta(
    e: &clarity::vm::contexts::Environment,
    name: &str,
) -> Result<DataMapMetadata, ClarityError> {
    match e.contract_context.meta_data_map.get(name) {
        Some(m) => Ok(m.clone()),
        None => Err(CheckErrors::NoSuchMap(name.to_string()).into()),
    }
}

pub fn define(l: &mut Linker<HostState>) -> wasmtime::Result<()> {
    l.func_wrap(
        M,
        "var-get",
        |mut c: Caller<'_, HostState>, name: i32, ty: i32, dest: i32| -> HostResult<()> {
            let (name, ty) = (name_of(&c, name)?, type_of(&c, ty)?);
            let v = metered(&mut c, |e, m| {
                let contract = e.contract_context.contract_identifier.clone();
                let meta = var_meta(e, &name)?;
                if !v205(e) {
                    m.charge(C::FetchVar, meta.value_type.size() as u64)?;
                }
                let result = e
                    .global_context
                    .database
                    .lookup_variable_with_size(&contract, &name, &meta);
                if v205(e) {
                    let size = match &result {
                        Ok(d) => d.serialized_byte_len,
                        Err(_) => meta.value_type.size() as u64,
                    };
                    m.charge(C::FetchVar, size)?;
                }
                Ok(result?.value)
            })?;
            write(&mut c, &ty, dest, &v)
        },
    )?;
    l.func_wrap(
        M,
        "var-set",
        |mut c: Caller<'_, HostState>, name: i32, ty: i32, src: i32| -> HostResult<()> {
            let (name, ty) = (name_of(&c, name)?, type_of(&c, ty)?);
            let v = read(&c, &ty, src)?;
            metered(&mut c, |e, m| {
                read_only_guard(e)?;
                let contract = e.contract_context.contract_identifier.clone();
                let meta = var_meta(e, &name)?;
                if !v205(e) {
                    m.charge(C::SetVar, meta.value_type.size() as u64)?;
                    m.leak_memory(v.size() as u64)?;
                }
                let result = e
                    .global_context
                    .database
                    .set_variable(&contract, &name, v, &meta);
                if v205(e) {
                    let size = match &result {
                        Ok(d) => d.serialized_byte_len,
                        Err(_) => meta.value_type.size() as u64,
                    };
                    m.charge(C::SetVar, size)?;
                    m.leak_memory(size)?;
                }
                result.map(|_| ())
            })
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
            let v = metered(&mut c, |e, m| {
                let contract = e.contract_context.contract_identifier.clone();
                let meta = map_meta(e, &name)?;
                let declared = (meta.value_type.size() + meta.key_type.size()) as u64;
                if !v205(e) {
                    m.charge(C::FetchEntry, declared)?;
                }
                let result = e
                    .global_context
                    .database
                    .fetch_entry_with_size(&contract, &name, &key, &meta);
                if v205(e) {
                    let size = result.as_ref().map_or(declared, |d| d.serialized_byte_len);
                    m.charge(C::FetchEntry, size)?;
                }
                Ok(result?.value)
            })?;
            write(&mut c, &ot, dest, &v)
        },
    )?;
    for insert in [false, true] {
        let export = if insert { "map-insert" } else { "map-set" };
        l.func_wrap(
            M,
            export,
            move |mut c: Caller<'_, HostState>,
                  name: i32,
                  kt: i32,
                  kp: i32,
                  vt: i32,
                  vp: i32|
                  -> HostResult<i32> {
                let (name, kt, vt) = (name_of(&c, name)?, type_of(&c, kt)?, type_of(&c, vt)?);
                let key = read(&c, &kt, kp)?;
                let value = read(&c, &vt, vp)?;
                let v = metered(&mut c, |e, m| {
                    read_only_guard(e)?;
                    let contract = e.contract_context.contract_identifier.clone();
                    let meta = map_meta(e, &name)?;
                    let declared = (meta.value_type.size() + meta.key_type.size()) as u64;
                    if !v205(e) {
                        m.charge(C::SetEntry, declared)?;
                        m.leak_memory(key.size() as u64)?;
                        m.leak_memory(value.size() as u64)?;
                    }
                    let later = v205(e);
                    let db = &mut e.global_context.database;
                    let result = if insert {
                        db.insert_entry(&contract, &name, key, value, &meta)
                    } else {
                        db.set_entry(&contract, &name, key, value, &meta)
                    };
                    if later {
                        let size = result.as_ref().map_or(declared, |d| d.serialized_byte_len);
                        m.charge(C::SetEntry, size)?;
                        m.leak_memory(size)?;
                    }
                    Ok(result?.value)
                })?;
                Ok(matches!(v, clarity::vm::Value::Bool(true)) as i32)
            },
        )?;
    }
    l.func_wrap(
        M,
        "map-delete",
        |mut c: Caller<'_, HostState>, name: i32, kt: i32, kp: i32| -> HostResult<i32> {
            let (name, kt) = (name_of(&c, name)?, type_of(&c, kt)?);
            let key = read(&c, &kt, kp)?;
            let v = metered(&mut c, |e, m| {
                read_only_guard(e)?;
                let contract = e.contract_context.contract_identifier.clone();
                let meta = map_meta(e, &name)?;
                let declared = meta.key_type.size() as u64;
                if !v205(e) {
                    m.charge(C::SetEntry, declared)?;
                    m.leak_memory(key.size() as u64)?;
                }
                let result = e
                    .global_context
                    .database
                    .delete_entry(&contract, &name, &key, &meta);
                if v205(e) {
                    let size = result.as_ref().map_or(declared, |d| d.serialized_byte_len);
                    m.charge(C::SetEntry, size)?;
                    m.leak_memory(size)?;
                }
                Ok(result?.value)
            })?;
            Ok(matches!(v, clarity::vm::Value::Bool(true)) as i32)
        },
    )?;
    Ok(())
}
