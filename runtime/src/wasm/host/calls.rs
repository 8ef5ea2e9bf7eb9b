//! `contract-call?` (static): the interpreter's `special_contract_call`, with the callee
//! run on its own module (or on the interpreter when it is not compiled).

use clarity::vm::types::PrincipalData;
use clarity::vm::Value;
use wasmtime::{Caller, Linker};

use super::{check, env, metered, name_of, raise, read, type_of, write, HostResult};
use crate::wasm::{exec, internal, values, HostState};

const M: &str = clarinet_wasm_compiler::host::MODULE;

pub fn define(l: &mut Linker<HostState>) -> wasmtime::Result<()> {
    l.func_wrap(
        M,
        "contract-call",
        |mut c: Caller<'_, HostState>,
         cp: i32,
         cl: i32,
         name: i32,
         args_at: i32,
         n: i32,
         rt: i32,
         dest: i32|
         -> HostResult<()> {
            let mem = c.data().memory.expect("memory").data(&c);
            let callee_bytes = mem.get(cp as usize..(cp + cl) as usize).ok_or_else(|| {
                wasmtime::Error::new(crate::wasm::HostError(internal("callee outside memory")))
            })?;
            let callee = match values::decode_principal(callee_bytes) {
                Ok(PrincipalData::Contract(id)) => id,
                _ => {
                    return raise(internal(
                        "contract-call? target is not a contract principal",
                    ))
                }
            };
            let pairs: Vec<(i32, i32)> = (0..n as usize)
                .map(|i| {
                    let at = args_at as usize + 8 * i;
                    let rd = |o: usize| i32::from_le_bytes(mem[o..o + 4].try_into().unwrap());
                    (rd(at), rd(at + 4))
                })
                .collect();
            let function = name_of(&c, name)?;
            let mut args: Vec<Value> = vec![];
            for (tid, at) in pairs {
                let ty = type_of(&c, tid)?;
                args.push(read(&c, &ty, at)?);
            }
            let contracts = c.data().contracts.clone();
            // `ContractCall` was charged in Wasm, before the arguments; the rest is
            // `execute_contract`'s. Contract-call circuits of cost voting are refused when
            // the chain's cost table is made, so no call is short-circuited here.
            let v = metered(&mut c, |e, m| {
                let caller_principal: PrincipalData =
                    e.contract_context.contract_identifier.clone().into();
                let mut nested = e.nest_with_caller(caller_principal);
                exec::execute_contract(&mut nested, m, &callee, &function, &args, false, &contracts)
            })?;
            let ty = type_of(&c, rt)?;
            write(&mut c, &ty, dest, &v)
        },
    )?;
    // Nested transactions for a contract's calls to its own public and read-only functions
    // (`execute_function_as_transaction`). The count of open ones lets a trap unwind them.
    l.func_wrap(
        M,
        "begin-call",
        |mut c: Caller<'_, HostState>, read_only: i32| -> HostResult<()> {
            let e = env(&c)?;
            if read_only != 0 {
                e.global_context.begin_read_only();
            } else {
                e.global_context.begin();
            }
            c.data_mut().open_txs += 1;
            Ok(())
        },
    )?;
    l.func_wrap(
        M,
        "end-call",
        |mut c: Caller<'_, HostState>, commit: i32| -> HostResult<()> {
            let e = env(&c)?;
            c.data_mut().open_txs -= 1;
            if commit != 0 {
                check(e.global_context.commit().map(|_| ()))
            } else {
                e.global_context.roll_back();
                Ok(())
            }
        },
    )?;
    Ok(())
}
