//! `dual_run`: the fuzz input, read as (lossy) UTF-8, is the source of a Clarity contract.
//! It is deployed on both runtimes (`Dual`, interpreter and Wasm, compared step by step);
//! when both deploy it, its public and read-only functions are called (first with "zero"
//! arguments as the deployer, then with "one" arguments as another account), and a
//! source without definitions is also evaluated as a snippet.
//!
//! A crash is reported for:
//! - a panic in our code (compiler, runtime, on either side),
//! - an invalid Wasm module ("invalid module (compiler bug)"),
//! - a step whose verdict is a mismatch between the runtimes.
//!
//! Errors both runtimes agree on, and words the compiler does not support yet, are fine.
//! (The one false mismatch it found, clarity-vm naming a definition cycle's functions in
//! a varying order, is fixed at the source: the runtime's analysis sorts those names.)
//! A panic of clarity-vm itself on the interpreter side (the same input panics the
//! interpreter alone, at a location outside this repository) is not ours: it is skipped,
//! recorded once per location under `artifacts/dual_run/clarity-vm-panics/`.
//!
//! The budget of each transaction is the mainnet block limit / 50 (every dimension).
//! Input conventions: a source starting with `;; clarity1` is deployed as Clarity 1
//! (the chain is epoch 2.4 in both cases).

#![no_main]

use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Mutex, OnceLock};

use clarinet_wasm_runtime::dual::{render_result, Dual, Runtimes, StepReport, Verdict};
use clarinet_wasm_runtime::Chain;
use clarity::vm::types::{
    PrincipalData, QualifiedContractIdentifier, SequenceSubtype, StandardPrincipalData,
    StringSubtype, TupleData, TypeSignature,
};
use clarity::vm::{ClarityName, ClarityVersion, Value};
use libfuzzer_sys::fuzz_target;

/// At most this many functions of a contract are called (each twice).
const MAX_FUNCTIONS: usize = 6;

/// The repository root: panics located under it are ours.
const REPO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

struct PanicRecord {
    message: String,
    backtrace: Option<std::backtrace::Backtrace>,
    file: String,
    line: u32,
}

thread_local! {
    /// While set, a panic is recorded here instead of going to libFuzzer's hook (which
    /// aborts): the target decides whether it is a crash.
    static QUIET: Cell<bool> = const { Cell::new(false) };
    static LAST: RefCell<Option<PanicRecord>> = const { RefCell::new(None) };
}

fn install_hook() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        // libFuzzer's hook (set before the first input) prints and aborts: keep it for
        // the panics that are crashes.
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if QUIET.with(|q| q.get()) {
                let message = if let Some(s) = info.payload().downcast_ref::<&str>() {
                    s.to_string()
                } else if let Some(s) = info.payload().downcast_ref::<String>() {
                    s.clone()
                } else {
                    "(non-string payload)".to_string()
                };
                let (file, line) = info
                    .location()
                    .map(|l| (l.file().to_string(), l.line()))
                    .unwrap_or_default();
                let backtrace = Some(std::backtrace::Backtrace::force_capture());
                LAST.with(|r| {
                    *r.borrow_mut() = Some(PanicRecord {
                        message,
                        backtrace,
                        file,
                        line,
                    })
                });
            } else {
                previous(info)
            }
        }));
    });
}

/// Run `f`, catching a panic (recorded, not printed).
fn quietly<R>(f: impl FnOnce() -> R) -> Result<R, PanicRecord> {
    QUIET.with(|q| q.set(true));
    LAST.with(|r| *r.borrow_mut() = None);
    let r = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    r.map_err(|_| {
        LAST.with(|r| r.borrow_mut().take()).unwrap_or(PanicRecord {
            message: "(panic not recorded)".into(),
            backtrace: None,
            file: String::new(),
            line: 0,
        })
    })
}

/// Whether a panic location is in code of this repository (relative paths are the
/// workspace's own crates as rustc names them).
fn ours(file: &str) -> bool {
    if file.is_empty() {
        return true;
    }
    let repo = std::fs::canonicalize(REPO)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| REPO.to_string());
    if file.starts_with(&repo) || file.starts_with(REPO) {
        return true;
    }
    // Paths of workspace crates are relative ("runtime/src/..."); dependencies' are
    // absolute (cargo registry) and std's start with "/rustc/".
    !file.starts_with('/')
}

/// The budget of a transaction is the mainnet block limit divided by this, in every
/// dimension (as `--cost-limit` gives it): inputs that run into the budget (long folds,
/// many reads) stay fast, and the budget's errors are compared all the same.
const BUDGET_DIVISOR: u64 = 50;

