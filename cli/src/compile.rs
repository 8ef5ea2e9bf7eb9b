//! `clarinet-wasm compile FILE.clar [-o OUT] [--wat]`

use std::path::Path;
use std::process::ExitCode;

use clarinet_wasm_runtime::compile_source;
use clarity::vm::types::QualifiedContractIdentifier;

use crate::common::{read_contract, ChainArgs};

pub fn run(
    file: &Path,
    out: Option<&Path>,
    wat: bool,
    args: &ChainArgs,
) -> Result<ExitCode, String> {
    let (source, name) = read_contract(file)?;
    let mut chain = args.chain()?;
    let id = QualifiedContractIdentifier::new(chain.deployer(), name);
    let compiled = compile_source(&mut chain, &id, &source, args.version()).map_err(|f| {
        let (l, c) = f.line_col();
        format!("{}:{l}:{c}: error: {}", file.display(), f.message())
    })?;
    let out = out
        .map(Path::to_path_buf)
        .unwrap_or_else(|| file.with_extension(if wat { "wat" } else { "wasm" }));
    std::fs::write(&out, module_bytes(compiled.wasm, wat)?)
        .map_err(|e| format!("{}: cannot write: {e}", out.display()))?;
    println!("wrote {}", out.display());
    Ok(ExitCode::SUCCESS)
}

/// One module per contract of the project, under `out_dir` (relative to the project root).
pub fn run_project(
    manifest: &crate::project_args::ManifestArg,
    out_dir: &Path,
    wat: bool,
) -> Result<ExitCode, String> {
    let project = manifest.load()?;
    let dir = project.root.join(out_dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut failed = 0;
    for r in clarinet_wasm_project::compile_all(&project) {
        let rel = project.relative(&r.contract.path);
        match r.compiled {
            Ok(compiled) => {
                let out = dir.join(format!(
                    "{}.{}",
                    r.contract.name(),
                    if wat { "wat" } else { "wasm" }
                ));
                std::fs::write(&out, module_bytes(compiled.wasm, wat)?)
                    .map_err(|e| format!("{}: {e}", out.display()))?;
                println!("{rel} -> {}", project.relative(&out));
            }
            Err(f) => {
                let (l, col) = f.line_col();
                eprintln!("{rel}:{l}:{col}: error: {}", f.message());
                failed += 1;
            }
        }
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The module as written: binary, or its text form.
fn module_bytes(wasm: Vec<u8>, wat: bool) -> Result<Vec<u8>, String> {
    if wat {
        Ok(wasmprinter::print_bytes(&wasm)
            .map_err(|e| format!("cannot print module: {e}"))?
            .into_bytes())
    } else {
        Ok(wasm)
    }
}
