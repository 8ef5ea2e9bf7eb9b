//! Helpers for the differential test suite of clarinet-wasm.
//!
//! Every step runs on both runtimes (the clarity-vm interpreter, the reference, and the
//! compiled Wasm path) through [`Dual`]. A test asserts two things about each step:
//!
//! 1. the runtimes agree (`Verdict::Agree`: same result value or error kind, same events,
//!    same state written), and
//! 2. the behaviour itself: the interpreter's result is the expected value (compared by
//!    its Clarity rendering, e.g. `u3`, `(ok (tuple (a 1)))`) or the expected error kind
//!    (e.g. `Runtime(DivisionByZero)`), so that a test fails if both runtimes broke alike.
//!
//! The [`Harness`] collects every failure of a test and reports them all at once (so one
//! disagreement does not hide the next); the free functions [`check`], [`expect_value`],
//! [`expect_error`] panic at once.

use std::path::PathBuf;

pub mod contract_gen;

pub use clarinet_wasm_runtime::chain::{devnet_accounts, Chain};
pub use clarinet_wasm_runtime::dual::{render_result, Dual, Runtimes, StepReport, Verdict};
pub use clarinet_wasm_runtime::outcome::ErrorDesc;
pub use clarity::types::StacksEpochId;
pub use clarity::vm::types::{PrincipalData, QualifiedContractIdentifier, StandardPrincipalData};
pub use clarity::vm::{ClarityVersion, Value};

/// What a step is expected to produce on the interpreter (the reference).
#[derive(Clone, Debug)]
pub enum Expect {
    /// A successful deployment.
    Deployed,
    /// A value, by its Clarity rendering (`Value`'s `Display`).
    Value(String),
    /// An error of exactly this kind (`ErrorDesc::kind`).
    Error(String),
    /// An error whose kind contains this text.
    ErrorContaining(String),
    /// Only agreement is asserted.
    Anything,
}

/// A readable account of a step: its verdict and both sides.
pub fn describe(r: &StepReport) -> String {
    let mut s = format!("step: {}\n  verdict: ", r.step);
    match &r.verdict {
        Verdict::Agree => s.push_str("Agree"),
        Verdict::Mismatch {
            part,
            interpreter,
            wasm,
        } => s.push_str(&format!(
            "Mismatch in {part}\n    interpreter: {interpreter}\n    wasm:        {wasm}"
        )),
        Verdict::WasmNotRun(m) => s.push_str(&format!("WasmNotRun({m})")),
    }
    s.push_str(&format!(
        "\n  interpreter result: {}",
        render_result(&r.interpreter)
    ));
    if !r.interpreter.events.is_empty() {
        s.push_str(&format!(
            "\n  interpreter events: {:?}",
            r.interpreter.events
        ));
    }
    if let Some(w) = &r.wasm {
        s.push_str(&format!("\n  wasm result:        {}", render_result(w)));
        if !w.events.is_empty() {
            s.push_str(&format!("\n  wasm events:        {:?}", w.events));
        }
    }
    s
}

/// `None` if `r` agrees and the interpreter produced `expect`; otherwise what went wrong.
pub fn verify(r: &StepReport, expect: &Expect) -> Option<String> {
    let mut problems = vec![];
    if r.verdict != Verdict::Agree {
        problems.push("runtimes do not agree".to_string());
    }
    let res = &r.interpreter.result;
    let behaviour = match (expect, res) {
        (Expect::Anything, _) => None,
        (Expect::Deployed, Ok(None)) => None,
        (Expect::Deployed, _) => Some("expected a successful deployment".to_string()),
        (Expect::Value(v), Ok(Some(got))) if &got.to_string() == v => None,
        (Expect::Value(v), _) => Some(format!("expected value {v}")),
        (Expect::Error(k), Err(e)) if &e.kind == k => None,
        (Expect::Error(k), _) => Some(format!("expected error {k}")),
        (Expect::ErrorContaining(k), Err(e)) if e.kind.contains(k.as_str()) => None,
        (Expect::ErrorContaining(k), _) => Some(format!("expected an error containing {k:?}")),
    };
    problems.extend(behaviour);
    if problems.is_empty() {
        None
    } else {
        Some(format!("{}\n  {}", problems.join("; "), describe(r)))
    }
}

/// Panic unless both runtimes agree on the step.
pub fn check(r: &StepReport) {
    if let Some(p) = verify(r, &Expect::Anything) {
        panic!("{p}");
    }
}

