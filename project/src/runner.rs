//! Runs a project's Clarity unit tests: deploy everything once, then each test on its own
//! copy of that state; on the interpreter, or (`wasm`) on both runtimes, compared.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use clarinet_wasm_runtime::chain::Coverage;
use clarinet_wasm_runtime::dual::{render_result, Dual, Runtimes, StepReport, Verdict};
use clarity::vm::costs::ExecutionCost;
use clarity::vm::types::{PrincipalData, QualifiedContractIdentifier};
use clarity::vm::Value;

use crate::deploy::Outcome;
use crate::manifest::{dependency_map, Project, ProjectContract, ProjectError};
use crate::unit_tests::{self, TestCase, TestFile};

#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// Run on both runtimes and compare.
    pub wasm: bool,
    /// Only tests whose name, function or file contains this text.
    pub filter: Option<String>,
    /// Show costs (metering itself is always on).
    pub costs: bool,
    /// A transaction budget smaller than the mainnet block limit (both runtimes).
    pub cost_limit: Option<ExecutionCost>,
    /// Count the lines the interpreter evaluates.
    pub coverage: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Pass,
    Fail,
    Mismatch,
    /// Needs a contract that is not deployed here (Clarity 3+): run on neither runtime.
    NotRun,
}

#[derive(Debug, Clone)]
pub struct Mismatch {
    pub step: String,
    pub part: String,
    pub interpreter: String,
    pub wasm: String,
}

#[derive(Debug, Clone)]
pub struct TestResult {
    /// The test file, relative to the project root.
    pub file: String,
    pub name: String,
    pub function: String,
    pub line: u32,
    pub status: Status,
    /// The test's value or error (the interpreter's).
    pub message: String,
    /// Why the test ran on the interpreter alone, when `wasm` was asked for.
    pub interpreter_only: Option<String>,
    pub mismatch: Option<Mismatch>,
    /// The test call's cost on the interpreter, and on Wasm when it ran there.
    pub cost: Option<ExecutionCost>,
    pub wasm_cost: Option<ExecutionCost>,
    pub duration: Duration,
}

/// A contract the compiler refused: the tests needing it run on the interpreter alone.
#[derive(Debug, Clone)]
pub struct Unsupported {
    pub contract: String,
    pub file: String,
    pub reason: String,
}

#[derive(Debug, Clone, Default)]
pub struct RunReport {
    pub results: Vec<TestResult>,
    pub unsupported: Vec<Unsupported>,
    /// Lines evaluated, per source file (relative path) → (line → count), plus the
    /// executable lines of each file.
    pub coverage: Option<BTreeMap<String, (Vec<u32>, BTreeMap<u32, u64>)>>,
    /// With `costs`: the most one call of each contract function cost (see `measured`).
    pub measured: crate::measured::Measured,
}

impl RunReport {
    pub fn passed(&self) -> usize {
        self.results
            .iter()
            .filter(|r| r.status == Status::Pass)
            .count()
    }

    pub fn failed(&self) -> usize {
        self.results.len() - self.passed() - self.not_run()
    }

    pub fn not_run(&self) -> usize {
        self.results
            .iter()
            .filter(|r| r.status == Status::NotRun)
            .count()
    }

    pub fn mismatches(&self) -> usize {
        self.results
            .iter()
            .filter(|r| r.status == Status::Mismatch)
            .count()
    }
}

pub enum Progress<'a> {
    Deploying(&'a str),
    Running {
        done: usize,
        total: usize,
        name: &'a str,
    },
}

/// Deploy a contract on `dual`; an error in the contract itself is returned with its
/// position.
fn deploy(dual: &mut Dual, project: &Project, c: &ProjectContract) -> Result<StepReport, String> {
    if let Err(f) = dual.analyze(&c.id, &c.source, c.version) {
        let (l, col) = f.line_col();
        return Err(format!(
            "{}:{l}:{col}: error: {}",
            project.relative(&c.path),
            f.diagnostic.message
        ));
    }
    let r = dual.deploy_id(&c.id, &c.source, c.version);
    if let Err(e) = &r.interpreter.result {
        return Err(format!(
            "{}: deployment failed: {e}",
            project.relative(&c.path)
        ));
    }
    Ok(r)
}

