//! Applying a project's deployment plan to a chain, batch by batch, on one or both
//! runtimes: each batch in its epoch, each transaction reported, the chain tip advanced
//! one block after each batch (as Clarinet's simnet does).

use std::time::Duration;

use clarinet_wasm_runtime::dual::{Dual, StepReport};
use clarity::vm::types::PrincipalData;

use crate::manifest::{Project, ProjectContract};
use crate::plan::Tx;

/// What happened to one transaction of the plan.
pub struct Applied<'p> {
    pub batch: usize,
    pub tx: &'p Tx,
    /// The contract a publish deploys.
    pub contract: Option<&'p ProjectContract>,
    pub outcome: Outcome,
}

pub enum Outcome {
    /// Ran (on one or both runtimes); `wasm` says how its module was made.
    Ran {
        report: StepReport,
        wasm: Option<WasmInfo>,
    },
    /// A publish that does not parse or type-check: `file:line:col: error: …`.
    Invalid(String),
    /// Not run here (Clarity 3+, or needing such a contract).
    Refused(String),
    /// A call's argument that does not evaluate.
    BadArgument(String),
}

/// The module the Wasm path made for a deployed contract.
#[derive(Debug, Clone, Copy)]
pub struct WasmInfo {
    pub bytes: usize,
    pub compile: Duration,
}

/// Apply the whole plan to `dual`; `each` sees every transaction as it is applied.
pub fn apply<'p>(dual: &mut Dual, project: &'p Project, mut each: impl FnMut(&Applied<'p>)) {
    for b in &project.plan.batches {
        epoch(dual, b.epoch.runs_at());
        for tx in &b.transactions {
            let (contract, outcome) = apply_tx(dual, project, tx);
            each(&Applied {
                batch: b.id,
                tx,
                contract,
                outcome,
            });
        }
        dual.advance_blocks(1);
    }
    // Tests run in the project's epoch.
    epoch(dual, project.epoch());
}

/// Move to a batch's epoch. Should a module not rebuild for the new cost table, the
/// contract's calls say so: the Wasm chain keeps the module of the earlier epoch, whose
/// charges then differ from the interpreter's, and every such step is a mismatch.
fn epoch(dual: &mut Dual, epoch: clarity::types::StacksEpochId) {
    let _ = dual.set_epoch(epoch);
}

fn apply_tx<'p>(
    dual: &mut Dual,
    project: &'p Project,
    tx: &'p Tx,
) -> (Option<&'p ProjectContract>, Outcome) {
    match tx {
        Tx::Publish { id, .. } => {
            let c = project
                .contract(id)
                .expect("every contract the plan publishes is loaded");
            (Some(c), publish(dual, project, c))
        }
        Tx::Call {
            contract,
            sender,
            method,
            parameters,
        } => {
            let sender = PrincipalData::Standard(sender.clone());
            let mut args = vec![];
            for p in parameters {
                match dual.value_of(p, &sender) {
                    Ok(v) => args.push(v),
                    Err(o) => {
                        let why = clarinet_wasm_runtime::dual::render_result(&o);
                        return (None, Outcome::BadArgument(format!("{p}: {why}")));
                    }
                }
            }
            let report = dual.call(contract, method, &args, &sender);
            (None, Outcome::Ran { report, wasm: None })
        }
        Tx::StxTransfer {
            sender,
            recipient,
            amount,
        } => {
            let report = dual.eval(
                &format!("(stx-transfer? u{amount} tx-sender '{recipient})"),
                &PrincipalData::Standard(sender.clone()),
            );
            (None, Outcome::Ran { report, wasm: None })
        }
    }
}

fn publish(dual: &mut Dual, project: &Project, c: &ProjectContract) -> Outcome {
    if let Some(why) = project.refused.get(&c.id) {
        return Outcome::Refused(why.clone());
    }
    if let Err(f) = dual.analyze(&c.id, &c.source, c.version) {
        let (l, col) = f.line_col();
        return Outcome::Invalid(format!(
            "{}:{l}:{col}: error: {}",
            project.relative(&c.path),
            f.diagnostic.message
        ));
    }
    let report = dual.deploy_id(&c.id, &c.source, c.version);
    let wasm = dual.wasm_contract(&c.id).map(|l| WasmInfo {
        bytes: l.compiled.wasm.len(),
        compile: l.compile_time,
    });
    Outcome::Ran { report, wasm }
}

