//! `clarinet-wasm console`: finds the project (if any) and hands over to the console.

use std::process::ExitCode;

use clarinet_wasm_repl::Runtimes;

use crate::project_args::ManifestArg;
use crate::RuntimeArg;

pub fn run(manifest: &ManifestArg, runtime: RuntimeArg) -> Result<ExitCode, String> {
    let cwd = std::env::current_dir().map_err(|e| format!("current directory: {e}"))?;
    // Outside a project the console starts on an empty chain; a path given must load.
    let in_project = manifest.manifest_path.is_some()
        || clarinet_wasm_project::find_manifest(&cwd, None).is_ok();
    let project = if in_project {
        Some(manifest.load()?)
    } else {
        None
    };
    let runtimes = match runtime {
        RuntimeArg::Both => Runtimes::Both,
        RuntimeArg::Interpreter => Runtimes::Interpreter,
        RuntimeArg::Wasm => Runtimes::Wasm,
    };
    Ok(clarinet_wasm_repl::run(project, runtimes))
}
