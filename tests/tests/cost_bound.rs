//! The static cost bounds of `clarinet_wasm_compiler::bound` against the interpreter's
//! measured costs.
//!
//! What is measured is a call as a transaction (`Dual::call` on the interpreter), so it
//! includes what `execute_contract` charges before applying the function: `LoadContract`
//! for the contract's size (its source length; our deployments, like Clarinet's, record a
//! data size of 0). The tests add that charge to the function's bound explicitly
//! (`with_contract_load`), and the exact cases below check that nothing else is missing.
//!
//! - Exact cases: getters, map writes and reads, `fold`/`map`/`filter` over full lists,
//!   branches, hashes, `concat`, `is-eq`, `merge`, `get`, consensus buffers, `print`,
//!   token mints, static `contract-call?`, on epochs 2.0 (declared sizes), 2.05 and 2.4
//!   (serialized sizes): the bound equals the measured cost when the call takes its worst
//!   path with the largest values (within 5/4 for a tuple var, whose declared size is
//!   above its serialized size), and is above it otherwise.
//! - Unbounded cases: `contract-call?` through a trait, a callee whose bound is unknown.
//! - The property: for generated projects (`contract_gen`), every call of the main
//!   contract costs at most its function's bound plus `LoadContract`, in every
//!   dimension, whenever the bound is complete. Cases: `CLARINET_WASM_PROPTEST_CASES`
//!   (default 300); `--nocapture` shows how many calls were checked and the ratios.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use clarinet_wasm_compiler::{function_bounds, with_contract_load, FunctionBound};
use clarinet_wasm_costs::CostTable;
use clarinet_wasm_runtime::analyze::analyze;
use clarinet_wasm_runtime::costs::table_for;
use clarinet_wasm_tests::contract_gen::{projects, Project};
use clarinet_wasm_tests::*;
use clarity::vm::costs::ExecutionCost;
use proptest::test_runner::{TestCaseError, TestError, TestRunner};

/// A chain on the interpreter alone, with the bounds of every contract deployed on it.
struct Bench {
    d: Dual,
    deployer: StandardPrincipalData,
    /// Per contract: its size (what `LoadContract` charges for) and its bounds.
    contracts: HashMap<QualifiedContractIdentifier, (u64, Vec<FunctionBound>)>,
    table: Arc<CostTable>,
    /// Whether static calls may use the bounds of the contracts deployed before.
    know_callees: bool,
}

impl Bench {
    fn on(chain: Chain) -> Bench {
        let mut d = Dual::new(chain, Runtimes::Interpreter);
        let deployer = d.interp.deployer();
        let table = table_for(&mut d.interp).expect("cost table");
        Bench {
            d,
            deployer,
            contracts: HashMap::new(),
            table,
            know_callees: true,
        }
    }

    fn new() -> Bench {
        Bench::on(Chain::devnet())
    }

    fn id(&self, name: &str) -> QualifiedContractIdentifier {
        QualifiedContractIdentifier::new(self.deployer.clone(), name.into())
    }

    /// Analyse `src` (as the deployment will), bound its functions, deploy it.
    fn deploy(&mut self, name: &str, src: &str) -> Result<Vec<FunctionBound>, String> {
        let id = self.id(name);
        let (epoch, version) = (self.d.interp.epoch, self.d.interp.clarity_version);
        let analyzed = analyze(&mut self.d.interp.store, &id, src, version, epoch)
            .map_err(|e| format!("analysis of {name}: {e}"))?;
        let known = &self.contracts;
        let table = &self.table;
        let know = self.know_callees;
        let callee = |c: &QualifiedContractIdentifier, f: &str| -> Option<ExecutionCost> {
            let (size, bounds) = known.get(c).filter(|_| know)?;
            let b = bounds.iter().find(|b| b.name == f && b.is_complete())?;
            with_contract_load(table, *size, &b.cost)
        };
        let bounds = function_bounds(&analyzed.analysis, table, epoch, &callee);
        let r = self.d.deploy(name, src, &self.deployer.clone(), version);
        if let Err(e) = &r.interpreter.result {
            return Err(format!("deploy {name}: {}", e.kind));
        }
        self.contracts
            .insert(id, (src.len() as u64, bounds.clone()));
        Ok(bounds)
    }

