//! Generated differential tests of whole projects: random well-typed contracts deployed
//! and called on the interpreter and on Wasm, which must agree at every step (result
//! value or error kind, events, state written, cost).
//!
//! Each case (`clarinet_wasm_tests::contract_gen`) is a trait-defining contract, 2-3
//! contracts implementing its traits (with `impl-trait` or only structurally, sometimes a
//! broken one), a main contract with definitions of every kind (constants, data vars,
//! maps, tokens with and without supply, NFTs keyed by uints, tuples or buffers, private /
//! read-only / public functions calling earlier ones, `map` / `fold` / `filter` helpers,
//! trait-typed parameters with dynamic `contract-call?`, top-level statements), then 3-8
//! calls of its public and read-only functions from the devnet accounts, with generated
//! arguments and implementing contracts for trait parameters, some blocks apart, some
//! sponsored. Every deployment must succeed on the interpreter (the generator is typed:
//! an analysis failure is a generator bug and fails the case).
//!
//! The number of cases is read from `CLARINET_WASM_PROPTEST_CASES` (default 300). Failing
//! cases are persisted in `tests/tests/generated_contracts.proptest-regressions` and
//! replayed first. A long run:
//!
//! ```text
//! CLARINET_WASM_PROPTEST_CASES=20000 cargo test -p clarinet-wasm-tests --release --test generated_contracts -- --nocapture
//! ```
//!
//! `--nocapture` shows the statistics: outcomes of the calls, error kinds, and the words of
//! Clarity the generated projects never used. `CLARINET_WASM_GEN_DUMP=<dir>` writes every
//! project and the interpreter's results of its calls to `<dir>` (to look at what the
//! generator makes). A failing case is reported with the step that disagrees (both sides)
//! and the whole project; proptest shrinks it by shrinking the generator's choice streams.
//! Divergences found and not fixed yet are listed in `contract_gen::KNOWN_DIVERGENCES`;
//! the generator keeps away from them.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use clarinet_wasm_tests::contract_gen::{projects, Call, Project};
use clarinet_wasm_tests::*;
use clarity::vm::ast::{build_ast_with_rules, ASTRules};
use clarity::vm::functions::define::DefineFunctions;
use clarity::vm::functions::NativeFunctions;
use clarity::vm::types::TypeSignature;
use clarity::vm::variables::NativeVariables;
use proptest::test_runner::{TestCaseError, TestError, TestRunner};

thread_local! {
    static BASE: Chain = Chain::devnet();
}

#[derive(Default, Debug)]
struct Stats {
    cases: usize,
    deploys: usize,
    calls: usize,
    /// Calls returning `(ok ...)` or a read-only value.
    ok: usize,
    /// Calls returning `(err ...)`.
    err: usize,
    /// Calls failing, by error kind.
    errors: BTreeMap<String, usize>,
    /// Words of Clarity used by the generated contracts, with the number of cases.
    words: BTreeMap<String, usize>,
}

impl Stats {
    fn record_call(&mut self, r: &StepReport) {
        self.calls += 1;
        match &r.interpreter.result {
            Ok(Some(Value::Response(resp))) if !resp.committed => self.err += 1,
            Ok(_) => self.ok += 1,
            Err(e) => {
                let kind = e.kind.split('(').take(2).collect::<Vec<_>>().join("(");
                *self.errors.entry(kind).or_default() += 1;
            }
        }
    }

    fn record_words(&mut self, p: &Project) {
        let mut seen = BTreeSet::new();
        for (_, src) in &p.contracts {
            for w in tokens(src) {
                seen.insert(w);
            }
        }
        for w in seen {
            *self.words.entry(w).or_default() += 1;
        }
    }
}

/// The words of a source: atoms after `(` or whitespace.
fn tokens(src: &str) -> impl Iterator<Item = String> + '_ {
    src.split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

/// Every word clarity-vm knows.
fn all_words() -> Vec<&'static str> {
    NativeFunctions::ALL_NAMES
        .iter()
        .chain(NativeVariables::ALL_NAMES)
        .chain(DefineFunctions::ALL_NAMES)
        .copied()
        .collect()
}

fn fail(p: &Project, what: &str, r: &StepReport) -> TestCaseError {
    TestCaseError::fail(format!("{what}\n  {}\n\n{p:?}", describe(r)))
}

