//! Host functions, one file per family; `define` registers them all under the names of
//! `clarinet_wasm_compiler::host::IMPORTS`.

mod arithmetic;
mod assets;
mod blocks;
mod calls;
mod context;
mod conversions;
mod crypto;
mod data;
mod meter;
mod natives;
mod principals;
mod sequences;
mod trace;
mod values;

use clarinet_wasm_compiler::Metadata;
use clarity::vm::contexts::Environment;
use clarity::vm::errors::Error as ClarityError;
use clarity::vm::types::TypeSignature;
use clarity::vm::Value;
use wasmtime::{Caller, Linker};

pub use values::implicit_cast;

use super::meter::TxMeter;
use super::{HostError, HostState};

pub type HostResult<T> = wasmtime::Result<T>;

pub fn define(l: &mut Linker<HostState>) -> wasmtime::Result<()> {
    arithmetic::define(l)?;
    calls::define(l)?;
    context::define(l)?;
    crypto::define(l)?;
    data::define(l)?;
    meter::define(l)?;
    natives::define(l)?;
    trace::define(l)?;
    values::define(l)?;
    Ok(())
}

/// Raise a clarity error out of Wasm.
pub fn raise<T>(e: impl Into<ClarityError>) -> HostResult<T> {
    Err(wasmtime::Error::new(HostError(e.into())))
}

/// The Environment of the call in progress.
pub fn env<'a>(
    caller: &Caller<'_, HostState>,
) -> HostResult<&'a mut Environment<'static, 'static, 'static>> {
    let p = caller.data().env;
    if p.is_null() {
        return raise(super::internal("host function called outside a call"));
    }
    // SAFETY: set by `Instance::call` for exactly the duration of the Wasm call.
    Ok(unsafe { &mut *p })
}

/// The transaction's meter, brought up to date from the caller's meter block: a host
/// function that charges, or calls out, starts with this and ends with `push`.
pub fn pull<'a>(caller: &mut Caller<'_, HostState>) -> HostResult<&'a mut TxMeter> {
    let p = caller.data().meter;
    if p.is_null() {
        return raise(super::internal("host function called outside a call"));
    }
    // SAFETY: set by `Instance::call` for exactly the duration of the Wasm call.
    let m = unsafe { &mut *p };
    let mem = caller.data().memory.expect("memory");
    m.pull(mem.data(&*caller));
    Ok(m)
}

/// Write the meter back into the caller's meter block (before returning, or raising).
pub fn push(caller: &mut Caller<'_, HostState>, m: &TxMeter) {
    let mem = caller.data().memory.expect("memory");
    m.push(mem.data_mut(&mut *caller));
}

/// Run `f` with the environment and the up-to-date meter, then write the meter back and
/// raise `f`'s error if any.
pub fn metered<T>(
    caller: &mut Caller<'_, HostState>,
    f: impl FnOnce(&mut Environment<'static, 'static, 'static>, &mut TxMeter) -> Result<T, ClarityError>,
) -> HostResult<T> {
    let e = env(caller)?;
    let m = pull(caller)?;
    let r = f(e, m);
    push(caller, m);
    check(r)
}

pub fn type_of(caller: &Caller<'_, HostState>, id: i32) -> HostResult<TypeSignature> {
    match caller.data().meta.types.get(id as usize) {
        Some(t) => Ok(t.clone()),
        None => raise(super::internal(format!("bad type id {id}"))),
    }
}

pub fn name_of(caller: &Caller<'_, HostState>, id: i32) -> HostResult<String> {
    match caller.data().meta.names.get(id as usize) {
        Some(t) => Ok(t.clone()),
        None => raise(super::internal(format!("bad name id {id}"))),
    }
}

/// Name `id` of the module, borrowed from its metadata (see `HostState::meta`).
pub fn name_in(meta: &Metadata, id: i32) -> HostResult<&str> {
    match meta.names.get(id as usize) {
        Some(n) => Ok(n),
        None => raise(super::internal(format!("bad name id {id}"))),
    }
}

/// Type `id` of the module, borrowed from its metadata.
pub fn type_in(meta: &Metadata, id: i32) -> HostResult<&TypeSignature> {
    match meta.types.get(id as usize) {
        Some(t) => Ok(t),
        None => raise(super::internal(format!("bad type id {id}"))),
    }
}

/// Decode the value of type `ty` at `at` in the caller's memory.
pub fn read(caller: &Caller<'_, HostState>, ty: &TypeSignature, at: i32) -> HostResult<Value> {
    let mem = caller.data().memory.expect("memory");
    match super::values::read_value(mem.data(caller), ty, at as u32 as usize) {
        Ok(v) => Ok(v),
        Err(e) => raise(super::internal(e)),
    }
}

/// The `n` values of an argument block at `at` (the compiler's `Ctx::arg_block`: a
/// (type id, value offset) pair of i32s per value).
pub fn read_arg_block(
    caller: &Caller<'_, HostState>,
    meta: &Metadata,
    at: i32,
    n: i32,
) -> HostResult<Vec<Value>> {
    let mem = caller.data().memory.expect("memory").data(caller);
    let word = |o: usize| -> HostResult<i32> {
        match mem.get(o..o + 4) {
            Some(b) => Ok(i32::from_le_bytes(b.try_into().expect("4 bytes"))),
            None => raise(super::internal("argument block outside memory")),
        }
    };
    let mut pairs = Vec::with_capacity(n.max(0) as usize);
    for i in 0..n.max(0) as usize {
        let o = at as u32 as usize + 8 * i;
        pairs.push((word(o)?, word(o + 4)?));
    }
    pairs
        .into_iter()
        .map(|(tid, v)| read(caller, type_in(meta, tid)?, v))
        .collect()
}

/// Encode `v` of type `ty` at `at` in the caller's memory (payload on its heap).
pub fn write(
    caller: &mut Caller<'_, HostState>,
    ty: &TypeSignature,
    at: i32,
    v: &Value,
) -> HostResult<()> {
    super::write_at(caller, ty, at as u32 as usize, v).or_else(raise)
}

/// Place a sequence payload on the heap; returns (offset, length).
pub fn write_payload(caller: &mut Caller<'_, HostState>, bytes: &[u8]) -> HostResult<(i32, i32)> {
    let at = super::alloc(caller, bytes.len()).or_else(raise)?;
    let mem = caller.data().memory.expect("memory");
    mem.data_mut(&mut *caller)[at..at + bytes.len()].copy_from_slice(bytes);
    Ok((at as i32, bytes.len() as i32))
}

/// Map a clarity result into a host result.
pub fn check<T>(r: Result<T, ClarityError>) -> HostResult<T> {
    r.or_else(raise)
}
