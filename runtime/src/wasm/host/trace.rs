//! The console's `::trace` hooks of a traced module (`compile_traced`): they feed the
//! thread's `trace::Recorder` and charge nothing.

use wasmtime::{Caller, Linker};

use super::{env, name_in, pull, read, type_in, type_of, HostResult};
use crate::trace;
use crate::wasm::HostState;

const M: &str = clarinet_wasm_compiler::host::MODULE;

pub fn define(l: &mut Linker<HostState>) -> wasmtime::Result<()> {
    l.func_wrap(
        M,
        "trace-begin",
        |mut c: Caller<'_, HostState>| -> HostResult<()> {
            let cost = pull(&mut c)?.meter.total().clone();
            let e = env(&c)?;
            trace::on_wasm_recorder(|r| r.begin(e.global_context, cost));
            Ok(())
        },
    )?;
    l.func_wrap(
        M,
        "trace-call",
        |c: Caller<'_, HostState>, name: i32, args_at: i32, n: i32| -> HostResult<()> {
            let meta = c.data().meta.clone();
            let mem = c.data().memory.expect("memory").data(&c);
            let rd = |o: usize| i32::from_le_bytes(mem[o..o + 4].try_into().unwrap());
            let pairs: Vec<(i32, i32)> = (0..n as usize)
                .map(|i| {
                    (
                        rd(args_at as usize + 8 * i),
                        rd(args_at as usize + 8 * i + 4),
                    )
                })
                .collect();
            let mut args = vec![];
            for (tid, at) in pairs {
                args.push(read(&c, type_in(&meta, tid)?, at)?);
            }
            let name = name_in(&meta, name)?.to_string();
            let text = trace::call_text(&name, &args);
            let contract = env(&c)?.contract_context.contract_identifier.clone();
            trace::on_wasm_recorder(|r| r.name(text, (contract, name)));
            Ok(())
        },
    )?;
    l.func_wrap(
        M,
        "trace-end",
        |mut c: Caller<'_, HostState>, ty: i32, at: i32| -> HostResult<()> {
            let v = read(&c, &type_of(&c, ty)?, at)?;
            let cost = pull(&mut c)?.meter.total().clone();
            let e = env(&c)?;
            trace::on_wasm_recorder(|r| r.end(e.global_context, v.to_string(), &cost));
            Ok(())
        },
    )?;
    Ok(())
}
