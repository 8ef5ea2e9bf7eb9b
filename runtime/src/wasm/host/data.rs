//! Data vars and maps, through `ClarityDatabase` as the interpreter's natives do (same
//! keys, same serialization, same cost calls).

use clarity::vm::costs::cost_functions::ClarityCostFunction as C;
use clarity::vm::database::{ClarityDatabase, DataMapMetadata, DataVariableMetadata, StoreType};
use clarity::vm::errors::{CheckErrors, Error as ClarityError};
use clarity::vm::types::TypeSignature;
use clarity::vm::Value;
use wasmtime::{Caller, Linker};

use super::{metered, name_of, read, type_of, write, HostResult};
use crate::trace;
use crate::wasm::HostState;

const M: &str = clarinet_wasm_compiler::host::MODULE;

/// Data functions switched their charges at epoch 2.05 (`switch_on_global_epoch!`):
/// before, the declared type's size before the access; since, the serialized size after.
fn v205(e: &clarity::vm::contexts::Environment) -> bool {
    *e.epoch() >= clarity::types::StacksEpochId::Epoch2_05
}

/// The database key of data var `name_id` of the instance's contract, made once.
fn var_key(c: &mut Caller<'_, HostState>, name_id: i32) -> HostResult<String> {
    if let Some(k) = c.data().var_keys.get(&name_id) {
        return Ok(k.clone());
    }
    let name = name_of(c, name_id)?;
    let contract = super::env(c)?.contract_context.contract_identifier.clone();
    let k = ClarityDatabase::make_key_for_trip(&contract, StoreType::Variable, &name);
    c.data_mut().var_keys.insert(name_id, k.clone());
    Ok(k)
}

/// The key prefix of map `name_id`'s entries (`vm::CONTRACT::0::MAP::`), made once; an
/// entry's key appends its key value's serialization in hex.
fn map_prefix(c: &mut Caller<'_, HostState>, name_id: i32) -> HostResult<String> {
    if let Some(k) = c.data().map_prefixes.get(&name_id) {
        return Ok(k.clone());
    }
    let name = name_of(c, name_id)?;
    let contract = super::env(c)?.contract_context.contract_identifier.clone();
    let k = ClarityDatabase::make_key_for_quad(&contract, StoreType::DataMap, &name, "");
    c.data_mut().map_prefixes.insert(name_id, k.clone());
    Ok(k)
}

// clarity-vm's `fetch_entry_with_size`, `set_entry`/`insert_entry` and `delete_entry`
// with the map's key prefix made once: the same checks, keys, values and sizes
// (value and serialized length; the database's epoch is the chain's).
type Sized = Result<(Value, u64), ClarityError>;

/// A map write's charge since epoch 2.05: its serialized size (the declared types' when
/// it failed), accounted as memory for good too.
fn charged_write(
    e: &clarity::vm::contexts::Environment,
    m: &mut crate::wasm::meter::TxMeter,
    declared: u64,
    result: Sized,
) -> Result<Value, ClarityError> {
    if v205(e) {
        let size = result.as_ref().map_or(declared, |d| d.1);
        m.charge(C::SetEntry, size)?;
        m.leak_memory(size)?;
    }
    Ok(result?.0)
}

/// `ClarityDatabase::put_with_size` with the value serialized by `store::value_hex`: the same
/// key and text stored, its serialized length returned.
fn put_value(e: &mut clarity::vm::contexts::Environment, key: &str, v: &Value) -> u64 {
    let hex = crate::store::value_hex(v);
    let size = (hex.len() / 2) as u64;
    e.global_context.database.put(key, &hex);
    size
}

fn entry_key(
    e: &clarity::vm::contexts::Environment,
    prefix: &str,
    key: &Value,
    meta: &DataMapMetadata,
) -> Result<(String, u64), ClarityError> {
    if !meta.key_type.admits(e.epoch(), key)? {
        return Err(CheckErrors::TypeValueError(meta.key_type.clone(), key.clone()).into());
    }
    let hex = crate::store::value_hex(key);
    let len = (hex.len() / 2) as u64;
    Ok((format!("{prefix}{hex}"), len))
}