pub fn run(
    project: &Project,
    opts: &RunOptions,
    mut progress: impl FnMut(Progress),
) -> Result<RunReport, ProjectError> {
    let mut chain = project.chain();
    if let Some(limit) = &opts.cost_limit {
        chain.cost_limit = limit.clone();
    }
    let coverage = opts
        .coverage
        .then(|| Arc::new(Mutex::new(Coverage::default())));
    chain.coverage = coverage.clone();
    let mut base = Dual::new(
        chain,
        if opts.wasm {
            Runtimes::Both
        } else {
            Runtimes::Interpreter
        },
    );

    let mut report = RunReport::default();
    let mut not_compiled: BTreeMap<QualifiedContractIdentifier, String> = BTreeMap::new();
    let mut failed: Option<String> = None;
    crate::deploy::apply(&mut base, project, |a| {
        if failed.is_some() {
            return;
        }
        let Some(c) = a.contract else { return };
        progress(Progress::Deploying(c.name()));
        match &a.outcome {
            Outcome::Ran { report: r, .. } => match &r.interpreter.result {
                Err(e) => {
                    failed = Some(format!(
                        "{}: deployment failed: {e}",
                        project.relative(&c.path)
                    ))
                }
                Ok(_) => note_deployment(project, c, r, &mut report, &mut not_compiled),
            },
            Outcome::Invalid(e) => failed = Some(e.clone()),
            Outcome::BadArgument(_) | Outcome::Refused(_) => {}
        }
    });
    if let Some(e) = failed {
        return Err(ProjectError(e));
    }

    let deployer = project.deployer();
    let mut files: Vec<TestFile> = vec![];
    for path in unit_tests::discover(project)? {
        files.push(unit_tests::parse(
            project,
            &path,
            &deployer,
            project.clarity_version(),
        )?);
    }
    let matches = |f: &TestFile, t: &TestCase| match &opts.filter {
        None => true,
        Some(s) => {
            t.name.contains(s.as_str())
                || t.function.contains(s.as_str())
                || project.relative(&f.contract.path).contains(s.as_str())
        }
    };
    let total: usize = files
        .iter()
        .map(|f| f.tests.iter().filter(|t| matches(f, t)).count())
        .sum();
    let mut done = 0;

    let mut all_contracts: Vec<ProjectContract> = project.contracts.clone();
    all_contracts.extend(files.iter().map(|f| f.contract.clone()));
    let deps = dependency_map(&all_contracts);

    for file in &files {
        let selected: Vec<&TestCase> = file.tests.iter().filter(|t| matches(file, t)).collect();
        if selected.is_empty() {
            continue;
        }
        let rel = project.relative(&file.contract.path);
        progress(Progress::Deploying(file.contract.name()));
        let mut with_file = base.clone();
        let deployed = deploy(&mut with_file, project, &file.contract);
        let deployed = match deployed {
            Ok(r) => {
                note_deployment(project, &file.contract, &r, &mut report, &mut not_compiled);
                Ok(())
            }
            Err(e) => Err(e),
        };
        let interpreter_only = if opts.wasm {
            first_needed(&file.contract.id, &deps, &not_compiled)
                .map(|(c, why)| format!("{c} is not compiled to Wasm: {why}"))
        } else {
            None
        };
        let not_run = first_needed(&file.contract.id, &deps, &project.refused).map(|(c, why)| {
            format!(
                "not run on either runtime: it needs contract '{c}', which is not deployed ({why})"
            )
        });
        for case in selected {
            done += 1;
            progress(Progress::Running {
                done,
                total,
                name: &case.name,
            });
            let started = Instant::now();
            let mut result = TestResult {
                file: rel.clone(),
                name: case.name.clone(),
                function: case.function.clone(),
                line: case.line,
                status: Status::Fail,
                message: String::new(),
                interpreter_only: interpreter_only.clone(),
                mismatch: None,
                cost: None,
                wasm_cost: None,
                duration: Duration::ZERO,
            };
            match &deployed {
                _ if not_run.is_some() => {
                    result.status = Status::NotRun;
                    result.message = not_run.clone().unwrap_or_default();
                    result.interpreter_only = None;
                }
                Err(e) => result.message = e.clone(),
                Ok(()) => {
                    let mut d = with_file.clone();
                    if interpreter_only.is_some() {
                        d.runtimes = Runtimes::Interpreter;
                    }
                    run_case(
                        project,
                        file,
                        case,
                        &mut d,
                        &mut result,
                        opts.costs.then_some(&mut report.measured),
                    );
                }
            }
            if let Some(problem) = case.problems.first() {
                result.status = Status::Fail;
                result.message = problem.clone();
            }
            result.duration = started.elapsed();
            report.results.push(result);
        }
    }

    if let Some(cov) = coverage {
        let lines = std::mem::take(&mut cov.lock().unwrap().lines);
        let mut out = BTreeMap::new();
        for c in project
            .contracts
            .iter()
            .filter(|c| !c.is_requirement)
            .chain(files.iter().map(|f| &f.contract))
        {
            let executed = lines.get(&c.id).cloned().unwrap_or_default();
            out.insert(project.relative(&c.path), (executable_lines(c), executed));
        }
        report.coverage = Some(out);
    }
    Ok(report)
}