/// Panic unless the runtimes agree and the interpreter's value renders as `value`.
pub fn expect_value(r: &StepReport, value: &str) {
    if let Some(p) = verify(r, &Expect::Value(value.to_string())) {
        panic!("{p}");
    }
}

/// Panic unless the runtimes agree and the interpreter failed with error `kind`.
pub fn expect_error(r: &StepReport, kind: &str) {
    if let Some(p) = verify(r, &Expect::Error(kind.to_string())) {
        panic!("{p}");
    }
}

/// The text of fixture contract `tests/fixtures/<name>.clar`.
pub fn fixture(name: &str) -> String {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "fixtures",
        &format!("{name}.clar"),
    ]
    .iter()
    .collect();
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

/// A short-return error kind as the interpreter renders it, e.g.
/// `short_return("ExpectedValue", "UInt(1)")` = `ShortReturn(ExpectedValue(UInt(1)))`.
pub fn short_return(kind: &str, value_debug: &str) -> String {
    format!("ShortReturn({kind}({value_debug}))")
}

/// A `Runtime(...)` error kind.
pub fn runtime(kind: &str) -> String {
    format!("Runtime({kind})")
}

/// `Runtime(Arithmetic("<msg>"))`.
pub fn arithmetic(msg: &str) -> String {
    format!("Runtime(Arithmetic({msg:?}))")
}

pub const OVERFLOW: &str = "Runtime(ArithmeticOverflow)";
pub const UNDERFLOW: &str = "Runtime(ArithmeticUnderflow)";
pub const DIV_BY_ZERO: &str = "Runtime(DivisionByZero)";
pub const I128_MAX: &str = "170141183460469231731687303715884105727";
pub const I128_MIN: &str = "-170141183460469231731687303715884105728";
pub const U128_MAX: &str = "u340282366920938463463374607431768211455";

/// A dual-run session that collects failures; call [`Harness::finish`] at the end.
pub struct Harness {
    pub d: Dual,
    pub deployer: StandardPrincipalData,
    /// The default sender of snippets and calls (the deployer).
    pub sender: PrincipalData,
    failures: Vec<String>,
    steps: usize,
    finished: bool,
}

impl Harness {
    /// Clarity 2 on epoch 2.4 with the devnet accounts.
    pub fn new() -> Harness {
        Harness::on(Chain::devnet())
    }

    /// Clarity 1 on epoch 2.05 with the devnet accounts.
    pub fn clarity1() -> Harness {
        Harness::on(Chain::new(
            StacksEpochId::Epoch2_05,
            ClarityVersion::Clarity1,
            &devnet_accounts(),
        ))
    }

    pub fn on(chain: Chain) -> Harness {
        let d = Dual::new(chain, Runtimes::Both);
        let deployer = d.interp.deployer();
        let sender = PrincipalData::Standard(deployer.clone());
        Harness {
            d,
            deployer,
            sender,
            failures: vec![],
            steps: 0,
            finished: false,
        }
    }

    /// The address of a devnet account (`deployer`, `wallet_1` ...).
    pub fn account(&self, name: &str) -> StandardPrincipalData {
        self.d
            .interp
            .account(name)
            .unwrap_or_else(|| panic!("no account {name}"))
            .address
            .clone()
    }

    pub fn principal(&self, name: &str) -> PrincipalData {
        PrincipalData::Standard(self.account(name))
    }

    pub fn contract_id(&self, name: &str) -> QualifiedContractIdentifier {
        QualifiedContractIdentifier::new(self.deployer.clone(), name.into())
    }

    /// Record a step against its expectation; returns the report for further checks.
    pub fn expect(&mut self, r: StepReport, expect: Expect) -> StepReport {
        self.steps += 1;
        if let Some(p) = verify(&r, &expect) {
            self.failures.push(p);
        }
        r
    }

    /// Record an extra failure (e.g. a wrong event list).
    pub fn fail(&mut self, msg: String) {
        self.failures.push(msg);
    }

    /// Deploy `source` as `name` (from the deployer, in the chain's Clarity version).
    pub fn deploy(&mut self, name: &str, source: &str) -> QualifiedContractIdentifier {
        let version = self.d.interp.clarity_version;
        self.deploy_version(name, source, version)
    }

    pub fn deploy_version(
        &mut self,
        name: &str,
        source: &str,
        version: ClarityVersion,
    ) -> QualifiedContractIdentifier {
        let deployer = self.deployer.clone();
        let r = self.d.deploy(name, source, &deployer, version);
        self.expect(r, Expect::Deployed);
        self.contract_id(name)
    }

