//! `clarinet-wasm test`: the project's Clarity unit tests, on the interpreter or (`--wasm`)
//! on both runtimes with every mismatch reported side by side.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use clarinet_wasm_project::runner::{self, Progress, RunOptions, RunReport, Status, TestResult};
use colored::Colorize;
use serde_json::json;

use crate::project_args::ManifestArg;

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum TestFormat {
    Text,
    Json,
    Junit,
}

#[derive(Args)]
pub struct TestArgs {
    /// Run every test on the interpreter and on Wasm, and compare.
    #[arg(long)]
    pub wasm: bool,
    /// Only tests whose name, function or file contains TEXT.
    #[arg(long, value_name = "TEXT")]
    pub filter: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: TestFormat,
    /// Write the report to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Print each test's cost, on each runtime.
    #[arg(long)]
    pub costs: bool,
    /// A smaller budget per transaction than the mainnet block limit, for both runtimes:
    /// `runtime=N,read_count=N,read_length=N,write_count=N,write_length=N` (any subset).
    #[arg(long, value_name = "DIM=N,...")]
    pub cost_limit: Option<String>,
    /// Write an lcov report of the lines the tests executed.
    #[arg(long, value_name = "FILE")]
    pub coverage: Option<PathBuf>,
    #[command(flatten)]
    pub manifest: ManifestArg,
}

