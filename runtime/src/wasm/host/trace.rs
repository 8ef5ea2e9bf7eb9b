//! The console's `::trace` hooks of a traced module (`Options::tracing`): they feed the
//! thread's `trace::Recorder` and charge nothing.

use wasmtime::{Caller, Linker};

use super::{env, name_in, pull, read, read_arg_block, type_of, HostResult};
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
            let args = read_arg_block(&c, &meta, args_at, n)?;
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
