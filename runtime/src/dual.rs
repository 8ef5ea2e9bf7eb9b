//! The dual-run driver: the same steps on the interpreter and on Wasm, each runtime on its
//! own copy of one starting chain, compared after every step in this order: result (value
//! or error kind), events in order, state written, cost.

use clarity::vm::costs::ExecutionCost;
use clarity::vm::representations::SymbolicExpressionType;
use clarity::vm::types::{PrincipalData, QualifiedContractIdentifier, StandardPrincipalData};
use clarity::vm::{ClarityVersion, Value};

use std::cell::RefCell;
use std::rc::Rc;

use crate::chain::Chain;
use crate::outcome::Outcome;
use crate::trace::{self, Traces};
use crate::wasm::exec::NotRun;
use crate::{interp, wasm};

/// The name of the transient contract a snippet is evaluated in.
pub const SNIPPET_CONTRACT: &str = "repl-snippet";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Agree,
    /// The first difference: which part, and both sides rendered.
    Mismatch {
        part: &'static str,
        interpreter: String,
        wasm: String,
    },
    /// The Wasm path could not run this step (e.g. a word not supported yet).
    WasmNotRun(String),
}

#[derive(Clone, Debug)]
pub struct StepReport {
    pub step: String,
    pub interpreter: Outcome,
    pub wasm: Option<Outcome>,
    pub verdict: Verdict,
    /// How long each runtime took (the console's `::toggle_timings`).
    pub times: Times,
}

/// Wall time of a step on each runtime that ran it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Times {
    pub interpreter: Option<std::time::Duration>,
    pub wasm: Option<std::time::Duration>,
}

impl StepReport {
    pub fn agrees(&self) -> bool {
        self.verdict == Verdict::Agree
    }
}

/// A console input, ready to run (see `Dual::prepare`).
enum Step {
    Call(QualifiedContractIdentifier, String, Vec<Value>),
    Snippet(QualifiedContractIdentifier),
}

/// Which runtimes a `Dual` runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Runtimes {
    Interpreter,
    Wasm,
    Both,
}

#[derive(Clone)]
pub struct Dual {
    pub interp: Chain,
    pub wasm: Chain,
    pub runtimes: Runtimes,
}

pub fn render_result(o: &Outcome) -> String {
    match &o.result {
        Ok(None) => "ok (deployed)".to_string(),
        Ok(Some(v)) => v.to_string(),
        Err(e) => format!("error: {e}"),
    }
}

/// Compare two outcomes; the first difference wins.
pub fn compare(i: &Outcome, w: &Outcome) -> Verdict {
    let (ri, rw) = (render_result(i), render_result(w));
    if ri != rw {
        return Verdict::Mismatch {
            part: "result",
            interpreter: ri,
            wasm: rw,
        };
    }
    let n = i.events.len().max(w.events.len());
    for k in 0..n {
        let (a, b) = (i.events.get(k), w.events.get(k));
        if a != b {
            return Verdict::Mismatch {
                part: "events",
                interpreter: a.map_or_else(|| format!("(no event #{k})"), |e| format!("#{k} {e}")),
                wasm: b.map_or_else(|| format!("(no event #{k})"), |e| format!("#{k} {e}")),
            };
        }
    }
    let keys: std::collections::BTreeSet<_> = i.writes.keys().chain(w.writes.keys()).collect();
    for k in keys {
        let (a, b) = (i.writes.get(k), w.writes.get(k));
        if a != b && !same_json(a, b) {
            // Long values (contract metadata) are shown around their first difference.
            let at = match (a, b) {
                (Some(a), Some(b)) => a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count(),
                _ => 0,
            };
            let show = |v: Option<&String>| match v {
                Some(v) => format!("{k:?} = {}", window(v, at)),
                None => format!("{k:?} not written"),
            };
            return Verdict::Mismatch {
                part: "state",
                interpreter: show(a),
                wasm: show(b),
            };
        }
    }
    match (&i.cost, &w.cost) {
        (Some(a), Some(b)) if a != b => {
            let differ: Vec<&str> = dimensions(a)
                .iter()
                .zip(dimensions(b).iter())
                .filter(|(x, y)| x.1 != y.1)
                .map(|(x, _)| x.0)
                .collect();
            let show = |c: &ExecutionCost| {
                format!("{} (differs in {})", render_cost(c), differ.join(", "))
            };
            Verdict::Mismatch {
                part: "cost",
                interpreter: show(a),
                wasm: show(b),
            }
        }
        (Some(a), None) => Verdict::Mismatch {
            part: "cost",
            interpreter: render_cost(a),
            wasm: "no cost reported".into(),
        },
        (None, Some(b)) => Verdict::Mismatch {
            part: "cost",
            interpreter: "no cost reported".into(),
            wasm: render_cost(b),
        },
        _ => Verdict::Agree,
    }
}

