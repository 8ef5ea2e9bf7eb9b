//! `clarinet-wasm bench`: the same calls on the metered interpreter and on metered Wasm,
//! in one process, alternating, after a warm-up; per-call median, min and max and the
//! ratio interpreter / Wasm. Wasm is also run with its charges compiled out, to show what
//! metering itself costs (that chain's costs are not compared or reported).
//!
//! The suite is bundled in `bench/` (contracts) and listed in `CASES`.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use clarinet_wasm_runtime::chain::Chain;
use clarinet_wasm_runtime::{interp, wasm, Outcome};
use clarity::vm::types::{PrincipalData, QualifiedContractIdentifier};
use clarity::vm::Value;
use serde_json::json;

use crate::Format;

struct Case {
    name: &'static str,
    /// What a call does, for the table.
    what: &'static str,
    contract: &'static str,
    source: &'static str,
    function: &'static str,
    read_only: bool,
    /// Arguments, given the chain (for principals).
    args: fn(&Chain) -> Vec<Value>,
    /// Contracts deployed before it, in order (name, source).
    deps: &'static [(&'static str, &'static str)],
}

fn no_args(_: &Chain) -> Vec<Value> {
    vec![]
}

const COUNTER: &str = include_str!("../../bench/counter.clar");
const COMPUTE: &str = include_str!("../../bench/compute.clar");
const STORAGE: &str = include_str!("../../bench/storage.clar");
const TOKEN: &str = include_str!("../../bench/token.clar");
const SEQUENCES: &str = include_str!("../../bench/sequences.clar");
const TRAIT_DEF: &str = include_str!("../../bench/trait-def.clar");
const TRAIT_IMPL: &str = include_str!("../../bench/trait-impl.clar");
const TRAIT_LOOP: &str = include_str!("../../bench/trait-loop.clar");

const CASES: &[Case] = &[
    Case {
        name: "counter-increment",
        what: "public call: var-get, var-set",
        contract: "counter",
        source: COUNTER,
        function: "increment",
        read_only: false,
        args: no_args,
        deps: &[],
    },
    Case {
        name: "read-only-getter",
        what: "read-only call: var-get",
        contract: "counter",
        source: COUNTER,
        function: "get-count",
        read_only: true,
        args: no_args,
        deps: &[],
    },
    Case {
        name: "fold-add-1000",
        what: "fold + over 1,000 ints",
        contract: "compute",
        source: COMPUTE,
        function: "fold-add",
        read_only: true,
        args: no_args,
        deps: &[],
    },
    Case {
        name: "map-1000",
        what: "map a private function over 1,000 ints",
        contract: "compute",
        source: COMPUTE,
        function: "map-double",
        read_only: true,
        args: no_args,
        deps: &[],
    },
    Case {
        name: "sha256-chain-100",
        what: "100 chained sha256",
        contract: "compute",
        source: COMPUTE,
        function: "sha-chain",
        read_only: true,
        args: no_args,
        deps: &[],
    },
    Case {
        name: "arith-fold-1000",
        what: "1,000 steps of 128-bit * + mod",
        contract: "compute",
        source: COMPUTE,
        function: "arith-fold",
        read_only: true,
        args: no_args,
        deps: &[],
    },
    Case {
        name: "map-set-get-1000",
        what: "1,000 map-set + map-get?",
        contract: "storage",
        source: STORAGE,
        function: "fill",
        read_only: false,
        args: no_args,
        deps: &[],
    },
    Case {
        name: "ft-transfer",
        what: "ft-transfer? of one unit",
        contract: "token",
        source: TOKEN,
        function: "transfer",
        read_only: false,
        args: |c| {
            vec![
                Value::UInt(1),
                Value::Principal(PrincipalData::Standard(
                    c.account("wallet_1").expect("wallet_1").address.clone(),
                )),
            ]
        },
        deps: &[],
    },
    Case {
        name: "concat-slice-loop",
        what: "100 rotations (slice?, element-at?, concat) of a buff and a string",
        contract: "sequences",
        source: SEQUENCES,
        function: "rotate-loop",
        read_only: true,
        args: no_args,
        deps: &[],
    },
    Case {
        name: "trait-dispatch-100",
        what: "100 contract-call?s through a trait",
        contract: "trait-loop",
        source: TRAIT_LOOP,
        function: "dispatch",
        read_only: false,
        args: |c| {
            vec![Value::Principal(PrincipalData::Contract(
                QualifiedContractIdentifier::new(c.deployer(), "trait-impl".into()),
            ))]
        },
        deps: &[("trait-def", TRAIT_DEF), ("trait-impl", TRAIT_IMPL)],
    },
];

