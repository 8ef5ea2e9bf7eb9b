//! `clarinet-wasm run`: deploy files in order, then calls and snippets; every step on the
//! chosen runtime(s), compared when both run.

use std::path::PathBuf;
use std::process::ExitCode;

use clarinet_wasm_runtime::dual::{Dual, Runtimes, StepReport, Verdict};
use clarity::vm::types::QualifiedContractIdentifier;

use crate::common::{parse_principal, parse_sender, read_contract, standard_of, ChainArgs};
use crate::report;
use crate::{Format, RuntimeArg};

/// Who sends the transactions (`--sender`) and who sponsors them (`--sponsor`).
pub struct Who<'a> {
    pub sender: Option<&'a str>,
    pub sponsor: Option<&'a str>,
}

pub fn run(
    files: &[PathBuf],
    runtime: RuntimeArg,
    calls: &[String],
    evals: &[String],
    who: Who,
    args: &ChainArgs,
    format: Format,
) -> Result<ExitCode, String> {
    let chain = args.chain()?;
    let sender = parse_sender(&chain, who.sender)?;
    let runtimes = match runtime {
        RuntimeArg::Interpreter => Runtimes::Interpreter,
        RuntimeArg::Wasm => Runtimes::Wasm,
        RuntimeArg::Both => Runtimes::Both,
    };
    let sponsor = who
        .sponsor
        .map(|s| parse_principal(&chain, s, "--sponsor"))
        .transpose()?;
    let mut dual = Dual::new(chain, runtimes);
    dual.set_sponsor(sponsor);
    let mut reports: Vec<StepReport> = vec![];
    let mut last: Option<QualifiedContractIdentifier> = None;
    for file in files {
        let (source, name) = read_contract(file)?;
        let id = QualifiedContractIdentifier::new(standard_of(&sender), name.clone());
        // Parse and type errors are the user's to fix: report them at their position.
        if let Err(f) = dual.analyze(&id, &source, args.version()) {
            let (l, c) = f.line_col();
            return Err(format!(
                "{}:{l}:{c}: error: {}",
                file.display(),
                f.diagnostic.message
            ));
        }
        let mut r = dual.deploy(&name, &source, &standard_of(&sender), args.version());
        if let Verdict::WasmNotRun(why) = &r.verdict {
            r.verdict = Verdict::WasmNotRun(format!("{}:{why}", file.display()));
        }
        reports.push(r);
        last = Some(id);
    }
    for call in calls {
        let Some(contract) = &last else {
            return Err("--call needs a contract".into());
        };
        let source = format!(
            "(contract-call? '{contract} {})",
            call.trim().trim_start_matches('(').trim_end_matches(')')
        );
        if !call.trim().starts_with('(') {
            return Err(format!(
                "--call: expected \"(function arg ...)\", got '{call}'"
            ));
        }
        let mut r = dual.eval(&source, &sender);
        r.step = call.clone();
        reports.push(r);
    }
    for e in evals {
        reports.push(dual.eval(e, &sender));
    }
    let failed = reports.iter().any(|r| !r.agrees());
    match format {
        Format::Text => report::print_text(&reports, runtimes),
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&report::to_json(&reports, runtimes)).unwrap()
        ),
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
