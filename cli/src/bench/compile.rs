//! Compile figures per contract of the suite: analysis (shared with the interpreter), our
//! code generation, Cranelift, and a module made ready again from the disk cache.

use std::time::Instant;

use clarinet_wasm_runtime::analyze::analyze;
use clarinet_wasm_runtime::wasm::{self, ModuleSource};
use clarinet_wasm_runtime::Chain;
use clarity::vm::types::QualifiedContractIdentifier;

use super::cases::{Case, Step};

pub struct CompileRow {
    pub contract: String,
    pub lines: usize,
    pub analysis_ms: f64,
    pub codegen_ms: f64,
    pub cranelift_ms: f64,
    /// Read back from the disk cache (digest checked) and deserialized.
    pub cached_ms: f64,
    pub wasm_bytes: usize,
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

/// Each distinct contract of `cases` once, on one chain where the contracts before it are
/// deployed (a trait's users need it).
pub fn figures(cases: &[&Case]) -> Result<Vec<CompileRow>, String> {
    let cache = tempfile::tempdir().map_err(|e| format!("a temporary directory: {e}"))?;
    let mut chain = Chain::devnet();
    // The cost table is built once per chain; not a per-contract cost.
    clarinet_wasm_runtime::costs::table_for(&mut chain).map_err(|e| e.to_string())?;
    let mut rows: Vec<CompileRow> = vec![];
    let mut contracts = vec![];
    let mut seen: Vec<&str> = vec![];
    for case in cases {
        contracts.extend(case.contracts.iter().map(|(n, s)| (n.to_string(), s())));
        if let Step::Deploy { prefix, source } = &case.step {
            contracts.push((prefix.to_string(), source()));
        }
    }
    for (name, source) in contracts {
        // pox-3 is both a called contract and a deployed one: once is enough.
        if rows.iter().any(|r| r.contract == name) || seen.contains(&source) {
            continue;
        }
        seen.push(source);
        let id = QualifiedContractIdentifier::new(chain.deployer(), name.as_str().into());
        let t = Instant::now();
        let analyzed = analyze(
            &mut chain.store,
            &id,
            source,
            chain.clarity_version,
            chain.epoch,
        )
        .map_err(|e| format!("{name}: {}", e.diagnostic.message))?;
        let analysis_ms = ms(t);
        let t = Instant::now();
        let compiled =
            wasm::exec::compile(&mut chain, &analyzed).map_err(|e| format!("{name}: {e}"))?;
        let codegen_ms = ms(t);
        wasm::set_disk_cache(None);
        let t = Instant::now();
        wasm::load_module_bytes(&compiled.wasm)?;
        let cranelift_ms = ms(t);
        // Once to fill the cache, once to read it back.
        wasm::set_disk_cache(Some(cache.path().to_path_buf()));
        wasm::load_module_bytes(&compiled.wasm)?;
        let t = Instant::now();
        let (_, from) = wasm::load_module_bytes(&compiled.wasm)?;
        let cached_ms = ms(t);
        wasm::set_disk_cache(None);
        if from != ModuleSource::Disk {
            return Err(format!("{name}: the disk cache did not keep the module"));
        }
        rows.push(CompileRow {
            contract: name.clone(),
            lines: source.lines().count(),
            analysis_ms,
            codegen_ms,
            cranelift_ms,
            cached_ms,
            wasm_bytes: compiled.wasm.len(),
        });
        let version = chain.clarity_version;
        let out =
            wasm::deploy(&mut chain, &id, source, version).map_err(|e| format!("{name}: {e}"))?;
        if let Err(e) = out.result {
            return Err(format!("{name}: deployment failed: {e}"));
        }
    }
    Ok(rows)
}
