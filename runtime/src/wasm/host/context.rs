//! The transaction and chain context, read where the interpreter reads it, and `at-block`
//! (reads moved to an earlier block for the duration of its body).

use clarinet_wasm_compiler::abi::principal_bytes;
use clarity::types::chainstate::StacksBlockId;
use clarity::vm::costs::constants::AT_BLOCK_MEMORY;
use clarity::vm::errors::RuntimeErrorType;
use wasmtime::{Caller, Linker};

use super::{env, metered, raise, write_payload, HostResult};
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
        "stx-liquid-supply",
        |c: Caller<'_, HostState>| -> HostResult<(i64, i64)> {
            // `FetchVar` was charged in Wasm.
            let n = env(&c)?.global_context.database.get_total_liquid_ustx();
            Ok((n as u64 as i64, (n >> 64) as u64 as i64))
        },
    )?;
    l.func_wrap(
        M,
        "tx-sponsor",
        |mut c: Caller<'_, HostState>| -> HostResult<(i32, i32, i32)> {
            match env(&c)?.sponsor.clone() {
                None => Ok((0, 0, 0)),
                Some(p) => {
                    let (at, len) = write_payload(&mut c, &principal_bytes(&p))?;
                    Ok((1, at, len))
                }
            }
        },
    )?;
    l.func_wrap(
        M,
        "at-block-begin",
        |mut c: Caller<'_, HostState>, at: i32, len: i32| -> HostResult<()> {
            let mem = c.data().memory.expect("memory").data(&c);
            let id = mem
                .get(at as usize..(at as usize + len as usize))
                .unwrap_or(&[])
                .to_vec();
            if id.len() != 32 {
                return raise(RuntimeErrorType::BadBlockHash(id));
            }
            // `special_at_block` then `evaluate_at_block`, in order.
            let prior = metered(&mut c, |e, m| {
                m.add_memory(AT_BLOCK_MEMORY)?;
                e.global_context.begin_read_only();
                let moved = e
                    .global_context
                    .database
                    .set_block_hash(StacksBlockId::from(id.as_slice()), false);
                if moved.is_err() {
                    e.global_context.roll_back();
                    m.drop_memory(AT_BLOCK_MEMORY);
                }
                moved
            })?;
            let state = c.data_mut();
            state.at_block.push(prior);
            state.open_txs += 1;
            Ok(())
        },
    )?;
    l.func_wrap(
        M,
        "at-block-end",
        |mut c: Caller<'_, HostState>| -> HostResult<()> {
            let Some(prior) = c.data_mut().at_block.pop() else {
                return raise(crate::wasm::internal("at-block-end without begin"));
            };
            c.data_mut().open_txs -= 1;
            metered(&mut c, |e, m| {
                e.global_context.database.set_block_hash(prior, true)?;
                e.global_context.roll_back();
                m.drop_memory(AT_BLOCK_MEMORY);
                Ok(())
            })
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