#[derive(Default)]
struct Samples(Vec<Duration>);

impl Samples {
    fn micros(&self, f: impl Fn(&[Duration]) -> Duration) -> f64 {
        let mut v = self.0.clone();
        v.sort();
        f(&v).as_secs_f64() * 1e6
    }
    fn median(&self) -> f64 {
        self.micros(|v| v[v.len() / 2])
    }
    fn min(&self) -> f64 {
        self.micros(|v| v[0])
    }
    fn max(&self) -> f64 {
        self.micros(|v| v[v.len() - 1])
    }
}

struct Row {
    case: &'static Case,
    calls: usize,
    interpreter: Samples,
    wasm: Samples,
    uncharged: Samples,
    /// Metered Wasm again, measured beside the uncharged runs.
    wasm_again: Samples,
}

/// One chain per way of running, the case's contract deployed on it.
fn prepared(
    case: &Case,
    wasm_charges: bool,
    on_wasm: bool,
) -> Result<(Chain, QualifiedContractIdentifier), String> {
    let mut chain = Chain::devnet();
    chain.wasm_charges = wasm_charges;
    let version = chain.clarity_version;
    let mut id = None;
    for (name, source) in case.deps.iter().chain([&(case.contract, case.source)]) {
        let this = QualifiedContractIdentifier::new(chain.deployer(), (*name).into());
        let out = if on_wasm {
            wasm::deploy(&mut chain, &this, source, version)
                .map_err(|e| format!("{name}: not compiled: {e}"))?
        } else {
            interp::deploy(&mut chain, &this, source, version)
        };
        if let Err(e) = &out.result {
            return Err(format!("{name}: deployment failed: {e}"));
        }
        id = Some(this);
    }
    Ok((chain, id.expect("the case's own contract")))
}

fn timed(f: impl FnOnce() -> Result<Outcome, String>) -> Result<(Duration, Outcome), String> {
    let t = Instant::now();
    let o = f()?;
    Ok((t.elapsed(), o))
}

