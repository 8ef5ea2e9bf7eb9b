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
