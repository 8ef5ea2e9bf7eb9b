//! clarinet-wasm's language server (tower-lsp over stdio): the diagnostics of
//! clarity-vm's parser and type checker and of our compiler, hover, completion, go to
//! definition, document symbols and signature help, and what no other Clarity server
//! shows: each function's generated Wasm and its cost, in code lenses, hovers and our
//! requests `clarinet-wasm/wat`, `clarinet-wasm/costs` and `clarinet-wasm/wasmInfo`.
//!
//! Start reading at `server.rs` (the protocol), then `workspace.rs` (checking a
//! document in its project).

mod complete;
mod costs;
mod definitions;
mod docs;
mod hover;
mod navigate;
mod position;
mod server;
mod transport;
mod workspace;

use tower_lsp::LspService;

/// Serve the protocol on standard input and output until the client exits; the exit
/// status is 0 when it shut the server down first, 1 otherwise (as the protocol says).
pub fn serve_stdio() -> Result<std::process::ExitCode, String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the server's runtime: {e}"))?;
    let shut_down = runtime.block_on(async {
        let (service, socket) = LspService::build(server::Backend::new)
            .custom_method("clarinet-wasm/wat", server::Backend::wat)
            .custom_method("clarinet-wasm/costs", server::Backend::costs)
            .custom_method("clarinet-wasm/wasmInfo", server::Backend::wasm_info)
            .finish();
        transport::serve(tokio::io::stdin(), tokio::io::stdout(), service, socket).await
    });
    // The blocking stdin reader may still wait on a line; do not wait for it.
    runtime.shutdown_background();
    Ok(if shut_down {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::from(1)
    })
}