    fn bound(&self, contract: &str, function: &str) -> FunctionBound {
        let (_, bounds) = &self.contracts[&self.id(contract)];
        bounds
            .iter()
            .find(|b| b.name == function)
            .unwrap_or_else(|| panic!("no bound for {function}"))
            .clone()
    }

    /// Call `function` from the deployer: (the measured cost minus `LoadContract`, the
    /// result's rendering).
    fn call(&mut self, contract: &str, function: &str, args: &[Value]) -> (ExecutionCost, String) {
        let id = self.id(contract);
        let sender = PrincipalData::Standard(self.deployer.clone());
        let r = self.d.call(&id, function, args, &sender);
        let measured = r.interpreter.cost.clone().expect("a metered call");
        let size = self.contracts[&id].0;
        let load = with_contract_load(&self.table, size, &ExecutionCost::zero()).expect("load");
        (minus(&measured, &load), render_result(&r.interpreter))
    }
}

fn dims(c: &ExecutionCost) -> [u64; 5] {
    [
        c.runtime,
        c.read_count,
        c.read_length,
        c.write_count,
        c.write_length,
    ]
}

fn minus(a: &ExecutionCost, b: &ExecutionCost) -> ExecutionCost {
    let (x, y) = (dims(a), dims(b));
    assert!(
        x.iter().zip(y).all(|(x, y)| *x >= y),
        "{a:?} is below the load {b:?}"
    );
    ExecutionCost {
        runtime: a.runtime - b.runtime,
        read_count: a.read_count - b.read_count,
        read_length: a.read_length - b.read_length,
        write_count: a.write_count - b.write_count,
        write_length: a.write_length - b.write_length,
    }
}

fn within(measured: &ExecutionCost, bound: &ExecutionCost) -> bool {
    dims(measured).iter().zip(dims(bound)).all(|(m, b)| *m <= b)
}

/// The call of `function` costs exactly its bound.
fn exact(b: &mut Bench, contract: &str, function: &str, args: &[Value], result: &str) {
    let bound = b.bound(contract, function);
    assert!(bound.is_complete(), "{function}: {:?}", bound.unbounded);
    let (measured, got) = b.call(contract, function, args);
    assert_eq!(got, result, "{function}");
    assert_eq!(measured, bound.cost, "{function}: measured vs bound");
}

/// The call of `function` costs at most its bound, and at least 4/5 of it in every
/// dimension.
fn close(b: &mut Bench, contract: &str, function: &str, args: &[Value], result: &str) {
    let bound = b.bound(contract, function);
    assert!(bound.is_complete(), "{function}: {:?}", bound.unbounded);
    let (measured, got) = b.call(contract, function, args);
    assert_eq!(got, result, "{function}");
    let ok = dims(&measured)
        .iter()
        .zip(dims(&bound.cost))
        .all(|(m, b)| *m <= b && b * 4 <= m * 5);
    assert!(
        ok,
        "{function}: measured {measured:?}, bound {:?}",
        bound.cost
    );
}

/// The call of `function` costs at most its bound, and less.
fn below(b: &mut Bench, contract: &str, function: &str, args: &[Value]) {
    let bound = b.bound(contract, function);
    assert!(bound.is_complete(), "{function}: {:?}", bound.unbounded);
    let (measured, _) = b.call(contract, function, args);
    assert!(
        within(&measured, &bound.cost),
        "{function}: {measured:?} > {:?}",
        bound.cost
    );
    assert_ne!(measured, bound.cost, "{function}: expected a cheaper path");
}

