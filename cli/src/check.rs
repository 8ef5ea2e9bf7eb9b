//! `clarinet-wasm check`: parse, analyze and compile every contract of the project.

use std::process::ExitCode;

use clarinet_wasm_project::compile_all;
use clarinet_wasm_runtime::CompileFailure;

use crate::diagnostics::{render, Level};
use crate::project_args::ManifestArg;

pub fn run(manifest: &ManifestArg) -> Result<ExitCode, String> {
    let project = manifest.load()?;
    let (mut errors, mut warnings) = (0, 0);
    for r in compile_all(&project) {
        let c = r.contract;
        let rel = project.relative(&c.path);
        // clarity-repl's passes, as `clarinet check` reports them.
        for d in &r.findings {
            let (l, col) = d
                .spans
                .first()
                .map(|s| (s.start_line, s.start_column))
                .unwrap_or((1, 1));
            let level = match d.level {
                clarity::vm::diagnostic::Level::Error => {
                    errors += 1;
                    Level::Error
                }
                clarity::vm::diagnostic::Level::Warning => {
                    warnings += 1;
                    Level::Warning
                }
                clarity::vm::diagnostic::Level::Note => Level::Note,
            };
            println!(
                "{}",
                render(&rel, Some(&c.source), l, col, level, &d.message)
            );
        }
        match &r.compiled {
            Ok(_) => {}
            Err(f @ CompileFailure::Analysis(_)) => {
                let (l, col) = f.line_col();
                println!(
                    "{}",
                    render(&rel, Some(&c.source), l, col, Level::Error, &f.message())
                );
                errors += 1;
                continue;
            }
            Err(f @ CompileFailure::Unsupported(_)) => {
                let (l, col) = f.line_col();
                let msg = format!(
                    "{} (this contract runs on the interpreter only)",
                    f.message()
                );
                println!(
                    "{}",
                    render(&rel, Some(&c.source), l, col, Level::Warning, &msg)
                );
                warnings += 1;
            }
        }
        if let Err(e) = &r.deployed {
            println!(
                "{}",
                render(
                    &rel,
                    Some(&c.source),
                    1,
                    1,
                    Level::Error,
                    &format!("deployment failed: {e}")
                )
            );
            errors += 1;
        }
    }
    let n = project.contracts.len();
    let s = |k: usize| if k == 1 { "" } else { "s" };
    println!(
        "{n} contract{} checked: {errors} error{}, {warnings} warning{}",
        s(n),
        s(errors),
        s(warnings)
    );
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
