//! `clarinet-wasm check`: parse, analyze and compile every contract of the project.

use std::process::ExitCode;

use clarinet_wasm_runtime::chain::Chain;
use clarinet_wasm_runtime::{compile_source, interp, CompileFailure};
use clarity::types::StacksEpochId;
use clarity::vm::ClarityVersion;

use crate::diagnostics::{render, Level};
use crate::project_args::ManifestArg;

pub fn run(manifest: &ManifestArg) -> Result<ExitCode, String> {
    let project = manifest.load()?;
    let epoch = project.epoch();
    let version = if epoch >= StacksEpochId::Epoch21 { ClarityVersion::Clarity2 } else { ClarityVersion::Clarity1 };
    let mut chain = Chain::new(epoch, version, &project.accounts);
    let (mut errors, mut warnings) = (0, 0);
    for c in &project.contracts {
        let rel = project.relative(&c.path);
        match compile_source(&mut chain, &c.id, &c.source, c.version) {
            Ok(_) => {}
            Err(f @ CompileFailure::Analysis(_)) => {
                let (l, col) = f.line_col();
                println!("{}", render(&rel, Some(&c.source), l, col, Level::Error, &f.message()));
                errors += 1;
                continue;
            }
            Err(f @ CompileFailure::Unsupported(_)) => {
                let (l, col) = f.line_col();
                let msg = format!("{} (this contract runs on the interpreter only)", f.message());
                println!("{}", render(&rel, Some(&c.source), l, col, Level::Warning, &msg));
                warnings += 1;
            }
        }
        // Deploy it so that the contracts after it can use it.
        let out = interp::deploy(&mut chain, &c.id, &c.source, c.version);
        if let Err(e) = out.result {
            println!("{}", render(&rel, Some(&c.source), 1, 1, Level::Error, &format!("deployment failed: {e}")));
            errors += 1;
        }
    }
    println!(
        "{} contract{} checked: {errors} error{}, {warnings} warning{}",
        project.contracts.len(),
        if project.contracts.len() == 1 { "" } else { "s" },
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" }
    );
    Ok(if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