const STORE: &str = r#"
(define-data-var v int 0)
(define-data-var t { a: uint, b: (buff 4) } { a: u1, b: 0x01020304 })
(define-map m uint (buff 8))
(define-read-only (get-v) (var-get v))
(define-read-only (get-t) (var-get t))
(define-public (set (x int)) (ok (var-set v x)))
(define-public (put (k uint) (x (buff 8))) (ok (map-set m k x)))
(define-public (drop (k uint)) (ok (map-delete m k)))
(define-read-only (fetch (k uint)) (map-get? m k))
(define-read-only (pick (c bool) (x int))
  (if c (+ x (* x 2) (- x 1)) x))
"#;

const LISTS: &str = r#"
(define-private (double (x int)) (* x 2))
(define-read-only (sum (xs (list 10 int))) (fold + xs 0))
(define-read-only (doubles (xs (list 5 int))) (map double xs))
(define-read-only (positives (xs (list 4 int))) (filter is-positive xs))
(define-private (is-positive (x int)) (> x 0))
(define-read-only (nested (xs (list 3 int)))
  (let ((ys (map double xs))) (fold + ys (to-int (len ys)))))
"#;

const WORDS: &str = r#"
(define-non-fungible-token nft uint)
(define-fungible-token tok)
(define-read-only (words (b (buff 4)) (s (string-ascii 3)) (t { a: int, b: (buff 2) }))
  (let ((h (sha256 b))
        (c (concat b b))
        (e (is-eq s "abc"))
        (m (merge t { a: 1 }))
        (g (get a t))
        (x (to-consensus-buff? t))
        (f (from-consensus-buff? int 0x0000000000000000000000000000000001))
        (l (len s))
        (k (element-at? s u1))
        (p (print t)))
    (ok { h: h, c: c, e: e, g: g, l: l, k: k })))
(define-public (mint (id uint) (who principal))
  (begin
    (try! (nft-mint? nft id who))
    (try! (ft-mint? tok u5 who))
    (ok (stx-get-balance who))))
(define-read-only (pairs (xs (list 3 int)) (ys (list 3 int)))
  (map + xs ys))
"#;

const WORDS_RESULT: &str = "(ok (tuple (c 0x0102030401020304) (e true) (g -1) \
    (h 0x9f64a747e1b97f131fabb6b447296c9b6f0201e79fb3c5356e6c77e89b6a806a) (k (some \"b\")) \
    (l u3)))";

fn ints(xs: &[i128]) -> Value {
    list(xs.iter().map(|x| Value::Int(*x)).collect())
}