    /// Deploy fixture `tests/fixtures/<name>.clar` under its own name.
    pub fn deploy_fixture(&mut self, name: &str) -> QualifiedContractIdentifier {
        let src = fixture(name);
        self.deploy(name, &src)
    }

    /// Evaluate a snippet from the default sender.
    pub fn eval(&mut self, src: &str) -> StepReport {
        let sender = self.sender.clone();
        self.d.eval(src, &sender)
    }

    /// A snippet evaluates to the value rendered `value`.
    pub fn ok(&mut self, src: &str, value: &str) -> StepReport {
        let r = self.eval(src);
        self.expect(r, Expect::Value(value.to_string()))
    }

    /// A snippet fails with error `kind`.
    pub fn err(&mut self, src: &str, kind: &str) -> StepReport {
        let r = self.eval(src);
        self.expect(r, Expect::Error(kind.to_string()))
    }

    /// A snippet fails with an error whose kind contains `part`.
    pub fn err_containing(&mut self, src: &str, part: &str) -> StepReport {
        let r = self.eval(src);
        self.expect(r, Expect::ErrorContaining(part.to_string()))
    }

    /// Evaluate a snippet from `sender`.
    pub fn eval_as(&mut self, src: &str, sender: &PrincipalData, expect: Expect) -> StepReport {
        let r = self.d.eval(src, sender);
        self.expect(r, expect)
    }

    /// Call `function` of `contract` from `sender`.
    pub fn call_as(
        &mut self,
        contract: &QualifiedContractIdentifier,
        function: &str,
        args: &[Value],
        sender: &PrincipalData,
        expect: Expect,
    ) -> StepReport {
        let r = self.d.call(contract, function, args, sender);
        self.expect(r, expect)
    }

    /// Call `function` of `contract` from the default sender; expect the value rendered `value`.
    pub fn call_ok(
        &mut self,
        contract: &QualifiedContractIdentifier,
        function: &str,
        args: &[Value],
        value: &str,
    ) -> StepReport {
        let sender = self.sender.clone();
        self.call_as(
            contract,
            function,
            args,
            &sender,
            Expect::Value(value.to_string()),
        )
    }

    /// Call `function` of `contract` from the default sender; expect error `kind`.
    pub fn call_err(
        &mut self,
        contract: &QualifiedContractIdentifier,
        function: &str,
        args: &[Value],
        kind: &str,
    ) -> StepReport {
        let sender = self.sender.clone();
        self.call_as(
            contract,
            function,
            args,
            &sender,
            Expect::Error(kind.to_string()),
        )
    }

    /// Assert the events of a step (on the interpreter; agreement is checked separately).
    pub fn events(&mut self, r: &StepReport, expected: &[String]) {
        if r.interpreter.events != expected {
            self.failures.push(format!(
                "unexpected events\n  expected: {expected:?}\n  {}",
                describe(r)
            ));
        }
    }

    pub fn failures(&self) -> &[String] {
        &self.failures
    }

    /// Panic with every failure recorded, if any.
    pub fn finish(mut self) {
        self.finished = true;
        if !self.failures.is_empty() {
            let n = self.failures.len();
            let all = self.failures.join("\n\n");
            panic!("{n} failure(s) ({} steps checked):\n\n{all}", self.steps);
        }
    }
}

impl Default for Harness {
    fn default() -> Self {
        Harness::new()
    }
}

impl Drop for Harness {
    fn drop(&mut self) {
        if !self.finished && !std::thread::panicking() && !self.failures.is_empty() {
            panic!(
                "Harness dropped without finish() and with failures:\n\n{}",
                self.failures.join("\n\n")
            );
        }
    }
}

// ---- Value constructors for call arguments ----------------------------------------------

pub fn buff(bytes: &[u8]) -> Value {
    Value::buff_from(bytes.to_vec()).expect("buffer")
}

pub fn ascii(s: &str) -> Value {
    Value::string_ascii_from_bytes(s.as_bytes().to_vec()).expect("ascii")
}

pub fn utf8(s: &str) -> Value {
    Value::string_utf8_from_bytes(s.as_bytes().to_vec()).expect("utf8")
}

pub fn some(v: Value) -> Value {
    Value::some(v).expect("some")
}

pub fn ok(v: Value) -> Value {
    Value::okay(v).expect("ok")
}