/// Deploy the project and make its calls; every step must agree.
fn run_case(p: &Project, stats: &RefCell<Stats>) -> Result<(), TestCaseError> {
    let mut h = Harness::on(BASE.with(|c| c.clone()));
    let deployer = h.deployer.clone();
    for (name, src) in &p.contracts {
        let mut r = h.d.deploy(name, src, &deployer, ClarityVersion::Clarity2);
        r.step = format!("deploy {name}");
        stats.borrow_mut().deploys += 1;
        if let Err(e) = &r.interpreter.result {
            let what = if e.kind.starts_with("analysis") || e.kind.starts_with("Unchecked") {
                "the generator built an ill-typed contract"
            } else {
                "a generated contract failed to deploy"
            };
            return Err(fail(p, what, &r));
        }
        if verify(&r, &Expect::Deployed).is_some() {
            return Err(fail(p, "runtimes disagree", &r));
        }
    }
    let main = h.contract_id(&p.main);
    let mut outcomes = vec![];
    for c in &p.calls {
        check_arguments(p, c)?;
        if c.advance > 0 {
            h.d.advance_blocks(c.advance);
        }
        h.d.set_sponsor(c.sponsor.as_ref().map(|s| h.principal(s)));
        let sender = h.principal(&c.sender);
        let mut r = h.d.call(&main, &c.function, &c.args, &sender);
        r.step = c.render();
        stats.borrow_mut().record_call(&r);
        outcomes.push(format!("{} => {}", r.step, render_result(&r.interpreter)));
        if verify(&r, &Expect::Anything).is_some() {
            return Err(fail(p, "runtimes disagree", &r));
        }
    }
    h.finish();
    if let Ok(dir) = std::env::var("CLARINET_WASM_GEN_DUMP") {
        dump(&dir, p, &outcomes);
    }
    Ok(())
}

/// Write a project and the interpreter's results of its calls to `dir` (a debugging aid
/// for the generator: `CLARINET_WASM_GEN_DUMP=/tmp/projects`).
fn dump(dir: &str, p: &Project, outcomes: &[String]) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    let _ = std::fs::create_dir_all(dir);
    let text = format!("{p:?}\n;; ---- results\n{}\n", outcomes.join("\n"));
    let _ = std::fs::write(format!("{dir}/project-{n:05}.clar"), text);
}

/// Every argument is admitted by its parameter's declared type (the generator's values
/// are honest).
fn check_arguments(p: &Project, c: &Call) -> Result<(), TestCaseError> {
    let id = QualifiedContractIdentifier::transient();
    for (arg, decl) in c.args.iter().zip(&c.params) {
        let Some(decl) = decl else { continue };
        let ast = build_ast_with_rules(
            &id,
            decl,
            &mut (),
            ClarityVersion::Clarity2,
            StacksEpochId::Epoch24,
            ASTRules::Typical,
        )
        .map_err(|e| TestCaseError::fail(format!("type {decl}: {e:?}")))?;
        let ty =
            TypeSignature::parse_type_repr(StacksEpochId::Epoch24, &ast.expressions[0], &mut ())
                .map_err(|e| TestCaseError::fail(format!("type {decl}: {e:?}")))?;
        if !ty.admits(&StacksEpochId::Epoch24, arg).unwrap_or(false) {
            return Err(TestCaseError::fail(format!(
                "the generator passed {arg} for a parameter of type {decl}\n\n{p:?}"
            )));
        }
    }
    Ok(())
}

#[test]
fn generated_projects_agree() {
    let stats = RefCell::new(Stats::default());
    let mut runner = TestRunner::new(proptest_config(file!(), 1000, 300_000));
    let start = std::time::Instant::now();
    let result = runner.run(&projects(), |p| {
        stats.borrow_mut().cases += 1;
        stats.borrow_mut().record_words(&p);
        run_case(&p, &stats)
    });
    let stats = stats.into_inner();
    let missing: Vec<&str> = all_words()
        .into_iter()
        .filter(|w| !stats.words.contains_key(*w))
        .collect();
    eprintln!(
        "generated projects: {} runs in {:.1}s, {} deployments, {} calls: {} ok, {} err, errors {:?}",
        stats.cases,
        start.elapsed().as_secs_f64(),
        stats.deploys,
        stats.calls,
        stats.ok,
        stats.err,
        stats.errors
    );
    eprintln!("words never generated: {missing:?}");
    match result {
        Ok(()) => {}
        // The reason shows the failing step and the whole (minimal) project.
        Err(TestError::Fail(reason, _)) => panic!("minimal failing case: {reason}"),
        Err(TestError::Abort(reason)) => panic!("aborted: {reason}"),
    }
    // The generator must exercise both outcomes, or it tests too little.
    if stats.cases >= 100 {
        let failed: usize = stats.errors.values().sum();
        assert!(
            stats.ok * 4 >= stats.calls,
            "too few successful calls: {stats:?}"
        );
        assert!(stats.err > 0 && failed > 0, "no failures at all: {stats:?}");
    }
}