fn note_deployment(
    project: &Project,
    c: &ProjectContract,
    r: &StepReport,
    report: &mut RunReport,
    not_compiled: &mut BTreeMap<QualifiedContractIdentifier, String>,
) {
    match &r.verdict {
        Verdict::WasmNotRun(why) => {
            not_compiled.insert(c.id.clone(), why.clone());
            report.unsupported.push(Unsupported {
                contract: c.id.to_string(),
                file: project.relative(&c.path),
                reason: why.clone(),
            });
        }
        Verdict::Mismatch {
            part,
            interpreter,
            wasm,
        } => report.results.push(TestResult {
            file: project.relative(&c.path),
            name: format!("deployment of {}", c.name()),
            function: String::new(),
            line: 1,
            status: Status::Mismatch,
            message: render_result(&r.interpreter),
            interpreter_only: None,
            mismatch: Some(Mismatch {
                step: r.step.clone(),
                part: part.to_string(),
                interpreter: interpreter.clone(),
                wasm: wasm.clone(),
            }),
            cost: None,
            wasm_cost: None,
            duration: Duration::ZERO,
        }),
        Verdict::Agree => {}
    }
}

/// The first contract in `id`'s dependency closure that `marked` names, and why.
fn first_needed<'m>(
    id: &QualifiedContractIdentifier,
    deps: &BTreeMap<QualifiedContractIdentifier, BTreeSet<QualifiedContractIdentifier>>,
    marked: &'m BTreeMap<QualifiedContractIdentifier, String>,
) -> Option<(String, &'m String)> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![id.clone()];
    while let Some(c) = todo.pop() {
        if !seen.insert(c.clone()) {
            continue;
        }
        if let Some(why) = marked.get(&c) {
            return Some((c.name.to_string(), why));
        }
        if let Some(ds) = deps.get(&c) {
            todo.extend(ds.iter().cloned());
        }
    }
    None
}