/// Getters, writes and branches cost exactly their bounds with the largest values on the
/// worst path: on epoch 2.4 (serialized sizes) as on 2.05 (costs-2) and 2.0 (declared
/// sizes).
#[test]
fn exact_on_the_worst_path() {
    for (epoch, version) in [
        (StacksEpochId::Epoch24, ClarityVersion::Clarity2),
        (StacksEpochId::Epoch2_05, ClarityVersion::Clarity1),
        (StacksEpochId::Epoch20, ClarityVersion::Clarity1),
    ] {
        let mut b = Bench::on(Chain::new(epoch, version, &devnet_accounts()));
        b.deploy("store", STORE).unwrap();
        exact(&mut b, "store", "get-v", &[], "0");
        // A tuple's declared size (what clarity-vm charges when a data access fails, and
        // before 2.05) is above its serialized size: the bound takes the larger.
        if epoch >= StacksEpochId::Epoch2_05 {
            close(
                &mut b,
                "store",
                "get-t",
                &[],
                "(tuple (a u1) (b 0x01020304))",
            );
        } else {
            exact(
                &mut b,
                "store",
                "get-t",
                &[],
                "(tuple (a u1) (b 0x01020304))",
            );
        }
        exact(&mut b, "store", "set", &[Value::Int(-5)], "(ok true)");
        exact(
            &mut b,
            "store",
            "put",
            &[Value::UInt(7), buff(&[9; 8])],
            "(ok true)",
        );
        exact(
            &mut b,
            "store",
            "fetch",
            &[Value::UInt(7)],
            "(some 0x0909090909090909)",
        );
        exact(&mut b, "store", "drop", &[Value::UInt(7)], "(ok true)");
        exact(
            &mut b,
            "store",
            "pick",
            &[Value::Bool(true), Value::Int(3)],
            "11",
        );
        below(
            &mut b,
            "store",
            "pick",
            &[Value::Bool(false), Value::Int(3)],
        );
        if epoch >= StacksEpochId::Epoch2_05 {
            // Smaller stored values, a missing entry: charged by what is there.
            below(&mut b, "store", "put", &[Value::UInt(7), buff(&[1])]);
            below(&mut b, "store", "fetch", &[Value::UInt(8)]);
            b.deploy("lists", LISTS).unwrap();
            exact(&mut b, "lists", "sum", &[ints(&[1; 10])], "10");
            below(&mut b, "lists", "sum", &[ints(&[1, 2, 3])]);
            exact(
                &mut b,
                "lists",
                "doubles",
                &[ints(&[1, 2, 3, 4, 5])],
                "(2 4 6 8 10)",
            );
            below(&mut b, "lists", "doubles", &[ints(&[])]);
            exact(
                &mut b,
                "lists",
                "positives",
                &[ints(&[1, -2, 3, 4])],
                "(1 3 4)",
            );
            exact(&mut b, "lists", "nested", &[ints(&[1, 2, 3])], "15");
        }
        if version == ClarityVersion::Clarity2 {
            b.deploy("words", WORDS).unwrap();
            let t = tuple(&[("a", Value::Int(-1)), ("b", buff(&[1, 2]))]);
            let args = [buff(&[1, 2, 3, 4]), ascii("abc"), t];
            exact(&mut b, "words", "words", &args, WORDS_RESULT);
            let who = PrincipalData::Standard(b.deployer.clone());
            let mint = [Value::UInt(1), Value::Principal(who)];
            exact(&mut b, "words", "mint", &mint, "(ok u100000000000000)");
            let pairs = [ints(&[1, 2, 3]), ints(&[4, 5, 6])];
            exact(&mut b, "words", "pairs", &pairs, "(5 7 9)");
        }
    }
}

const TRAITS: &str = r#"
(define-trait getter ((next () (response uint uint))))
"#;

const CALLEE: &str = r#"
(impl-trait .traits.getter)
(define-data-var n uint u41)
(define-public (next) (if (> (var-get n) u0) (ok (+ (var-get n) u1)) (err u0)))
"#;

const CALLER: &str = r#"
(use-trait getter .traits.getter)
(define-public (direct) (contract-call? .callee next))
(define-public (twice)
  (begin (try! (contract-call? .callee next)) (contract-call? .callee next)))
(define-public (through (g <getter>)) (contract-call? g next))
(define-public (only-of (g <getter>)) (ok (contract-of g)))
(define-public (both (g <getter>)) (begin (try! (direct)) (through g)))
"#;

/// A static `contract-call?` adds the callee's bound and its `LoadContract`; a call
/// through a trait is unbounded, and so is a static call of a contract whose bound the
/// caller does not know.
#[test]
fn contract_calls() {
    let mut b = Bench::new();
    b.deploy("traits", TRAITS).unwrap();
    b.deploy("callee", CALLEE).unwrap();
    let bounds = b.deploy("caller", CALLER).unwrap();
    exact(&mut b, "caller", "direct", &[], "(ok u42)");
    exact(&mut b, "caller", "twice", &[], "(ok u42)");
    let unbounded = |f: &str| {
        bounds
            .iter()
            .find(|x| x.name == f)
            .map(|x| x.unbounded.clone())
            .unwrap()
    };
    assert_eq!(
        unbounded("through"),
        ["contract-call? of next through trait reference `g`"]
    );
    // `both` calls `direct` (bounded) and goes through the trait.
    assert_eq!(unbounded("both"), unbounded("through"));
    assert!(unbounded("only-of").is_empty());
    let callee = contract_principal(&b.id("callee"));
    exact(
        &mut b,
        "caller",
        "only-of",
        std::slice::from_ref(&callee),
        &format!("(ok {callee})"),
    );
    // What is bounded of a partial bound is still below the cost.
    let (measured, _) = b.call("caller", "through", &[callee]);
    assert!(within(&b.bound("caller", "direct").cost, &measured));

    // Without the callee's bound, a static call is unbounded too.
    let mut b = Bench::new();
    b.know_callees = false;
    b.deploy("traits", TRAITS).unwrap();
    b.deploy("callee", CALLEE).unwrap();
    let bounds = b.deploy("caller", CALLER).unwrap();
    let direct = bounds.iter().find(|x| x.name == "direct").unwrap();
    let id = b.id("callee");
    assert_eq!(
        direct.unbounded,
        [format!("call of {id}.next whose bound is unknown")]
    );
}