pub fn err(v: Value) -> Value {
    Value::error(v).expect("err")
}

pub fn list(items: Vec<Value>) -> Value {
    Value::list_from(items).expect("list")
}

pub fn tuple(fields: &[(&str, Value)]) -> Value {
    Value::Tuple(
        clarity::vm::types::TupleData::from_data(
            fields
                .iter()
                .map(|(n, v)| ((*n).into(), v.clone()))
                .collect(),
        )
        .expect("tuple"),
    )
}

pub fn principal(p: &StandardPrincipalData) -> Value {
    Value::Principal(PrincipalData::Standard(p.clone()))
}

pub fn contract_principal(id: &QualifiedContractIdentifier) -> Value {
    Value::Principal(PrincipalData::Contract(id.clone()))
}

/// Evaluate each snippet and expect its value.
pub fn ok_all(h: &mut Harness, cases: &[(&str, &str)]) {
    for (src, v) in cases {
        h.ok(src, v);
    }
}

/// Evaluate each snippet and expect its error kind.
pub fn err_all(h: &mut Harness, cases: &[(&str, &str)]) {
    for (src, k) in cases {
        h.err(src, k);
    }
}

/// Run `step` on a copy of the harness' chains with the transaction budget `limit`.
pub fn with_limit<R>(
    h: &mut Harness,
    limit: &clarity::vm::costs::ExecutionCost,
    step: impl FnOnce(&mut Harness) -> R,
) -> R {
    let saved = h.d.clone();
    h.d.interp.cost_limit = limit.clone();
    h.d.wasm.cost_limit = limit.clone();
    let r = step(h);
    h.d = saved;
    r
}

/// Call `function` under budgets spread over its full cost `full`, in every dimension it
/// uses (every budget up to `points`, else `points` spread ones and the last two). Each
/// step must agree on both runtimes (the harness checks); a budget below the total must
/// stop with `CostBalanceExceeded`, writing and emitting nothing, and the total must
/// suffice. Returns (budgets tried, budgets exceeded).
pub fn sweep_budgets(
    h: &mut Harness,
    contract: &QualifiedContractIdentifier,
    function: &str,
    args: &[Value],
    full: &clarity::vm::costs::ExecutionCost,
    points: u64,
) -> (usize, usize) {
    let (mut checked, mut exceeded) = (0, 0);
    for (dim, total) in clarinet_wasm_runtime::dual::dimensions(full) {
        if total == 0 {
            continue;
        }
        let budgets: Vec<u64> = if total <= points {
            (0..=total).collect()
        } else {
            (0..points)
                .map(|i| i * total / points)
                .chain([total - 1, total])
                .collect()
        };
        for b in budgets {
            let limit = clarinet_wasm_runtime::chain::parse_cost_limit(&format!("{dim}={b}"))
                .expect("a budget");
            let r = with_limit(h, &limit, |h| {
                let sender = h.sender.clone();
                h.call_as(contract, function, args, &sender, Expect::Anything)
            });
            checked += 1;
            match &r.interpreter.result {
                Err(e) => {
                    if !e.kind.contains("CostBalanceExceeded") {
                        h.fail(format!("{dim}={b}: not a budget error\n  {}", describe(&r)));
                    }
                    if !r.interpreter.writes.is_empty() || !r.interpreter.events.is_empty() {
                        h.fail(format!("{dim}={b}: wrote or emitted\n  {}", describe(&r)));
                    }
                    exceeded += 1;
                }
                Ok(_) if b != total => {
                    h.fail(format!("{dim}={b} < {total} sufficed\n  {}", describe(&r)));
                }
                Ok(_) => {}
            }
        }
    }
    (checked, exceeded)
}

/// Cases per run of the generated tests: `CLARINET_WASM_PROPTEST_CASES`, 300 by default
/// (what CI runs).
pub fn proptest_cases() -> u32 {
    std::env::var("CLARINET_WASM_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(300)
}

/// The generated tests' proptest configuration: cases from the environment, shrinking
/// bounded (each case runs both runtimes), failing seeds kept beside `source_file` and
/// replayed first.
pub fn proptest_config(
    source_file: &'static str,
    max_shrink_iters: u32,
    max_shrink_time: u32,
) -> proptest::test_runner::Config {
    use proptest::test_runner::{Config, FileFailurePersistence};
    Config {
        cases: proptest_cases(),
        max_shrink_iters,
        max_shrink_time,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..Config::with_source_file(source_file)
    }
}