/// The five dimensions of a cost, named as in `ExecutionCost`.
pub fn dimensions(c: &ExecutionCost) -> [(&'static str, u64); 5] {
    [
        ("runtime", c.runtime),
        ("read_count", c.read_count),
        ("read_length", c.read_length),
        ("write_count", c.write_count),
        ("write_length", c.write_length),
    ]
}

pub fn render_cost(c: &ExecutionCost) -> String {
    dimensions(c)
        .iter()
        .map(|(n, v)| format!("{n} {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A cost's non-zero dimensions only (`runtime 1234, read_count 2`), or `no cost`: a
/// node of a call tree, a function's bound.
pub fn render_cost_short(c: &ExecutionCost) -> String {
    let parts: Vec<String> = dimensions(c)
        .iter()
        .filter(|(_, v)| *v != 0)
        .map(|(n, v)| format!("{n} {v}"))
        .collect();
    if parts.is_empty() {
        "no cost".into()
    } else {
        parts.join(", ")
    }
}

/// Contract metadata is JSON of structures holding hash maps, whose order varies from
/// one serialization to the next: compare such values as parsed JSON.
fn same_json(a: Option<&String>, b: Option<&String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) if a.starts_with('{') => {
            match (
                serde_json::from_str::<serde_json::Value>(a),
                serde_json::from_str::<serde_json::Value>(b),
            ) {
                (Ok(mut x), Ok(mut y)) => {
                    sort_sets(&mut x);
                    sort_sets(&mut y);
                    x == y
                }
                _ => false,
            }
        }
        _ => false,
    }
}

/// Hash sets serialize as arrays in arbitrary order; sort the ones a contract holds.
fn sort_sets(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                if k == "persisted_names" || k == "implemented_traits" || k == "ListUnionType" {
                    if let serde_json::Value::Array(a) = x {
                        a.sort_by_key(|e| e.to_string());
                    }
                }
                sort_sets(x);
            }
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(sort_sets),
        _ => {}
    }
}

/// At most ~160 characters of `s` around byte `at`.
fn window(s: &str, at: usize) -> String {
    if s.len() <= 160 {
        return s.to_string();
    }
    let mut start = at.saturating_sub(60);
    while !s.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + 160).min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!(
        "{}{}{} (at char {at} of {})",
        if start > 0 { "…" } else { "" },
        &s[start..end],
        if end < s.len() { "…" } else { "" },
        s.len()
    )
}

impl Dual {
    pub fn new(chain: Chain, runtimes: Runtimes) -> Dual {
        Dual {
            interp: chain.clone(),
            wasm: chain,
            runtimes,
        }
    }

    /// The chain of the reference runtime that ran (for lookups).
    pub fn reference(&mut self) -> &mut Chain {
        if self.runtimes == Runtimes::Wasm {
            &mut self.wasm
        } else {
            &mut self.interp
        }
    }

    fn run(
        &mut self,
        step: String,
        on_interp: impl FnOnce(&mut Chain) -> Outcome,
        on_wasm: impl FnOnce(&mut Chain) -> Result<Outcome, NotRun>,
    ) -> StepReport {
        let mut times = Times::default();
        let interpreter = if self.runtimes != Runtimes::Wasm {
            let t = std::time::Instant::now();
            let o = on_interp(&mut self.interp);
            times.interpreter = Some(t.elapsed());
            Some(o)
        } else {
            None
        };
        let wasm = if self.runtimes != Runtimes::Interpreter {
            let t = std::time::Instant::now();
            let o = on_wasm(&mut self.wasm);
            times.wasm = Some(t.elapsed());
            Some(o)
        } else {
            None
        };
        let report = match (interpreter, wasm) {
            (Some(i), None) => StepReport {
                step,
                interpreter: i,
                wasm: None,
                verdict: Verdict::Agree,
                times: Times::default(),
            },
            (Some(i), Some(Ok(w))) => {
                let verdict = compare(&i, &w);
                StepReport {
                    step,
                    interpreter: i,
                    wasm: Some(w),
                    verdict,
                    times: Times::default(),
                }
            }
            (Some(i), Some(Err(e))) => StepReport {
                step,
                interpreter: i,
                wasm: None,
                verdict: Verdict::WasmNotRun(e.to_string()),
                times: Times::default(),
            },
            (None, Some(Ok(w))) => StepReport {
                step,
                interpreter: w,
                wasm: None,
                verdict: Verdict::Agree,
                times: Times::default(),
            },
            (None, Some(Err(e))) => StepReport {
                step,
                interpreter: Outcome::error(format!("not run on Wasm: {e}")),
                wasm: None,
                verdict: Verdict::WasmNotRun(e.to_string()),
                times: Times::default(),
            },
            (None, None) => unreachable!("at least one runtime runs"),
        };
        StepReport { times, ..report }
    }

