//! Metering from Wasm: charges whose input is known only at run time, and the failures
//! the generated code detects (a batch of charges over the limit, memory over the limit,
//! the call stack too deep), turned into the interpreter's exact errors.

use clarinet_wasm_compiler::ChargeItem;
use clarity::vm::costs::cost_functions::ClarityCostFunction;
use clarity::vm::errors::Error as ClarityError;
use wasmtime::{Caller, Linker};

use super::{metered, HostResult};
use crate::wasm::meter::max_depth_error;
use crate::wasm::{internal, HostState};

const M: &str = clarinet_wasm_compiler::host::MODULE;

fn batch(c: &Caller<'_, HostState>, id: i32) -> Result<Vec<ChargeItem>, ClarityError> {
    c.data()
        .meta
        .batches
        .get(id as usize)
        .cloned()
        .ok_or_else(|| internal(format!("bad batch id {id}")))
}

fn cost_function(f: i32) -> Result<ClarityCostFunction, ClarityError> {
    ClarityCostFunction::ALL
        .get(f as usize)
        .copied()
        .ok_or_else(|| internal(format!("bad cost function {f}")))
}

pub fn define(l: &mut Linker<HostState>) -> wasmtime::Result<()> {
    l.func_wrap(
        M,
        "charge",
        |mut c: Caller<'_, HostState>, f: i32, n: i64| -> HostResult<()> {
            metered(&mut c, |_, m| m.charge(cost_function(f)?, n as u64))
        },
    )?;
    l.func_wrap(
        M,
        "meter-exceeded",
        |mut c: Caller<'_, HostState>, id: i32| -> HostResult<()> {
            let items = batch(&c, id);
            metered(&mut c, |_, m| {
                m.replay(&items?, None)?;
                Err(internal(
                    "a batch of charges failed its check but not its replay",
                ))
            })
        },
    )?;
    l.func_wrap(
        M,
        "memory-exceeded",
        |mut c: Caller<'_, HostState>, n: i64| -> HostResult<()> {
            metered(&mut c, |_, m| {
                m.add_memory(n as u64)?;
                Err(internal(
                    "memory over the limit in Wasm but not in the meter",
                ))
            })
        },
    )?;
    l.func_wrap(
        M,
        "depth-exceeded",
        |mut c: Caller<'_, HostState>, id: i32, pos: i32| -> HostResult<()> {
            let items = batch(&c, id);
            metered(&mut c, |_, m| {
                m.replay(&items?, Some(pos as usize))?;
                Err(max_depth_error())
            })
        },
    )?;
    Ok(())
}