fn fetch_entry(
    e: &mut clarity::vm::contexts::Environment,
    prefix: &str,
    key: &Value,
    meta: &DataMapMetadata,
) -> Sized {
    let (k, key_len) = entry_key(e, prefix, key, meta)?;
    let stored = TypeSignature::new_option(meta.value_type.clone())?;
    Ok(match e.global_context.database.get_value(&k, &stored)? {
        None => (Value::none(), key_len),
        Some(r) => (r.value, r.serialized_byte_len + key_len),
    })
}

fn entry_exists(
    e: &mut clarity::vm::contexts::Environment,
    key: &str,
    meta: &DataMapMetadata,
) -> Result<bool, ClarityError> {
    let stored = TypeSignature::new_option(meta.value_type.clone())?;
    Ok(match e.global_context.database.get_value(key, &stored)? {
        None => false,
        Some(r) => r.value != Value::none(),
    })
}

fn set_entry(
    e: &mut clarity::vm::contexts::Environment,
    prefix: &str,
    key: Value,
    value: Value,
    insert: bool,
    meta: &DataMapMetadata,
) -> Sized {
    let (k, key_len) = entry_key(e, prefix, &key, meta)?;
    if !meta.value_type.admits(e.epoch(), &value)? {
        return Err(CheckErrors::TypeValueError(meta.value_type.clone(), value).into());
    }
    if insert && entry_exists(e, &k, meta)? {
        return Ok((Value::Bool(false), key_len));
    }
    let placed = Value::some(value)?;
    let size = put_value(e, &k, &placed);
    Ok((Value::Bool(true), key_len + size))
}