/// The chain every input starts from (boot contracts deployed once).
fn base() -> &'static Chain {
    static BASE: OnceLock<Chain> = OnceLock::new();
    BASE.get_or_init(|| {
        let mut chain = Chain::devnet();
        let b = clarinet_wasm_runtime::chain::block_limit();
        chain.cost_limit = clarity::vm::costs::ExecutionCost {
            runtime: b.runtime / BUDGET_DIVISOR,
            read_count: b.read_count / BUDGET_DIVISOR,
            read_length: b.read_length / BUDGET_DIVISOR,
            write_count: b.write_count / BUDGET_DIVISOR,
            write_length: b.write_length / BUDGET_DIVISOR,
        };
        chain
    })
}

struct Steps<'a> {
    source: &'a str,
    version: ClarityVersion,
}

/// Every step the target runs on `dual`, each report passed to `check`.
fn run_steps(steps: &Steps, runtimes: Runtimes, check: &mut dyn FnMut(&StepReport)) {
    let mut dual = Dual::new(base().clone(), runtimes);
    dual.interp.clarity_version = steps.version;
    dual.wasm.clarity_version = steps.version;
    let deployer = base().deployer();
    let wallet: StandardPrincipalData = base()
        .account("wallet_1")
        .map(|a| a.address.clone())
        .unwrap_or_else(|| deployer.clone());
    let id = QualifiedContractIdentifier::new(deployer.clone(), "fuzzed".into());

    let deploy = dual.deploy_id(&id, steps.source, steps.version);
    check(&deploy);
    let deployed = deploy.verdict == Verdict::Agree && deploy.interpreter.result.is_ok();

    if deployed {
        let functions = functions_of(&dual, &id);
        for (name, args) in functions.iter().take(MAX_FUNCTIONS) {
            for (profile, sender) in [(0, &deployer), (1, &wallet)] {
                let Some(values) = args
                    .iter()
                    .map(|t| value_of(t, profile, &deployer))
                    .collect::<Option<Vec<_>>>()
                else {
                    break;
                };
                let sender = PrincipalData::Standard(sender.clone());
                let report = dual.call(&id, name, &values, &sender);
                check(&report);
            }
        }
    }

    if !steps.source.contains("(define-") {
        let sender = PrincipalData::Standard(deployer.clone());
        let report = dual.eval(steps.source, &sender);
        check(&report);
    }
}