    /// Deploy a contract. When the Wasm path cannot compile it, the Wasm chain gets it
    /// from the interpreter instead (so that later contracts can use it) and the report
    /// says `WasmNotRun`.
    pub fn deploy(
        &mut self,
        name: &str,
        source: &str,
        sender: &StandardPrincipalData,
        version: ClarityVersion,
    ) -> StepReport {
        let id = QualifiedContractIdentifier::new(sender.clone(), name.into());
        self.deploy_id(&id, source, version)
    }

    pub fn deploy_id(
        &mut self,
        id: &QualifiedContractIdentifier,
        source: &str,
        version: ClarityVersion,
    ) -> StepReport {
        let both = self.runtimes == Runtimes::Both;
        self.run(
            format!("deploy {id}"),
            |c| interp::deploy(c, id, source, version),
            |c| match wasm::deploy(c, id, source, version) {
                Err(NotRun::Unsupported(e)) if both => {
                    interp::deploy(c, id, source, version);
                    Err(NotRun::Unsupported(e))
                }
                other => other,
            },
        )
    }

    /// Call `function`: a read-only function is a read, anything else a transaction.
    pub fn call(
        &mut self,
        contract: &QualifiedContractIdentifier,
        function: &str,
        args: &[Value],
        sender: &PrincipalData,
    ) -> StepReport {
        // The Wasm chain knows from the compiled metadata, without reading the analysis.
        let chain = if self.runtimes == Runtimes::Interpreter {
            &mut self.interp
        } else {
            &mut self.wasm
        };
        let read_only = is_read_only(chain, contract, function);
        let shown: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        let step = format!(
            "({} {}{}{})",
            if read_only { "read" } else { "call" },
            function,
            if shown.is_empty() { "" } else { " " },
            shown.join(" ")
        );
        self.run(
            step,
            |c| interp::call(c, contract, function, args, sender, read_only),
            |c| wasm::call(c, contract, function, args, sender, read_only),
        )
    }

    /// Evaluate a snippet. A top-level `(contract-call? <contract> <fn> args...)` is a
    /// direct call from `sender` (as in Clarinet's console): its arguments are evaluated,
    /// then the function is called with contract-caller = tx-sender.
    pub fn eval(&mut self, source: &str, sender: &PrincipalData) -> StepReport {
        match self.prepare(source, sender) {
            Ok(step) => self.run_step(source, &step, sender),
            Err(report) => *report,
        }
    }

    /// `eval`, with the call tree of each runtime that ran (the console's `::trace`).
    /// The Wasm side runs on modules compiled with the trace hooks, for this step only.
    pub fn trace(&mut self, source: &str, sender: &PrincipalData) -> (StepReport, Traces) {
        match self.prepare(source, sender) {
            Ok(step) => self.traced(source, &step, sender),
            Err(report) => (*report, Traces::default()),
        }
    }

    /// `call`, with the call tree of each runtime that ran.
    pub fn trace_call(
        &mut self,
        contract: &QualifiedContractIdentifier,
        function: &str,
        args: &[Value],
        sender: &PrincipalData,
    ) -> (StepReport, Traces) {
        let label = trace::contract_call_text(contract, function, args);
        let step = Step::Call(contract.clone(), function.to_string(), args.to_vec());
        self.traced(&label, &step, sender)
    }

