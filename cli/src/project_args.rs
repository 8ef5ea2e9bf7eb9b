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
