//! clarinet-wasm's runtime: runs contracts on the interpreter (the reference) and on
//! wasmtime (compiled by `clarinet-wasm-compiler`), over the same chain state, and
//! compares the two.

pub mod analyze;
pub mod chain;
pub mod costs;
pub mod dual;
pub mod interp;
pub mod outcome;
pub mod store;
pub mod trace;
pub mod wasm;

pub use chain::Chain;
pub use outcome::{ErrorDesc, Outcome};

/// Parse, analyze and compile a contract against `chain` (for `compile` and `check`).
pub fn compile_source(
    chain: &mut Chain,
    id: &clarity::vm::types::QualifiedContractIdentifier,
    source: &str,
    version: clarity::vm::ClarityVersion,
) -> Result<clarinet_wasm_compiler::Compiled, CompileFailure> {
    let epoch = chain.epoch;
    let analyzed = analyze::analyze(&mut chain.store, id, source, version, epoch)
        .map_err(CompileFailure::Analysis)?;
    compile_analyzed(chain, &analyzed)
}

/// Compile a contract already analysed against `chain`.
pub fn compile_analyzed(
    chain: &mut Chain,
    analyzed: &analyze::Analyzed,
) -> Result<clarinet_wasm_compiler::Compiled, CompileFailure> {
    wasm::exec::compile(chain, analyzed).map_err(|e| {
        CompileFailure::Unsupported(match e {
            wasm::exec::NotRun::Unsupported(e) => e,
            other => clarinet_wasm_compiler::CompileError {
                message: other.to_string(),
                line: 0,
                column: 0,
            },
        })
    })
}

#[derive(Debug, Clone)]
pub enum CompileFailure {
    Analysis(analyze::AnalysisFailure),
    Unsupported(clarinet_wasm_compiler::CompileError),
}

impl CompileFailure {
    pub fn line_col(&self) -> (u32, u32) {
        match self {
            CompileFailure::Analysis(a) => a.line_col(),
            CompileFailure::Unsupported(e) => (e.line, e.column),
        }
    }

    pub fn message(&self) -> String {
        match self {
            CompileFailure::Analysis(a) => a.diagnostic.message.clone(),
            CompileFailure::Unsupported(e) => e.message.clone(),
        }
    }
}