fn delete_entry(
    e: &mut clarity::vm::contexts::Environment,
    prefix: &str,
    key: &Value,
    meta: &DataMapMetadata,
) -> Sized {
    let (k, key_len) = entry_key(e, prefix, key, meta)?;
    if !entry_exists(e, &k, meta)? {
        return Ok((Value::Bool(false), key_len));
    }
    e.global_context.database.put(&k, &Value::none());
    Ok((
        Value::Bool(true),
        key_len + Value::none().serialized_size() as u64,
    ))
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

/// The values a write shows in the console's `::trace`, copied only when the run is
/// traced (the write consumes them).
fn shown(values: impl FnOnce() -> Vec<Value>) -> Option<Vec<Value>> {
    trace::wasm_tracing().then(values)
}

/// A data write, told to `::trace` when its values were kept ([`shown`]).
fn traced_write(
    c: &Caller<'_, HostState>,
    word: &str,
    name: &str,
    shown: Option<Vec<Value>>,
    result: Option<&Value>,
) -> HostResult<()> {
    let Some(args) = shown else { return Ok(()) };
    let e = super::env(c)?;
    let text = trace::write_text(word, name, &args, result);
    trace::on_wasm_recorder(|r| r.write(e.global_context, text));
    Ok(())
}

pub fn define(l: &mut Linker<HostState>) -> wasmtime::Result<()> {
    l.func_wrap(
        M,
        "var-get",
        |mut c: Caller<'_, HostState>, name: i32, ty: i32, dest: i32| -> HostResult<()> {
            let key = var_key(&mut c, name)?;
            let (name, ty) = (name_of(&c, name)?, type_of(&c, ty)?);
            let v = metered(&mut c, |e, m| {
                let meta = var_meta(e, &name)?;
                if !v205(e) {
                    m.charge(C::FetchVar, meta.value_type.size() as u64)?;
                }
                // `lookup_variable_with_size`, with the key made once per instance.
                let result = e
                    .global_context
                    .database
                    .get_value(&key, &meta.value_type)
                    .map(|r| match r {
                        Some(r) => (r.value, r.serialized_byte_len),
                        None => (Value::none(), Value::none().serialized_size() as u64),
                    });
                if v205(e) {
                    let size = match &result {
                        Ok((_, n)) => *n,
                        Err(_) => meta.value_type.size() as u64,
                    };
                    m.charge(C::FetchVar, size)?;
                }
                Ok(result?.0)
            })?;
            write(&mut c, &ty, dest, &v)
        },
    )?;
    l.func_wrap(
        M,
        "var-set",
        |mut c: Caller<'_, HostState>, name: i32, ty: i32, src: i32| -> HostResult<()> {
            let key = var_key(&mut c, name)?;
            let (name, ty) = (name_of(&c, name)?, type_of(&c, ty)?);
            let v = read(&c, &ty, src)?;
            let shown = shown(|| vec![v.clone()]);
            metered(&mut c, |e, m| {
                read_only_guard(e)?;
                let meta = var_meta(e, &name)?;
                if !v205(e) {
                    m.charge(C::SetVar, meta.value_type.size() as u64)?;
                    m.leak_memory(v.size() as u64)?;
                }
                // `set_variable`, with the key made once per instance (the database's
                // epoch is the chain's).
                let epoch = *e.epoch();
                let result: Result<u64, ClarityError> = if !meta.value_type.admits(&epoch, &v)? {
                    Err(CheckErrors::TypeValueError(meta.value_type.clone(), v).into())
                } else {
                    Ok(put_value(e, &key, &v))
                };
                if v205(e) {
                    let size = match &result {
                        Ok(n) => *n,
                        Err(_) => meta.value_type.size() as u64,
                    };
                    m.charge(C::SetVar, size)?;
                    m.leak_memory(size)?;
                }
                result.map(|_| ())
            })?;
            traced_write(&c, "var-set", &name, shown, None)
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
            let prefix = map_prefix(&mut c, name)?;
            let (name, kt, ot) = (name_of(&c, name)?, type_of(&c, kt)?, type_of(&c, ot)?);
            let key = read(&c, &kt, kp)?;
            let v = metered(&mut c, |e, m| {
                let meta = map_meta(e, &name)?;
                let declared = (meta.value_type.size() + meta.key_type.size()) as u64;
                if !v205(e) {
                    m.charge(C::FetchEntry, declared)?;
                }
                let result = fetch_entry(e, &prefix, &key, &meta);
                if v205(e) {
                    let size = result.as_ref().map_or(declared, |d| d.1);
                    m.charge(C::FetchEntry, size)?;
                }
                Ok(result?.0)
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
                let prefix = map_prefix(&mut c, name)?;
                let (name, kt, vt) = (name_of(&c, name)?, type_of(&c, kt)?, type_of(&c, vt)?);
                let key = read(&c, &kt, kp)?;
                let value = read(&c, &vt, vp)?;
                let shown = shown(|| vec![key.clone(), value.clone()]);
                let v = metered(&mut c, |e, m| {
                    read_only_guard(e)?;
                    let meta = map_meta(e, &name)?;
                    let declared = (meta.value_type.size() + meta.key_type.size()) as u64;
                    if !v205(e) {
                        m.charge(C::SetEntry, declared)?;
                        m.leak_memory(key.size() as u64)?;
                        m.leak_memory(value.size() as u64)?;
                    }
                    let result = set_entry(e, &prefix, key, value, insert, &meta);
                    charged_write(e, m, declared, result)
                })?;
                traced_write(&c, export, &name, shown, Some(&v))?;
                Ok(matches!(v, clarity::vm::Value::Bool(true)) as i32)
            },
        )?;
    }
    l.func_wrap(
        M,
        "map-delete",
        |mut c: Caller<'_, HostState>, name: i32, kt: i32, kp: i32| -> HostResult<i32> {
            let prefix = map_prefix(&mut c, name)?;
            let (name, kt) = (name_of(&c, name)?, type_of(&c, kt)?);
            let key = read(&c, &kt, kp)?;
            let v = metered(&mut c, |e, m| {
                read_only_guard(e)?;
                let meta = map_meta(e, &name)?;
                let declared = meta.key_type.size() as u64;
                if !v205(e) {
                    m.charge(C::SetEntry, declared)?;
                    m.leak_memory(key.size() as u64)?;
                }
                let result = delete_entry(e, &prefix, &key, &meta);
                charged_write(e, m, declared, result)
            })?;
            let shown = shown(|| vec![key]);
            traced_write(&c, "map-delete", &name, shown, Some(&v))?;
            Ok(matches!(v, clarity::vm::Value::Bool(true)) as i32)
        },
    )?;
    Ok(())
}
