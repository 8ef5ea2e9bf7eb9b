//! The transaction and chain context, read where the interpreter reads it.

use clarinet_wasm_compiler::abi::principal_bytes;
use clarity::vm::errors::RuntimeErrorType;
use wasmtime::{Caller, Linker};

use super::{env, raise, write_payload, HostResult};
use crate::wasm::HostState;

const M: &str = clarinet_wasm_compiler::host::MODULE;

pub fn define(l: &mut Linker<HostState>) -> wasmtime::Result<()> {
    l.func_wrap(
        M,
        "tx-sender",
        |mut c: Caller<'_, HostState>| -> HostResult<(i32, i32)> {
            let Some(p) = env(&c)?.sender.clone() else {
                return raise(RuntimeErrorType::NoSenderInContext);
            };
            write_payload(&mut c, &principal_bytes(&p))
        },
    )?;
    l.func_wrap(
        M,
        "contract-caller",
        |mut c: Caller<'_, HostState>| -> HostResult<(i32, i32)> {
            let Some(p) = env(&c)?.caller.clone() else {
                return raise(RuntimeErrorType::NoCallerInContext);
            };
            write_payload(&mut c, &principal_bytes(&p))
        },
    )?;
    l.func_wrap(
        M,
        "block-height",
        |c: Caller<'_, HostState>| -> HostResult<i64> {
            // `FetchVar` was charged in Wasm.
            let e = env(&c)?;
            Ok(e.global_context.database.get_current_block_height() as i64)
        },
    )?;
    l.func_wrap(
        M,
        "burn-block-height",
        |c: Caller<'_, HostState>| -> HostResult<i64> {
            let e = env(&c)?;
            Ok(e.global_context
                .database
                .get_current_burnchain_block_height() as i64)
        },
    )?;
    l.func_wrap(
        M,
        "chain-id",
        |c: Caller<'_, HostState>| -> HostResult<i64> {
            Ok(env(&c)?.global_context.chain_id as i64)
        },
    )?;
    l.func_wrap(
        M,
        "is-in-mainnet",
        |c: Caller<'_, HostState>| -> HostResult<i32> {
            Ok(env(&c)?.global_context.mainnet as i32)
        },
    )?;
    l.func_wrap(
        M,
        "is-in-regtest",
        |c: Caller<'_, HostState>| -> HostResult<i32> {
            Ok(env(&c)?.global_context.database.is_in_regtest() as i32)
        },
    )?;
    Ok(())
}