fn measure(case: &'static Case, calls: usize, warmup: usize) -> Result<Row, String> {
    let (mut ic, id) = prepared(case, true, false)?;
    let (mut wc, _) = prepared(case, true, true)?;
    let (mut uc, _) = prepared(case, false, true)?;
    let sender = PrincipalData::Standard(ic.deployer());
    let args = (case.args)(&ic);
    let mut row = Row {
        case,
        calls,
        interpreter: Samples::default(),
        wasm: Samples::default(),
        uncharged: Samples::default(),
        wasm_again: Samples::default(),
    };
    // Two rounds. First the interpreter and metered Wasm, taking turns going first (the
    // one that follows the interpreter finds the caches cold). Then metered and
    // uncharged Wasm the same way, for what metering itself adds.
    for round in 0..2 {
        for i in 0..warmup + calls {
            let mut first = None;
            let mut second = None;
            for k in 0..2 {
                let which = (i + k) % 2;
                let out = match (round, which) {
                    (0, 0) => timed(|| {
                        Ok(interp::call(
                            &mut ic,
                            &id,
                            case.function,
                            &args,
                            &sender,
                            case.read_only,
                        ))
                    })?,
                    (1, 0) => timed(|| {
                        wasm::call(&mut uc, &id, case.function, &args, &sender, case.read_only)
                            .map_err(|e| e.to_string())
                    })?,
                    _ => timed(|| {
                        wasm::call(&mut wc, &id, case.function, &args, &sender, case.read_only)
                            .map_err(|e| e.to_string())
                    })?,
                };
                if which == 0 {
                    first = Some(out);
                } else {
                    second = Some(out);
                }
            }
            let ((t0, o0), (tw, ow)) = (first.expect("ran"), second.expect("ran"));
            // A benchmark of calls that disagree would measure nothing useful.
            if round == 0
                && (o0
                    .result
                    .as_ref()
                    .map(|v| v.as_ref().map(|v| v.to_string()))
                    != ow
                        .result
                        .as_ref()
                        .map(|v| v.as_ref().map(|v| v.to_string()))
                    || o0.cost != ow.cost)
            {
                return Err(format!(
                    "{}: the runtimes disagree: interpreter {:?} cost {:?}, wasm {:?} cost {:?}",
                    case.name, o0.result, o0.cost, ow.result, ow.cost
                ));
            }
            if i >= warmup {
                if round == 0 {
                    row.interpreter.0.push(t0);
                    row.wasm.0.push(tw);
                } else {
                    row.uncharged.0.push(t0);
                    row.wasm_again.0.push(tw);
                }
            }
        }
    }
    Ok(row)
}

pub fn run(filter: Option<&str>, calls: usize, format: Format) -> Result<ExitCode, String> {
    let calls = calls.max(1);
    let warmup = (calls / 10).clamp(2, 20);
    let mut rows = vec![];
    for case in CASES {
        if filter.is_some_and(|f| !case.name.contains(f)) {
            continue;
        }
        if format == Format::Text {
            eprintln!("running {} ({calls} calls)", case.name);
        }
        rows.push(measure(case, calls, warmup)?);
    }
    if rows.is_empty() {
        return Err("no case matches the filter".into());
    }
    match format {
        Format::Text => {
            println!(
                "{:<20} {:>7} {:>14} {:>11} {:>9} {:>15} {:>9}",
                "case", "calls", "interpreter µs", "wasm µs", "ratio", "wasm uncharged", "metering"
            );
            for r in &rows {
                let (i, w, u) = (
                    r.interpreter.median(),
                    r.wasm.median(),
                    r.uncharged.median(),
                );
                println!(
                    "{:<20} {:>7} {:>14.1} {:>11.1} {:>8.1}x {:>15.1} {:>8.0}%",
                    r.case.name,
                    r.calls,
                    i,
                    w,
                    i / w,
                    u,
                    (r.wasm_again.median() / u - 1.0) * 100.0
                );
            }
            println!(
                "\nmedians per call; both runtimes metered (mainnet block limit); \"metering\" is \
                 the Wasm time added by charging, measured in a second round where metered and \
                 uncharged Wasm take turns."
            );
        }
        Format::Json => {
            let cases: Vec<_> = rows
                .iter()
                .map(|r| {
                    json!({
                        "name": r.case.name,
                        "what": r.case.what,
                        "calls": r.calls,
                        "interpreter_us": r.interpreter.median(),
                        "interpreter_min_us": r.interpreter.min(),
                        "interpreter_max_us": r.interpreter.max(),
                        "wasm_us": r.wasm.median(),
                        "wasm_min_us": r.wasm.min(),
                        "wasm_max_us": r.wasm.max(),
                        "ratio": r.interpreter.median() / r.wasm.median(),
                        "wasm_uncharged_us": r.uncharged.median(),
                        "metering_overhead": r.wasm_again.median() / r.uncharged.median() - 1.0,
                    })
                })
                .collect();
            println!(
                "{}",
                serde_json::to_string_pretty(&json!({ "cases": cases })).unwrap()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