/// A contract's line in `clarinet-wasm deploy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContractVerdict {
    /// Both runtimes deployed it with the same result, state and cost.
    Agree,
    Mismatch,
    /// The Wasm path did not compile it; the interpreter deployed it on both chains.
    InterpreterOnly,
    /// Not deployed here (Clarity 3+, or needing such a contract).
    Refused,
    /// Its deployment fails (on the reference, and identically on Wasm when it ran).
    Failed,
    /// One runtime only was asked for, and it deployed the contract.
    Deployed,
}

impl ContractVerdict {
    pub fn word(self) -> &'static str {
        match self {
            ContractVerdict::Agree => "agree",
            ContractVerdict::Mismatch => "mismatch",
            ContractVerdict::InterpreterOnly => "interpreter-only",
            ContractVerdict::Refused => "refused",
            ContractVerdict::Failed => "failed",
            ContractVerdict::Deployed => "deployed",
        }
    }
}

pub struct Row {
    pub batch: usize,
    /// The contract name, or the transaction for calls and transfers.
    pub what: String,
    pub file: Option<String>,
    pub verdict: ContractVerdict,
    pub reason: Option<String>,
    /// The reference's cost (the interpreter's, or Wasm's when it ran alone).
    pub cost: Option<clarity::vm::costs::ExecutionCost>,
    pub wasm: Option<WasmInfo>,
    pub is_contract: bool,
}

/// Deploy the whole project on a fresh chain, in plan order, and say for each
/// transaction whether the runtimes agree.
pub fn check(project: &Project, runtimes: clarinet_wasm_runtime::dual::Runtimes) -> Vec<Row> {
    use clarinet_wasm_runtime::dual::{Runtimes, Verdict};
    let mut dual = Dual::new(project.chain(), runtimes);
    let mut rows = vec![];
    apply(&mut dual, project, |a| {
        let (what, file) = match (a.contract, a.tx) {
            (Some(c), _) => (c.id.to_string(), Some(project.relative(&c.path))),
            (
                None,
                Tx::Call {
                    contract,
                    method,
                    parameters,
                    ..
                },
            ) => (
                format!("({} {} {})", contract.name, method, parameters.join(" "))
                    .replace(" )", ")"),
                None,
            ),
            (
                None,
                Tx::StxTransfer {
                    recipient, amount, ..
                },
            ) => (format!("stx-transfer {amount} to {recipient}"), None),
            (None, Tx::Publish { id, .. }) => (id.to_string(), None),
        };
        let mut row = Row {
            batch: a.batch,
            what,
            file,
            verdict: ContractVerdict::Failed,
            reason: None,
            cost: None,
            wasm: None,
            is_contract: a.contract.is_some(),
        };
        match &a.outcome {
            Outcome::Refused(why) => {
                row.verdict = ContractVerdict::Refused;
                row.reason = Some(why.clone());
            }
            Outcome::Invalid(e) | Outcome::BadArgument(e) => row.reason = Some(e.clone()),
            Outcome::Ran { report, wasm } => {
                row.cost = report.interpreter.cost.clone();
                row.wasm = *wasm;
                let failed = report
                    .interpreter
                    .result
                    .as_ref()
                    .err()
                    .map(|e| e.to_string());
                row.verdict = match &report.verdict {
                    Verdict::Mismatch {
                        part,
                        interpreter,
                        wasm,
                    } => {
                        row.reason = Some(format!(
                            "first difference in {part}: interpreter {interpreter} | wasm {wasm}"
                        ));
                        ContractVerdict::Mismatch
                    }
                    Verdict::WasmNotRun(why) => {
                        row.reason = Some(failed.clone().unwrap_or_else(|| why.clone()));
                        if failed.is_some() {
                            ContractVerdict::Failed
                        } else {
                            ContractVerdict::InterpreterOnly
                        }
                    }
                    Verdict::Agree if failed.is_some() => {
                        row.reason = failed;
                        ContractVerdict::Failed
                    }
                    Verdict::Agree if runtimes != Runtimes::Both => ContractVerdict::Deployed,
                    Verdict::Agree => ContractVerdict::Agree,
                };
            }
        }
        rows.push(row);
    });
    rows
}