    fn traced(
        &mut self,
        source: &str,
        step: &Step,
        sender: &PrincipalData,
    ) -> (StepReport, Traces) {
        let plain = self.wasm.wasm_contracts.clone();
        if self.runtimes != Runtimes::Interpreter {
            match wasm::exec::traced_contracts(&self.wasm) {
                Ok(traced) => self.wasm.wasm_contracts = traced,
                Err(e) => {
                    let report = StepReport {
                        step: source.to_string(),
                        interpreter: Outcome::error(format!("cannot trace on Wasm: {e}")),
                        wasm: None,
                        verdict: Verdict::WasmNotRun(e.to_string()),
                        times: Times::default(),
                    };
                    return (report, Traces::default());
                }
            }
        }
        let on_interp = Rc::new(RefCell::new(trace::Recorder::default()));
        let on_wasm = Rc::new(RefCell::new(trace::Recorder::default()));
        let hook = Box::new(trace::InterpreterTracer::new(on_interp.clone()));
        let (report, _) = crate::chain::with_interpreter_hook(hook, || {
            trace::with_wasm_recorder(on_wasm.clone(), || self.run_step(source, step, sender))
        });
        self.wasm.wasm_contracts = plain;
        let take = |r: Rc<RefCell<trace::Recorder>>| std::mem::take(&mut *r.borrow_mut());
        let traces = match self.runtimes {
            Runtimes::Interpreter => Traces {
                interpreter: Some(take(on_interp).finish(source, &report.interpreter)),
                wasm: None,
            },
            // With Wasm alone, the report's first outcome is Wasm's.
            Runtimes::Wasm => Traces {
                interpreter: None,
                wasm: Some(take(on_wasm).finish(source, &report.interpreter)),
            },
            Runtimes::Both => Traces {
                interpreter: Some(take(on_interp).finish(source, &report.interpreter)),
                wasm: report
                    .wasm
                    .as_ref()
                    .map(|w| take(on_wasm).finish(source, w)),
            },
        };
        (report, traces)
    }

    /// What a snippet is: a direct call with its arguments evaluated, or code to run. A
    /// report when an argument fails.
    fn prepare(&mut self, source: &str, sender: &PrincipalData) -> Result<Step, Box<StepReport>> {
        let Some((contract, function, arg_sources)) = direct_call(source, sender) else {
            let issuer = match sender {
                PrincipalData::Standard(s) => s.clone(),
                PrincipalData::Contract(c) => c.issuer.clone(),
            };
            let id = QualifiedContractIdentifier::new(issuer, SNIPPET_CONTRACT.into());
            return Ok(Step::Snippet(id));
        };
        let mut args = vec![];
        for a in &arg_sources {
            match self.value_of(a, sender) {
                Ok(v) => args.push(v),
                Err(o) => {
                    return Err(Box::new(StepReport {
                        step: source.to_string(),
                        interpreter: o,
                        wasm: None,
                        verdict: Verdict::Agree,
                        times: Times::default(),
                    }))
                }
            }
        }
        Ok(Step::Call(contract, function, args))
    }

    fn run_step(&mut self, source: &str, step: &Step, sender: &PrincipalData) -> StepReport {
        match step {
            Step::Call(contract, function, args) => {
                let mut report = self.call(contract, function, args, sender);
                report.step = source.to_string();
                report
            }
            Step::Snippet(id) => self.run(
                source.to_string(),
                |c| interp::snippet(c, id, source, sender),
                |c| wasm::snippet(c, id, source, sender),
            ),
        }
    }

    /// The value of a closed expression (an argument), computed by the reference on a
    /// scratch copy of the chain.
    pub fn value_of(&mut self, source: &str, sender: &PrincipalData) -> Result<Value, Outcome> {
        let mut scratch = self.reference().clone();
        let issuer = match sender {
            PrincipalData::Standard(s) => s.clone(),
            PrincipalData::Contract(c) => c.issuer.clone(),
        };
        let id = QualifiedContractIdentifier::new(issuer, SNIPPET_CONTRACT.into());
        let out = interp::snippet(&mut scratch, &id, source, sender);
        match &out.result {
            Ok(Some(v)) => Ok(v.clone()),
            _ => Err(out),
        }
    }

    /// Parse and type-check a contract against the reference chain, without deploying it
    /// (analysis writes nothing): the way to get a parse or type error with its position.
    pub fn analyze(
        &mut self,
        id: &QualifiedContractIdentifier,
        source: &str,
        version: ClarityVersion,
    ) -> Result<(), crate::analyze::AnalysisFailure> {
        let chain = self.reference();
        let epoch = chain.epoch;
        crate::analyze::analyze(&mut chain.store, id, source, version, epoch).map(|_| ())
    }

    /// The sponsor of the transactions run from now on (`None`: not sponsored).
    pub fn set_sponsor(&mut self, sponsor: Option<PrincipalData>) {
        self.interp.sponsor = sponsor.clone();
        self.wasm.sponsor = sponsor;
    }

