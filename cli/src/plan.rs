//! `clarinet-wasm plan`: write the simnet deployment plan Clarinet would build
//! (`deployments/default.simnet-plan.yaml`).

use std::process::ExitCode;

use clarinet_wasm_project::plan::{self, Tx};

use crate::project_args::ManifestArg;

pub fn run(manifest: &ManifestArg, stdout: bool, force: bool) -> Result<ExitCode, String> {
    let project = manifest.load()?;
    let yaml = plan::to_yaml(&project.default_plan, &project.accounts);
    if stdout {
        print!("{yaml}");
        return Ok(ExitCode::SUCCESS);
    }
    let path = project.root.join(plan::DEFAULT_PLAN);
    let before = std::fs::read_to_string(&path).ok();
    if before.as_deref() == Some(yaml.as_str()) {
        println!("{} is up to date", plan::DEFAULT_PLAN);
        return Ok(ExitCode::SUCCESS);
    }
    // Calls and transfers someone added to the plan are not Clarinet's to regenerate.
    let added = project
        .plan
        .batches
        .iter()
        .flat_map(|b| &b.transactions)
        .filter(|t| !matches!(t, Tx::Publish { .. }))
        .count();
    if project.plan.file.is_some() && added > 0 && !force {
        return Err(format!(
            "{} holds {added} call(s) or transfer(s) the generated plan would drop; use --force to overwrite it",
            plan::DEFAULT_PLAN
        ));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&path, &yaml).map_err(|e| format!("{}: {e}", path.display()))?;
    let txs: usize = project
        .default_plan
        .batches
        .iter()
        .map(|b| b.transactions.len())
        .sum();
    let publishes = project
        .default_plan
        .batches
        .iter()
        .flat_map(|b| &b.transactions)
        .filter(|t| matches!(t, Tx::Publish { .. }))
        .count();
    println!(
        "{} {}: {} batches, {txs} transactions ({publishes} contract publishes)",
        if before.is_some() { "rewrote" } else { "wrote" },
        plan::DEFAULT_PLAN,
        project.default_plan.batches.len(),
    );
    Ok(ExitCode::SUCCESS)
}
