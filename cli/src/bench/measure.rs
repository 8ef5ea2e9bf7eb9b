//! Timing the suite's steps on the metered interpreter, on metered Wasm, and on Wasm
//! compiled without charges, in this process; and the native kernels.

use std::time::{Duration, Instant};

use clarinet_wasm_runtime::chain::{devnet_accounts, Chain};
use clarinet_wasm_runtime::dual::{compare, render_result, Verdict};
use clarinet_wasm_runtime::{interp, wasm, Outcome};
use clarity::types::StacksEpochId;
use clarity::vm::types::{PrincipalData, QualifiedContractIdentifier};
use clarity::vm::{ClarityVersion, ContractName, Value};

use super::cases::{fresh_sender, Case, Step};

/// Per-step durations of one way of running.
#[derive(Default)]
pub struct Samples(pub Vec<Duration>);

impl Samples {
    fn micros(&self, pick: impl Fn(&[Duration]) -> Duration) -> Option<f64> {
        let mut v = self.0.clone();
        v.sort();
        (!v.is_empty()).then(|| pick(&v).as_secs_f64() * 1e6)
    }
    pub fn median(&self) -> Option<f64> {
        self.micros(|v| v[v.len() / 2])
    }
    pub fn min(&self) -> Option<f64> {
        self.micros(|v| v[0])
    }
    pub fn max(&self) -> Option<f64> {
        self.micros(|v| v[v.len() - 1])
    }
}

pub struct Measured {
    pub interpreter: Samples,
    pub wasm: Samples,
    pub uncharged: Samples,
    /// Metered Wasm again, measured beside the uncharged runs.
    pub wasm_again: Samples,
    /// The interpreter's last step, to check peers against.
    pub reference: Outcome,
}

#[derive(Clone, Copy, PartialEq)]
enum Way {
    Interpreter,
    Wasm,
}

/// A chain for one way of running with the case's contracts deployed and its setup done.
struct Prepared {
    chain: Chain,
    way: Way,
    target: Option<QualifiedContractIdentifier>,
}

/// How many fresh senders a run needs: every step of both rounds has its own.
pub fn senders_needed(steps: usize) -> usize {
    2 * steps
}

fn prepare(case: &Case, way: Way, charges: bool, steps: usize) -> Result<Prepared, String> {
    let mut accounts = devnet_accounts();
    if matches!(
        case.step,
        Step::Call {
            fresh_senders: true,
            ..
        }
    ) {
        accounts.extend((0..senders_needed(steps)).map(fresh_sender));
    }
    let mut chain = Chain::new(StacksEpochId::Epoch24, ClarityVersion::Clarity2, &accounts);
    chain.wasm_charges = charges;
    let mut p = Prepared {
        chain,
        way,
        target: None,
    };
    for (name, source) in case.contracts {
        let id = QualifiedContractIdentifier::new(p.chain.deployer(), (*name).into());
        let out = p.deploy(&id, source())?;
        if let Err(e) = &out.result {
            return Err(format!("{name}: deployment failed: {e}"));
        }
        p.target = Some(id);
    }
    let deployer = PrincipalData::Standard(p.chain.deployer());
    for (function, args) in case.setup {
        let args = args(&p.chain);
        let out = p.call(function, &args, &deployer, false)?;
        if !matches!(&out.result, Ok(Some(Value::Response(r))) if r.committed) {
            return Err(format!(
                "{}: setup call {function} failed: {:?}",
                case.name, out.result
            ));
        }
    }
    Ok(p)
}

impl Prepared {
    fn deploy(
        &mut self,
        id: &QualifiedContractIdentifier,
        source: &str,
    ) -> Result<Outcome, String> {
        let v = self.chain.clarity_version;
        match self.way {
            Way::Interpreter => Ok(interp::deploy(&mut self.chain, id, source, v)),
            Way::Wasm => wasm::deploy(&mut self.chain, id, source, v)
                .map_err(|e| format!("{}: not compiled: {e}", id.name)),
        }
    }

    fn call(
        &mut self,
        function: &str,
        args: &[Value],
        sender: &PrincipalData,
        read_only: bool,
    ) -> Result<Outcome, String> {
        let target = self.target.clone().ok_or("a call needs a contract")?;
        match self.way {
            Way::Interpreter => Ok(interp::call(
                &mut self.chain,
                &target,
                function,
                args,
                sender,
                read_only,
            )),
            Way::Wasm => wasm::call(&mut self.chain, &target, function, args, sender, read_only)
                .map_err(|e| e.to_string()),
        }
    }