    /// The module the Wasm path deployed for `id`, if it compiled it.
    pub fn wasm_contract(
        &self,
        id: &QualifiedContractIdentifier,
    ) -> Option<std::sync::Arc<crate::wasm::LoadedContract>> {
        if self.runtimes == Runtimes::Interpreter {
            return None;
        }
        self.wasm.wasm_contracts.get(id).cloned()
    }

    /// Move both chains to `epoch`; the Wasm chain's modules follow its cost table.
    pub fn set_epoch(&mut self, epoch: clarity::types::StacksEpochId) -> Result<(), NotRun> {
        self.interp.set_epoch(epoch);
        self.wasm.set_epoch(epoch);
        if self.runtimes == Runtimes::Interpreter {
            return Ok(());
        }
        wasm::rebuild_for_table(&mut self.wasm)
    }

    /// Credit `amount` µSTX to `who` on both chains (the console's `::mint_stx`).
    pub fn mint_stx(&mut self, who: &PrincipalData, amount: u128) {
        self.interp.mint_stx(who, amount);
        self.wasm.mint_stx(who, amount);
    }

    pub fn advance_blocks(&mut self, n: u32) {
        self.interp.advance_blocks(n);
        self.wasm.advance_blocks(n);
    }
}

/// Whether `function` of `contract` is read-only: from its compiled metadata, or else
/// from the stored analysis.
pub fn is_read_only(
    chain: &mut Chain,
    contract: &QualifiedContractIdentifier,
    function: &str,
) -> bool {
    if let Some(f) = chain
        .wasm_contracts
        .get(contract)
        .and_then(|c| c.meta.function(function))
    {
        return f.kind == clarinet_wasm_compiler::FunctionKind::ReadOnly;
    }
    chain
        .analysis_of(contract)
        .is_some_and(|a| a.read_only_function_types.contains_key(function))
}

/// `(contract-call? <literal contract> <name> args...)` → (contract, function, arg sources).
fn direct_call(
    source: &str,
    sender: &PrincipalData,
) -> Option<(QualifiedContractIdentifier, String, Vec<String>)> {
    let issuer = match sender {
        PrincipalData::Standard(s) => s.clone(),
        PrincipalData::Contract(c) => c.issuer.clone(),
    };
    let id = QualifiedContractIdentifier::new(issuer, SNIPPET_CONTRACT.into());
    let ast = clarity::vm::ast::build_ast_with_rules(
        &id,
        source,
        &mut (),
        ClarityVersion::Clarity2,
        clarity::types::StacksEpochId::Epoch24,
        clarity::vm::ast::ASTRules::PrecheckSize,
    )
    .ok()?;
    let [expr] = ast.expressions.as_slice() else {
        return None;
    };
    let items = expr.match_list()?;
    if items.len() < 3 || items[0].match_atom()?.as_str() != "contract-call?" {
        return None;
    }
    let contract = match &items[1].expr {
        SymbolicExpressionType::LiteralValue(Value::Principal(PrincipalData::Contract(c))) => {
            c.clone()
        }
        _ => return None,
    };
    let function = items[2].match_atom()?.to_string();
    let mut args = vec![];
    for a in &items[3..] {
        args.push(crate::analyze::span_text(source, &a.span)?.to_string());
    }
    Some((contract, function, args))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(cost: Option<ExecutionCost>) -> Outcome {
        Outcome {
            result: Ok(Some(Value::Bool(true))),
            events: vec![],
            writes: Default::default(),
            cost,
        }
    }

    fn cost(runtime: u64, read_length: u64) -> ExecutionCost {
        ExecutionCost {
            runtime,
            read_length,
            ..ExecutionCost::zero()
        }
    }

    #[test]
    fn costs_are_compared_dimension_by_dimension() {
        assert_eq!(
            compare(&outcome(Some(cost(5, 1))), &outcome(Some(cost(5, 1)))),
            Verdict::Agree
        );
        match compare(&outcome(Some(cost(5, 1))), &outcome(Some(cost(6, 2)))) {
            Verdict::Mismatch {
                part, interpreter, ..
            } => {
                assert_eq!(part, "cost");
                assert!(
                    interpreter.contains("differs in runtime, read_length"),
                    "{interpreter}"
                );
            }
            v => panic!("{v:?}"),
        }
    }

    #[test]
    fn a_missing_cost_is_a_mismatch() {
        for (i, w) in [(Some(cost(1, 0)), None), (None, Some(cost(1, 0)))] {
            match compare(&outcome(i), &outcome(w)) {
                Verdict::Mismatch { part, .. } => assert_eq!(part, "cost"),
                v => panic!("{v:?}"),
            }
        }
    }
}