// ---- the property ---------------------------------------------------------------------

thread_local! {
    static BASE: Chain = Chain::devnet();
}

#[derive(Default, Debug)]
struct Stats {
    cases: usize,
    calls: usize,
    /// Calls whose function's bound is complete (and was checked).
    checked: usize,
    /// Reasons for incomplete bounds (first reason of each unchecked call).
    unchecked: HashMap<String, usize>,
    /// bound / measured runtime (both without `LoadContract`) of checked calls that
    /// succeeded.
    ratios: Vec<f64>,
}

fn reason_kind(r: &str) -> String {
    if r.contains("through trait") {
        "contract-call? through a trait".into()
    } else if r.contains("whose bound is unknown") {
        "callee bound unknown".into()
    } else if r.contains("map over sequences of different lengths") {
        "map over sequences of different lengths".into()
    } else {
        r.to_string()
    }
}

fn run_case(p: &Project, stats: &RefCell<Stats>) -> Result<(), TestCaseError> {
    let mut b = Bench::on(BASE.with(|c| c.clone()));
    for (name, src) in &p.contracts {
        b.deploy(name, src)
            .map_err(|e| TestCaseError::fail(format!("{e}\n\n{p:?}")))?;
    }
    let main = b.id(&p.main);
    for c in &p.calls {
        if c.advance > 0 {
            b.d.advance_blocks(c.advance);
        }
        b.d.set_sponsor(
            c.sponsor
                .as_ref()
                .map(|s| b.d.interp.account(s).unwrap().address.clone().into()),
        );
        let sender: PrincipalData =
            b.d.interp
                .account(&c.sender)
                .unwrap()
                .address
                .clone()
                .into();
        let r = b.d.call(&main, &c.function, &c.args, &sender);
        let mut s = stats.borrow_mut();
        s.calls += 1;
        let bound = b.bound(&p.main, &c.function);
        if let Some(why) = bound.unbounded.first() {
            *s.unchecked.entry(reason_kind(why)).or_default() += 1;
            continue;
        }
        let Some(measured) = r.interpreter.cost.clone() else {
            return Err(TestCaseError::fail(format!("no cost for {}", c.render())));
        };
        let total = with_contract_load(&b.table, b.contracts[&main].0, &bound.cost).unwrap();
        if !within(&measured, &total) {
            return Err(TestCaseError::fail(format!(
                "{} costs more than its bound:\n  measured {measured:?}\n  bound    {total:?} \
                 (with LoadContract)\n  result   {}\n\n{p:?}",
                c.render(),
                render_result(&r.interpreter)
            )));
        }
        s.checked += 1;
        if r.interpreter.result.is_ok() {
            let load =
                with_contract_load(&b.table, b.contracts[&main].0, &ExecutionCost::zero()).unwrap();
            let m = measured.runtime - load.runtime;
            if m > 0 {
                s.ratios.push(bound.cost.runtime as f64 / m as f64);
            }
        }
    }
    Ok(())
}