pub fn run(args: &TestArgs) -> Result<ExitCode, String> {
    let project = args.manifest.load()?;
    let cost_limit = match &args.cost_limit {
        Some(s) => Some(
            clarinet_wasm_runtime::chain::parse_cost_limit(s)
                .map_err(|e| format!("--cost-limit: {e}"))?,
        ),
        None => None,
    };
    let opts = RunOptions {
        wasm: args.wasm,
        filter: args.filter.clone(),
        costs: args.costs,
        cost_limit,
        coverage: args.coverage.is_some(),
    };
    let bar = (std::io::stderr().is_terminal()).then(|| {
        let b = indicatif::ProgressBar::new_spinner();
        b.set_style(indicatif::ProgressStyle::with_template("{spinner} {msg}").unwrap());
        b.enable_steady_tick(std::time::Duration::from_millis(120));
        b
    });
    let report = runner::run(&project, &opts, |p| {
        if let Some(b) = &bar {
            match p {
                Progress::Deploying(name) => b.set_message(format!("deploying {name}")),
                Progress::Running { done, total, name } => {
                    b.set_message(format!("[{done}/{total}] {name}"))
                }
            }
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let report = report.map_err(|e| e.to_string())?;

    let text = match args.format {
        TestFormat::Text => text_report(&report, args),
        TestFormat::Json => serde_json::to_string_pretty(&json_report(&report)).unwrap() + "\n",
        TestFormat::Junit => junit_report(&report, &project.name)?,
    };
    match &args.output {
        Some(path) => std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?,
        None => print!("{text}"),
    }
    if let Some(path) = &args.coverage {
        write_lcov(&report, &project.root, path)?;
    }
    if args.costs {
        // For the language server, which shows them beside each function.
        clarinet_wasm_project::measured::write(&project.cache_dir, &report.measured)?;
        eprintln!(
            "cost of each contract function's costliest call: {}",
            project.relative(&clarinet_wasm_project::measured::path(&project.cache_dir))
        );
    }
    if args.wasm {
        eprintln!("{}", crate::project_args::module_summary(&project));
    }
    Ok(if report.failed() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn status_word(r: &TestResult) -> String {
    let s = match r.status {
        Status::Pass => "pass".green(),
        Status::Fail => "fail".red().bold(),
        Status::Mismatch => "mismatch".magenta().bold(),
        Status::NotRun => "not run".yellow().bold(),
    };
    match &r.interpreter_only {
        Some(_) => format!("{s} {}", "(interpreter only)".yellow()),
        None => s.to_string(),
    }
}

fn text_report(report: &RunReport, args: &TestArgs) -> String {
    let mut out = String::new();
    for u in &report.unsupported {
        out += &format!(
            "{} {}: {}\n",
            "unsupported".yellow().bold(),
            u.contract,
            u.reason
        );
    }
    for r in &report.results {
        let what = if r.function.is_empty() || r.name == r.function {
            r.name.clone()
        } else {
            format!("{} ({})", r.name, r.function)
        };
        out += &format!(
            "{} {}:{} {}  {}\n",
            status_word(r),
            r.file,
            r.line,
            what.bold(),
            r.message
        );
        if let Some(why) = &r.interpreter_only {
            out += &format!("    {}\n", why.dimmed());
        }
        if let Some(m) = &r.mismatch {
            let w = m.interpreter.chars().count().max(11);
            let (hi, hw) = crate::report::highlight_diff(&m.interpreter, &m.wasm);
            let pad = " ".repeat(w - m.interpreter.chars().count());
            out += &format!("    first difference in {} at {}\n", m.part.bold(), m.step);
            out += &format!("    {:<w$} | {}\n", "interpreter".bold(), "wasm".bold());
            out += &format!("    {hi}{pad} | {hw}\n");
        }
    }
    if args.costs {
        out += &cost_table(report);
    }
    let interp_only = report
        .results
        .iter()
        .filter(|r| r.interpreter_only.is_some())
        .count();
    out += "\n";
    if args.wasm {
        out += &format!(
            "{} mismatch(es), {} test(s) on the interpreter only\n",
            report.mismatches(),
            interp_only
        );
    }
    if report.not_run() > 0 {
        out += &format!(
            "{} test(s) not run: they need a contract that is not deployed here\n",
            report.not_run()
        );
    }
    out += &format!("{} passed, {} failed\n", report.passed(), report.failed());
    out
}

/// Each test's cost: one row when the runtimes agree (or only the interpreter ran), one
/// row per runtime when they differ.
fn cost_table(report: &RunReport) -> String {
    use clarity::vm::costs::ExecutionCost;
    let row = |name: &str, who: &str, c: &ExecutionCost| {
        format!(
            "  {:<40} {:<11} {:>12} {:>6} {:>8} {:>6} {:>8}\n",
            name, who, c.runtime, c.read_count, c.read_length, c.write_count, c.write_length
        )
    };
    let mut out = "\ncosts\n".to_string();
    out += &format!(
        "  {:<40} {:<11} {:>12} {:>6} {:>8} {:>6} {:>8}\n",
        "test", "runtime", "runtime", "reads", "read-len", "writes", "write-len"
    );
    for r in &report.results {
        match (&r.cost, &r.wasm_cost) {
            (Some(i), Some(w)) if i == w => out += &row(&r.name, "both", i),
            (Some(i), Some(w)) => {
                out += &row(&r.name, "interpreter", i);
                out += &row("", "wasm", w);
            }
            (Some(i), None) => out += &row(&r.name, "interpreter", i),
            (None, Some(w)) => out += &row(&r.name, "wasm", w),
            (None, None) => {}
        }
    }
    out
}

fn cost_json(c: &Option<clarity::vm::costs::ExecutionCost>) -> serde_json::Value {
    c.as_ref().map_or(serde_json::Value::Null, |c| {
        json!({
            "runtime": c.runtime, "read_count": c.read_count, "read_length": c.read_length,
            "write_count": c.write_count, "write_length": c.write_length,
        })
    })
}

fn json_report(report: &RunReport) -> serde_json::Value {
    let tests: Vec<_> = report
        .results
        .iter()
        .map(|r| {
            json!({
                "file": r.file,
                "line": r.line,
                "name": r.name,
                "function": r.function,
                "status": match r.status { Status::Pass => "pass", Status::Fail => "fail", Status::Mismatch => "mismatch", Status::NotRun => "not-run" },
                "message": r.message,
                "interpreter_only": r.interpreter_only,
                "mismatch": r.mismatch.as_ref().map(|m| json!({"step": m.step, "part": m.part, "interpreter": m.interpreter, "wasm": m.wasm})),
                "cost": cost_json(&r.cost),
                "wasm_cost": cost_json(&r.wasm_cost),
                "duration_ms": r.duration.as_secs_f64() * 1000.0,
            })
        })
        .collect();
    json!({
        "passed": report.passed(),
        "failed": report.failed(),
        "mismatches": report.mismatches(),
        "not_run": report.not_run(),
        "unsupported": report.unsupported.iter().map(|u| json!({"contract": u.contract, "file": u.file, "reason": u.reason})).collect::<Vec<_>>(),
        "tests": tests,
    })
}

fn junit_report(report: &RunReport, project: &str) -> Result<String, String> {
    use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};
    let mut suites: std::collections::BTreeMap<String, TestSuite> = Default::default();
    for r in &report.results {
        let status = match r.status {
            Status::Pass => TestCaseStatus::success(),
            Status::NotRun => {
                let mut s = TestCaseStatus::skipped();
                s.set_message(r.message.clone());
                s
            }
            Status::Fail | Status::Mismatch => {
                let mut s = TestCaseStatus::non_success(NonSuccessKind::Failure);
                let message = match &r.mismatch {
                    Some(m) => format!(
                        "mismatch in {}: interpreter {} | wasm {}",
                        m.part, m.interpreter, m.wasm
                    ),
                    None => r.message.clone(),
                };
                s.set_message(message);
                s.set_type(if r.status == Status::Mismatch {
                    "mismatch"
                } else {
                    "failure"
                });
                s
            }
        };
        let mut case = TestCase::new(r.name.clone(), status);
        case.set_classname(r.file.clone());
        case.set_time(r.duration);
        if let Some(why) = &r.interpreter_only {
            case.set_system_out(format!("interpreter only: {why}"));
        }
        suites
            .entry(r.file.clone())
            .or_insert_with(|| TestSuite::new(r.file.clone()))
            .add_test_case(case);
    }
    let mut rep = Report::new(project.to_string());
    rep.add_test_suites(suites.into_values());
    rep.to_string().map_err(|e| format!("junit: {e}"))
}

fn write_lcov(
    report: &RunReport,
    root: &std::path::Path,
    path: &std::path::Path,
) -> Result<(), String> {
    let mut out = String::new();
    for (file, (lines, executed)) in report.coverage.iter().flatten() {
        out += &format!("TN:\nSF:{}\n", root.join(file).display());
        for l in lines {
            out += &format!("DA:{l},{}\n", executed.get(l).copied().unwrap_or(0));
        }
        let hit = lines
            .iter()
            .filter(|l| executed.get(l).copied().unwrap_or(0) > 0)
            .count();
        out += &format!("LH:{hit}\nLF:{}\nend_of_record\n", lines.len());
    }
    std::fs::write(path, out).map_err(|e| format!("{}: {e}", path.display()))
}
