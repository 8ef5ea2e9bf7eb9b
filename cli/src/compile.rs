//! `clarinet-wasm compile FILE.clar [-o OUT] [--wat]`

use std::path::Path;
use std::process::ExitCode;

use clarinet_wasm_runtime::compile_source;
use clarity::vm::types::QualifiedContractIdentifier;

use crate::common::{read_contract, ChainArgs};

pub fn run(file: &Path, out: Option<&Path>, wat: bool, args: &ChainArgs) -> Result<ExitCode, String> {
    let (source, name) = read_contract(file)?;
    let mut chain = args.chain()?;
    let id = QualifiedContractIdentifier::new(chain.deployer(), name);
    let compiled = compile_source(&mut chain, &id, &source, args.version()).map_err(|f| {
        let (l, c) = f.line_col();
        format!("{}:{l}:{c}: error: {}", file.display(), f.message())
    })?;
    let out = out.map(Path::to_path_buf).unwrap_or_else(|| file.with_extension(if wat { "wat" } else { "wasm" }));
    let bytes = if wat {
        wasmprinter::print_bytes(&compiled.wasm).map_err(|e| format!("cannot print module: {e}"))?.into_bytes()
    } else {
        compiled.wasm
    };
    std::fs::write(&out, bytes).map_err(|e| format!("{}: cannot write: {e}", out.display()))?;
    println!("wrote {}", out.display());
    Ok(ExitCode::SUCCESS)
}

/// One module per contract of the project, under `out_dir` (relative to the project root).
pub fn run_project(manifest: &crate::project_args::ManifestArg, out_dir: &Path, wat: bool) -> Result<ExitCode, String> {
    use clarinet_wasm_runtime::chain::Chain;
    let project = manifest.load()?;
    let epoch = project.epoch();
    let version = if epoch >= clarity::types::StacksEpochId::Epoch21 { clarity::vm::ClarityVersion::Clarity2 } else { clarity::vm::ClarityVersion::Clarity1 };
    let mut chain = Chain::new(epoch, version, &project.accounts);
    let dir = project.root.join(out_dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut failed = 0;
    for c in &project.contracts {
        let rel = project.relative(&c.path);
        match compile_source(&mut chain, &c.id, &c.source, c.version) {
            Ok(compiled) => {
                let out = dir.join(format!("{}.{}", c.name(), if wat { "wat" } else { "wasm" }));
                let bytes = if wat {
                    wasmprinter::print_bytes(&compiled.wasm).map_err(|e| format!("cannot print module: {e}"))?.into_bytes()
                } else {
                    compiled.wasm
                };
                std::fs::write(&out, bytes).map_err(|e| format!("{}: {e}", out.display()))?;
                println!("{rel} -> {}", project.relative(&out));
            }
            Err(f) => {
                let (l, col) = f.line_col();
                eprintln!("{rel}:{l}:{col}: error: {}", f.message());
                failed += 1;
            }
        }
        // Later contracts may call this one: deploy it.
        clarinet_wasm_runtime::interp::deploy(&mut chain, &c.id, &c.source, c.version);
    }
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