fn run_case(
    project: &Project,
    file: &TestFile,
    case: &TestCase,
    d: &mut Dual,
    result: &mut TestResult,
    measure: Option<&mut crate::measured::Measured>,
) {
    let deployer = PrincipalData::Standard(project.deployer());
    let caller = match &case.caller {
        None => deployer.clone(),
        Some(c) => {
            match project.principal(c) {
                Some(p) => p,
                None => {
                    result.message = format!("@caller '{c}' is neither an account of settings/Devnet.toml nor a principal");
                    return;
                }
            }
        }
    };
    let sponsor = match &case.sponsor {
        None => None,
        Some(s) => match project.principal(s) {
            Some(p) => Some(p),
            None => {
                result.message = format!(
                    "@sponsor '{s}' is neither an account of settings/Devnet.toml nor a principal"
                );
                return;
            }
        },
    };
    if case.mine_blocks_before > 0 {
        d.advance_blocks(case.mine_blocks_before);
    }
    if file.has_prepare && !case.no_prepare {
        let r = d.call(&file.contract.id, "prepare", &[], &deployer);
        if !check_step(&r, result) {
            return;
        }
        if !is_ok_response(&r) {
            result.message = format!("prepare failed: {}", render_result(&r.interpreter));
            return;
        }
    }
    d.set_sponsor(sponsor);
    let r = match measure {
        // The interpreter's call tree gives each call's cost (`measured`).
        Some(m) => {
            use clarinet_wasm_runtime::trace::{InterpreterTracer, Recorder};
            let rec = std::rc::Rc::new(std::cell::RefCell::new(Recorder::default()));
            let hook = Box::new(InterpreterTracer::new(rec.clone()));
            let (r, _) = clarinet_wasm_runtime::chain::with_interpreter_hook(hook, || {
                d.call(&file.contract.id, &case.function, &[], &caller)
            });
            let tree =
                std::mem::take(&mut *rec.borrow_mut()).finish(&case.function, &r.interpreter);
            crate::measured::record(m, &tree);
            r
        }
        None => d.call(&file.contract.id, &case.function, &[], &caller),
    };
    d.set_sponsor(None);
    result.cost = r.interpreter.cost.clone();
    result.wasm_cost = r.wasm.as_ref().and_then(|w| w.cost.clone());
    result.message = render_result(&r.interpreter);
    if !check_step(&r, result) {
        return;
    }
    result.status = if is_ok_response(&r) {
        Status::Pass
    } else {
        Status::Fail
    };
}

/// Record a mismatch; false when the step disagreed.
fn check_step(r: &StepReport, result: &mut TestResult) -> bool {
    if let Verdict::Mismatch {
        part,
        interpreter,
        wasm,
    } = &r.verdict
    {
        result.status = Status::Mismatch;
        result.message = render_result(&r.interpreter);
        result.mismatch = Some(Mismatch {
            step: r.step.clone(),
            part: part.to_string(),
            interpreter: interpreter.clone(),
            wasm: wasm.clone(),
        });
        return false;
    }
    true
}

fn is_ok_response(r: &StepReport) -> bool {
    matches!(&r.interpreter.result, Ok(Some(Value::Response(d))) if d.committed)
}

/// Lines holding an evaluable atom or literal.
fn executable_lines(c: &ProjectContract) -> Vec<u32> {
    use clarity::vm::ast::{build_ast_with_rules, ASTRules};
    let mut lines = BTreeSet::new();
    if let Ok(ast) = build_ast_with_rules(
        &c.id,
        &c.source,
        &mut (),
        c.version,
        c.epoch,
        ASTRules::PrecheckSize,
    ) {
        fn walk(e: &clarity::vm::SymbolicExpression, out: &mut BTreeSet<u32>) {
            match e.match_list() {
                Some(items) => items.iter().for_each(|x| walk(x, out)),
                None if e.span.start_line > 0 => {
                    out.insert(e.span.start_line);
                }
                None => {}
            }
        }
        for e in &ast.expressions {
            walk(e, &mut lines);
        }
    }
    lines.into_iter().collect()
}