    /// The case's `i`-th step, timed.
    fn step(
        &mut self,
        case: &Case,
        args: &[Value],
        i: usize,
    ) -> Result<(Duration, Outcome), String> {
        match &case.step {
            Step::Call {
                function,
                read_only,
                fresh_senders,
                ..
            } => {
                let sender = PrincipalData::Standard(if *fresh_senders {
                    fresh_sender(i).address
                } else {
                    self.chain.deployer()
                });
                let t = Instant::now();
                let out = self.call(function, args, &sender, *read_only)?;
                Ok((t.elapsed(), out))
            }
            Step::Deploy { prefix, source } => {
                let name = ContractName::try_from(format!("{prefix}-{i}"))
                    .map_err(|e| format!("{prefix}-{i}: {e:?}"))?;
                let id = QualifiedContractIdentifier::new(self.chain.deployer(), name);
                let source = source();
                // Each deployment is undone (untimed): hundreds of copies of a large
                // contract would otherwise fill memory and slow the store down.
                let before = self.chain.clone();
                let t = Instant::now();
                let out = self.deploy(&id, source)?;
                let took = t.elapsed();
                self.chain = before;
                Ok((took, out))
            }
        }
    }
}

/// A step's outcome pair, checked: a failing step, or (first round) any difference between
/// the runtimes as the dual-run driver sees it, stops the benchmark.
fn check(case: &Case, round: usize, i: usize, a: &Outcome, b: &Outcome) -> Result<(), String> {
    if let Err(e) = &a.result {
        return Err(format!("{}: step {i} fails: {e}", case.name));
    }
    if round == 0 {
        if let Verdict::Mismatch {
            part,
            interpreter,
            wasm,
        } = compare(a, b)
        {
            return Err(format!(
                "{}: the runtimes disagree at step {i} in {part}: interpreter {interpreter}, wasm {wasm}",
                case.name
            ));
        }
    }
    Ok(())
}

/// Run `calls` timed steps of `case` (after `warmup` untimed ones) on each way, in turns.
pub fn measure(case: &Case, calls: usize, warmup: usize) -> Result<Measured, String> {
    let steps = warmup + calls;
    let mut interp_chain = prepare(case, Way::Interpreter, true, steps)?;
    let mut metered = prepare(case, Way::Wasm, true, steps)?;
    let mut uncharged = prepare(case, Way::Wasm, false, steps)?;
    let args = match &case.step {
        Step::Call { args, .. } => args(&interp_chain.chain),
        Step::Deploy { .. } => vec![],
    };
    let mut m = Measured {
        interpreter: Samples::default(),
        wasm: Samples::default(),
        uncharged: Samples::default(),
        wasm_again: Samples::default(),
        reference: Outcome::error("not run"),
    };
    // Two rounds. First the interpreter and metered Wasm, then metered and uncharged Wasm
    // (what metering itself adds). In each round the two take turns in blocks of `BLOCK`
    // steps: turns spread drift (frequency, other load) over both, and blocks keep each
    // one's caches its own, as when one runtime runs a suite (stepping per call would
    // charge the small Wasm working set for refilling caches the interpreter flushed).
    // Steps of the second round are numbered after the first's: each has its own sender
    // or contract name.
    const BLOCK: usize = 10;
    for round in 0..2 {
        let (a, b) = if round == 0 {
            (&mut interp_chain, &mut metered)
        } else {
            (&mut uncharged, &mut metered)
        };
        for start in (0..steps).step_by(BLOCK) {
            let block: Vec<usize> = (start..(start + BLOCK).min(steps)).collect();
            let a_first = (start / BLOCK) % 2 == 0;
            // The first side's outcomes of this block, until the second side's step is
            // compared with them (at most `BLOCK` held: a deployment's writes are large).
            let mut held = vec![];
            let mut times = vec![[Duration::ZERO; 2]; block.len()];
            for pass in 0..2 {
                let which = if a_first { pass } else { 1 - pass };
                let p = if which == 0 { &mut *a } else { &mut *b };
                for (k, &i) in block.iter().enumerate() {
                    let (t, o) = p.step(case, &args, round * steps + i)?;
                    times[k][which] = t;
                    if pass == 0 {
                        held.push(o);
                        continue;
                    }
                    let (oa, ob) = if which == 1 {
                        (&held[k], &o)
                    } else {
                        (&o, &held[k])
                    };
                    check(case, round, i, oa, ob)?;
                    if round == 0 && i + 1 == steps {
                        m.reference = oa.clone();
                    }
                }
            }
            for (k, &i) in block.iter().enumerate() {
                if i < warmup {
                    continue;
                }
                let [ta, tb] = times[k];
                if round == 0 {
                    m.interpreter.0.push(ta);
                    m.wasm.0.push(tb);
                } else {
                    m.uncharged.0.push(ta);
                    m.wasm_again.0.push(tb);
                }
            }
        }
    }
    Ok(m)
}

/// Time a native kernel the same number of times, checking it computes what the
/// contract does.
pub fn native(
    kernel: fn() -> Value,
    reference: &Outcome,
    calls: usize,
    warmup: usize,
) -> Result<Samples, String> {
    let expected = render_result(reference);
    let mut s = Samples::default();
    for i in 0..warmup + calls {
        let t = Instant::now();
        let v = std::hint::black_box(kernel());
        let d = t.elapsed();
        if v.to_string() != expected {
            return Err(format!(
                "the native kernel computes {v}, the contract {expected}"
            ));
        }
        if i >= warmup {
            s.0.push(d);
        }
    }
    Ok(s)
}