/// Public and read-only functions of the deployed contract with their argument types,
/// by name, from the analysis the interpreter stored (the same list on every run).
fn functions_of(
    dual: &Dual,
    id: &QualifiedContractIdentifier,
) -> Vec<(String, Vec<TypeSignature>)> {
    let mut chain = dual.interp.clone();
    let epoch = chain.epoch;
    let mut db = clarity::vm::analysis::AnalysisDatabase::new(&mut chain.store);
    db.begin();
    let mut out = vec![];
    if let Some(a) = db.load_contract(id, &epoch) {
        for (name, f) in a
            .public_function_types
            .iter()
            .chain(a.read_only_function_types.iter())
        {
            if let clarity::vm::types::FunctionType::Fixed(f) = f {
                out.push((
                    name.to_string(),
                    f.args.iter().map(|a| a.signature.clone()).collect(),
                ));
            }
        }
    }
    db.roll_back();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// An argument of type `t`: profile 0 is the "zero" of each type (0, false, empty, none,
/// ok), profile 1 the "one" (1, true, one element, some, err).
fn value_of(t: &TypeSignature, profile: u8, principal: &StandardPrincipalData) -> Option<Value> {
    let one = profile == 1;
    Some(match t {
        TypeSignature::IntType => Value::Int(if one { -1 } else { 0 }),
        TypeSignature::UIntType => Value::UInt(if one { 1 } else { 0 }),
        TypeSignature::BoolType => Value::Bool(one),
        TypeSignature::PrincipalType => {
            Value::Principal(PrincipalData::Standard(principal.clone()))
        }
        TypeSignature::OptionalType(inner) => {
            if one {
                Value::some(value_of(inner, profile, principal)?).ok()?
            } else {
                Value::none()
            }
        }
        TypeSignature::ResponseType(b) => {
            if one {
                Value::error(value_of(&b.1, profile, principal)?).ok()?
            } else {
                Value::okay(value_of(&b.0, profile, principal)?).ok()?
            }
        }
        TypeSignature::TupleType(tt) => {
            let mut fields: Vec<(ClarityName, Value)> = vec![];
            for (name, ft) in tt.get_type_map() {
                fields.push((name.clone(), value_of(ft, profile, principal)?));
            }
            Value::Tuple(TupleData::from_data(fields).ok()?)
        }
        TypeSignature::SequenceType(SequenceSubtype::BufferType(len)) => {
            let n: u32 = len.into();
            Value::buff_from(if one && n > 0 { vec![1] } else { vec![] }).ok()?
        }
        TypeSignature::SequenceType(SequenceSubtype::StringType(StringSubtype::ASCII(len))) => {
            let n: u32 = len.into();
            Value::string_ascii_from_bytes(if one && n > 0 { b"a".to_vec() } else { vec![] })
                .ok()?
        }
        TypeSignature::SequenceType(SequenceSubtype::StringType(StringSubtype::UTF8(len))) => {
            let n: u32 = len.into();
            Value::string_utf8_from_bytes(if one && n > 0 {
                "é".as_bytes().to_vec()
            } else {
                vec![]
            })
            .ok()?
        }
        TypeSignature::SequenceType(SequenceSubtype::ListType(l)) => {
            if one && l.get_max_len() > 0 {
                Value::list_from(vec![value_of(l.get_list_item_type(), profile, principal)?])
                    .ok()?
            } else {
                Value::list_from(vec![]).ok()?
            }
        }
        // Traits and other callables: not called.
        _ => return None,
    })
}

/// A dual-run step that is a crash: a mismatch or an invalid module.
fn verdict_crash(r: &StepReport) -> Option<String> {
    match &r.verdict {
        Verdict::Agree => None,
        Verdict::Mismatch {
            part,
            interpreter,
            wasm,
        } => Some(format!(
            "MISMATCH in {part} at step `{}`\n  interpreter: {interpreter}\n  wasm:        {wasm}\n  interpreter result: {}\n  wasm result:        {}",
            r.step,
            render_result(&r.interpreter),
            r.wasm.as_ref().map_or("(none)".to_string(), render_result),
        )),
        Verdict::WasmNotRun(m) if m.contains("invalid module") => {
            Some(format!("INVALID MODULE at step `{}`: {m}", r.step))
        }
        Verdict::WasmNotRun(_) => None,
    }
}

/// clarity-vm panics seen (by location), each recorded once.
fn record_interpreter_panic(p: &PanicRecord, source: &str) {
    static SEEN: OnceLock<Mutex<BTreeSet<String>>> = OnceLock::new();
    let key = format!("{}:{}", p.file, p.line);
    let mut seen = SEEN.get_or_init(Default::default).lock().unwrap();
    if !seen.insert(key.clone()) {
        return;
    }
    eprintln!(
        "dual_run: skipped a clarity-vm panic at {key}: {}",
        p.message
    );
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/artifacts/dual_run/clarity-vm-panics"
    );
    if std::fs::create_dir_all(dir).is_ok() {
        let name: String = key
            .rsplit("/src/")
            .next()
            .unwrap_or(&key)
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        let _ = std::fs::write(format!("{dir}/{name}.clar"), source);
        let _ = std::fs::write(
            format!("{dir}/{name}.txt"),
            format!("{key}\n{}\n", p.message),
        );
    }
}

fuzz_target!(|data: &[u8]| {
    install_hook();
    let source = String::from_utf8_lossy(data);
    let version = if source.starts_with(";; clarity1") {
        ClarityVersion::Clarity1
    } else {
        ClarityVersion::Clarity2
    };
    let steps = Steps {
        source: &source,
        version,
    };
    // Booting the chain is not part of any input.
    let _ = base();

    let mut crash: Option<String> = None;
    let dual = quietly(|| {
        run_steps(&steps, Runtimes::Both, &mut |r| {
            if crash.is_none() {
                crash = verdict_crash(r);
            }
        })
    });
    if let Some(c) = crash {
        panic!("{c}");
    }
    if let Err(p) = dual {
        // Is it the interpreter's own panic? The same steps on the interpreter alone.
        match quietly(|| run_steps(&steps, Runtimes::Interpreter, &mut |_| {})) {
            Err(q) if !ours(&q.file) => {
                record_interpreter_panic(&q, &source);
            }
            _ => {
                if let Some(b) = &p.backtrace {
                    eprintln!("backtrace of the panic:\n{b}");
                }
                panic!(
                    "PANIC in the dual run at {}:{}: {}",
                    p.file, p.line, p.message
                )
            }
        }
    }
});
