//! Natives applied by the host with clarity-vm's own implementation (see the compiler's
//! `words/natives.rs`), and `as-contract`.

use clarity::types::StacksEpochId;
use clarity::vm::costs::cost_functions::ClarityCostFunction;
use clarity::vm::costs::{constants::AS_CONTRACT_MEMORY, runtime_cost, CostTracker};
use clarity::vm::errors::Error as ClarityError;
use clarity::vm::functions::lookup_reserved_functions;
use clarity::vm::types::PrincipalData;
use clarity::vm::{apply, ClarityName, LocalContext, SymbolicExpression};
use wasmtime::{Caller, Linker};

use super::{check, env, name_of, raise, read, type_of, write, HostResult};
use crate::wasm::{internal, HostState};

const M: &str = clarinet_wasm_compiler::host::MODULE;

pub fn define(l: &mut Linker<HostState>) -> wasmtime::Result<()> {
    l.func_wrap(
        M,
        "call-native",
        |mut c: Caller<'_, HostState>,
         word: i32,
         block: i32,
         n: i32,
         rt: i32,
         dest: i32|
         -> HostResult<()> {
            let word = name_of(&c, word)?;
            let triples: Vec<(i32, i32, i32)> = {
                let mem = c.data().memory.expect("memory").data(&c);
                let rd = |o: usize| {
                    mem.get(o..o + 4)
                        .map(|b| i32::from_le_bytes(b.try_into().unwrap()))
                };
                (0..n as usize)
                    .map(|i| {
                        let at = block as usize + 12 * i;
                        (
                            rd(at).unwrap_or(-1),
                            rd(at + 4).unwrap_or(-1),
                            rd(at + 8).unwrap_or(-1),
                        )
                    })
                    .collect()
            };
            let mut args = vec![];
            for (kind, id, at) in triples {
                args.push(match kind {
                    // As literals: some natives (as-max-len?) insist on a literal argument.
                    0 => SymbolicExpression::literal_value(read(&c, &type_of(&c, id)?, at)?),
                    2 => match c.data().meta.expressions.get(id as usize) {
                        Some(x) => x.clone(),
                        None => return raise(internal("bad expression id")),
                    },
                    1 => SymbolicExpression::atom(
                        ClarityName::try_from(name_of(&c, id)?)
                            .map_err(|e| wasmtime::Error::new(crate::wasm::HostError(e.into())))?,
                    ),
                    _ => return raise(internal("bad native argument kind")),
                });
            }
            let e = env(&c)?;
            let version = *e.contract_context.get_clarity_version();
            let Some(function) = lookup_reserved_functions(&word, &version) else {
                return raise(internal(format!("no native {word}")));
            };
            let v = check(apply(&function, &args, e, &LocalContext::new()))?;
            let ty = type_of(&c, rt)?;
            write(&mut c, &ty, dest, &v)
        },
    )?;
    l.func_wrap(
        M,
        "as-contract-begin",
        |mut c: Caller<'_, HostState>| -> HostResult<()> {
            let e = env(&c)?;
            if *e.epoch() >= StacksEpochId::Epoch21 {
                check(
                    runtime_cost(ClarityCostFunction::AsContract, e, 0).map_err(ClarityError::from),
                )?;
            }
            check(e.add_memory(AS_CONTRACT_MEMORY).map_err(ClarityError::from))?;
            let contract: PrincipalData = e.contract_context.contract_identifier.clone().into();
            let saved = (
                e.sender.replace(contract.clone()),
                e.caller.replace(contract),
            );
            c.data_mut().as_contract.push(saved);
            Ok(())
        },
    )?;
    l.func_wrap(
        M,
        "as-contract-end",
        |mut c: Caller<'_, HostState>| -> HostResult<()> {
            let e = env(&c)?;
            let Some((sender, caller)) = c.data_mut().as_contract.pop() else {
                return raise(internal("as-contract-end without begin"));
            };
            e.sender = sender;
            e.caller = caller;
            e.drop_memory(AS_CONTRACT_MEMORY);
            Ok(())
        },
    )?;
    Ok(())
}
