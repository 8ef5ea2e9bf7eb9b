//! Finding and loading the project a command works on.

use std::path::PathBuf;

use clap::Args;
use clarinet_wasm_project::{find_manifest, load, Project};

#[derive(Args, Clone, Default)]
pub struct ManifestArg {
    /// Path to Clarinet.toml [default: found from the current directory upwards].
    #[arg(long, value_name = "PATH")]
    pub manifest_path: Option<PathBuf>,
}

impl ManifestArg {
    pub fn load(&self) -> Result<Project, String> {
        let cwd = std::env::current_dir().map_err(|e| format!("current directory: {e}"))?;
        let manifest =
            find_manifest(&cwd, self.manifest_path.as_deref()).map_err(|e| e.to_string())?;
        let project = load(&manifest).map_err(|e| e.to_string())?;
        // Native code of the project's modules is kept under its cache directory, so a
        // second run compiles nothing (CLARINET_WASM_MODULE_CACHE=off turns it off).
        if std::env::var("CLARINET_WASM_MODULE_CACHE").as_deref() != Ok("off") {
            clarinet_wasm_runtime::wasm::set_disk_cache(Some(module_cache_dir(&project)));
        }
        // Once per run: what runs otherwise than declared.
        for w in &project.warnings {
            eprintln!(
                "{} {w}",
                colored::Colorize::bold(colored::Colorize::yellow("warning:"))
            );
        }
        Ok(project)
    }
}

/// Where the project's compiled modules are cached.
pub fn module_cache_dir(project: &Project) -> PathBuf {
    project.cache_dir.join("wasm")
}

/// One line for a run's end: how many modules were compiled and how many came from the
/// cache.
pub fn module_summary(project: &Project) -> String {
    let s = clarinet_wasm_runtime::wasm::module_stats();
    format!(
        "wasm modules: {} compiled, {} from the cache ({})",
        s.compiled,
        s.from_disk,
        project.relative(&module_cache_dir(project))
    )
}
