//! Clarinet projects: loading a project from its files, and running its Clarity unit
//! tests on the interpreter and on Wasm. Front-ends (the CLI now, the LSP and devnet
//! later) share this; it stands on the runtime.

pub mod deploy;
pub mod deps;
pub mod manifest;
pub mod measured;
pub mod passes;
pub mod plan;
pub mod requirements;
pub mod runner;
pub mod unit_tests;
pub mod versions;

pub use manifest::{find_manifest, load, Project, ProjectContract, ProjectError};

use clarinet_wasm_compiler::Compiled;
use clarinet_wasm_runtime::analyze::analyze;
use clarinet_wasm_runtime::{compile_analyzed, interp, CompileFailure, ErrorDesc};

/// One contract of the project compiled, and then deployed (on the interpreter) so that
/// the contracts after it can refer to it.
pub struct CompiledContract<'a> {
    pub contract: &'a ProjectContract,
    pub compiled: Result<Compiled, CompileFailure>,
    /// What clarity-repl's analysis passes found (`passes`), when it type-checked.
    pub findings: Vec<clarity::vm::diagnostic::Diagnostic>,
    pub deployed: Result<(), ErrorDesc>,
}

/// Compile every contract of the project, in deployment order (for `check` and `compile`).
pub fn compile_all(project: &Project) -> Vec<CompiledContract<'_>> {
    let mut chain = project.chain();
    project
        .contracts
        .iter()
        .map(|c| {
            let mut findings = vec![];
            let analyzed = analyze(&mut chain.store, &c.id, &c.source, c.version, chain.epoch);
            let compiled = match analyzed {
                Err(f) => Err(CompileFailure::Analysis(f)),
                Ok(a) => {
                    if !c.is_requirement {
                        findings = passes::run(
                            &mut chain.store,
                            &a,
                            &c.source,
                            &project.analysis,
                            &c.id.issuer,
                        );
                    }
                    compile_analyzed(&mut chain, &a)
                }
            };
            let deployed = interp::deploy(&mut chain, &c.id, &c.source, c.version)
                .result
                .map(|_| ());
            CompiledContract {
                contract: c,
                compiled,
                findings,
                deployed,
            }
        })
        .collect()
}
