//! `clarinet-wasm deploy`: the whole project deployed on a fresh simulated chain in plan
//! order, each contract's deployment compared between the runtimes.

use std::process::ExitCode;

use clarinet_wasm_project::deploy::{self, ContractVerdict, Row};
use clarinet_wasm_runtime::dual::{render_cost, Runtimes};
use colored::Colorize;
use serde_json::json;

use crate::project_args::ManifestArg;
use crate::{Format, RuntimeArg};

pub fn run(
    manifest: &ManifestArg,
    runtime: RuntimeArg,
    format: Format,
) -> Result<ExitCode, String> {
    let project = manifest.load()?;
    let runtimes = match runtime {
        RuntimeArg::Both => Runtimes::Both,
        RuntimeArg::Interpreter => Runtimes::Interpreter,
        RuntimeArg::Wasm => Runtimes::Wasm,
    };
    let rows = deploy::check(&project, runtimes);
    let count = |v: ContractVerdict| {
        rows.iter()
            .filter(|r| r.is_contract && r.verdict == v)
            .count()
    };
    let contracts = rows.iter().filter(|r| r.is_contract).count();
    let bad = rows.iter().any(|r| {
        matches!(
            r.verdict,
            ContractVerdict::Mismatch | ContractVerdict::Failed
        )
    });
    match format {
        Format::Json => {
            let row = |r: &Row| {
                json!({
                    "contract": r.what,
                    "file": r.file,
                    "batch": r.batch,
                    "verdict": r.verdict.word(),
                    "reason": r.reason,
                    "cost": r.cost.as_ref().map(|c| json!({
                        "runtime": c.runtime, "read_count": c.read_count,
                        "read_length": c.read_length, "write_count": c.write_count,
                        "write_length": c.write_length,
                    })),
                    "compile_ms": r.wasm.map(|w| w.compile.as_secs_f64() * 1000.0),
                    "wasm_bytes": r.wasm.map(|w| w.bytes),
                })
            };
            let out = json!({
                "contracts": rows.iter().filter(|r| r.is_contract).map(row).collect::<Vec<_>>(),
                "transactions": rows.iter().filter(|r| !r.is_contract).map(|r| {
                    let mut v = row(r);
                    v.as_object_mut().map(|o| {
                        o.remove("contract");
                        o.insert("transaction".into(), json!(r.what));
                    });
                    v
                }).collect::<Vec<_>>(),
                "agree": count(ContractVerdict::Agree),
                "mismatch": count(ContractVerdict::Mismatch),
                "interpreter_only": count(ContractVerdict::InterpreterOnly),
                "refused": count(ContractVerdict::Refused),
                "failed": count(ContractVerdict::Failed),
            });
            println!("{}", serde_json::to_string_pretty(&out).unwrap());
        }
        Format::Text => {
            let plan = match &project.plan.file {
                Some(_) => clarinet_wasm_project::plan::DEFAULT_PLAN.to_string(),
                None => "built from Clarinet.toml".to_string(),
            };
            println!(
                "{}: {contracts} contracts, {} batches (plan: {plan})",
                project.name.bold(),
                project.plan.batches.len()
            );
            let mut batch = usize::MAX;
            for r in &rows {
                if r.batch != batch {
                    batch = r.batch;
                    let epoch = project
                        .plan
                        .batches
                        .get(batch)
                        .map(|b| b.epoch.to_string())
                        .unwrap_or_default();
                    println!("batch {batch} (epoch {epoch})");
                }
                let word = match r.verdict {
                    ContractVerdict::Agree | ContractVerdict::Deployed => r.verdict.word().green(),
                    ContractVerdict::Mismatch => r.verdict.word().magenta().bold(),
                    ContractVerdict::InterpreterOnly | ContractVerdict::Refused => {
                        r.verdict.word().yellow()
                    }
                    ContractVerdict::Failed => r.verdict.word().red().bold(),
                };
                let mut detail = vec![];
                if let Some(c) = &r.cost {
                    detail.push(format!("cost {}", render_cost(c)));
                }
                if let Some(w) = &r.wasm {
                    detail.push(format!(
                        "wasm {} bytes, compiled in {:.1} ms",
                        w.bytes,
                        w.compile.as_secs_f64() * 1000.0
                    ));
                }
                println!(
                    "  {:<16} {}{}",
                    word,
                    r.what,
                    if detail.is_empty() {
                        String::new()
                    } else {
                        format!("  ({})", detail.join("; ")).dimmed().to_string()
                    }
                );
                if let Some(why) = &r.reason {
                    println!("      {why}");
                }
            }
            let mut summary = format!(
                "{contracts} contracts: {} agree, {} mismatch, {} interpreter only",
                count(ContractVerdict::Agree),
                count(ContractVerdict::Mismatch),
                count(ContractVerdict::InterpreterOnly)
            );
            for (v, n) in [
                (ContractVerdict::Refused, "refused"),
                (ContractVerdict::Failed, "failed"),
                (ContractVerdict::Deployed, "deployed"),
            ] {
                if count(v) > 0 {
                    summary += &format!(", {} {n}", count(v));
                }
            }
            println!("\n{summary}");
            if runtimes != Runtimes::Interpreter {
                eprintln!("{}", crate::project_args::module_summary(&project));
            }
        }
    }
    Ok(if bad {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