/// Generated projects: no call of the main contract costs more than its bound.
#[test]
fn generated_calls_stay_within_their_bounds() {
    let stats = RefCell::new(Stats::default());
    let mut runner = TestRunner::new(proptest_config(file!(), 200, 120_000));
    let start = std::time::Instant::now();
    let result = runner.run(&projects(), |p| {
        stats.borrow_mut().cases += 1;
        run_case(&p, &stats)
    });
    let mut s = stats.into_inner();
    s.ratios.sort_by(|a, b| a.total_cmp(b));
    let pct = |q: f64| {
        s.ratios
            .get(((s.ratios.len() as f64 - 1.0) * q) as usize)
            .copied()
            .unwrap_or(f64::NAN)
    };
    eprintln!(
        "cost bounds: {} cases in {:.1}s, {} calls, {} checked against a complete bound, \
         unchecked {:?}; runtime bound/measured of {} successful calls: min {:.2}, median {:.2}, \
         p90 {:.2}, max {:.2}",
        s.cases,
        start.elapsed().as_secs_f64(),
        s.calls,
        s.checked,
        s.unchecked,
        s.ratios.len(),
        pct(0.0),
        pct(0.5),
        pct(0.9),
        pct(1.0),
    );
    match result {
        Ok(()) => {}
        Err(TestError::Fail(reason, _)) => panic!("minimal failing case: {reason}"),
        Err(TestError::Abort(reason)) => panic!("aborted: {reason}"),
    }
    if s.cases >= 100 {
        assert!(
            s.checked * 3 >= s.calls,
            "too few calls with a complete bound: {s:?}"
        );
    }
}

const UNEVEN: &str = r#"
(define-private (is-big (x uint)) (> x u5))
(define-read-only (sum-products (xs (list 3 uint)) (ys (list 1 uint)))
  (fold + (map * xs ys) u0))
(define-read-only (counted (xs (list 3 uint)) (ys (list 1 uint)))
  (begin (map * xs ys) (len (map * xs ys))))
(define-read-only (kept (xs (list 3 uint)) (ys (list 1 uint)))
  (filter is-big (map * xs ys)))
(define-read-only (bound-to (xs (list 3 uint)) (ys (list 1 uint)))
  (let ((zs (map * xs ys))) (print zs)))
(define-read-only (remapped (xs (list 3 uint)) (ys (list 1 uint)))
  (map + (map * xs ys)))
"#;

/// clarity-vm 2.1.1's `map` over `xs` then an empty `ys` applies `*` to every element of
/// `xs`: the result is longer than its analysed type (`(list 1 uint)`). Where it is only
/// folded, counted or dropped the bound takes the longest sequence and holds; where the
/// value flows on (filtered, bound to a name, mapped again) the function is named unbounded, never
/// given a bound that is too low.
#[test]
fn a_map_over_uneven_sequences() {
    let mut b = Bench::new();
    b.deploy("uneven", UNEVEN).unwrap();
    let xs = list(vec![Value::UInt(7), Value::UInt(8), Value::UInt(9)]);
    let empty = list(vec![]);
    for f in ["sum-products", "counted"] {
        let bound = b.bound("uneven", f);
        assert!(bound.is_complete(), "{f}: {:?}", bound.unbounded);
        let (measured, got) = b.call("uneven", f, &[xs.clone(), empty.clone()]);
        assert!(got == "u24" || got == "u3", "{f}: {got}");
        assert!(
            within(&measured, &bound.cost),
            "{f}: {measured:?} > {:?}",
            bound.cost
        );
    }
    for f in ["kept", "bound-to", "remapped"] {
        let bound = b.bound("uneven", f);
        assert!(
            bound
                .unbounded
                .iter()
                .any(|w| w.contains("map over sequences of different lengths")),
            "{f}: {bound:?}"
        );
        let (_, got) = b.call("uneven", f, &[xs.clone(), empty.clone()]);
        assert!(got.contains("u7") || got.contains("u8"), "{f}: {got}");
    }
}
