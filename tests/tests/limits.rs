//! Where a transaction stops: the cost budget (block limit or a smaller one), the call
//! stack depth, the memory limit. Both runtimes must stop at the same point with the same
//! error (the exceeded totals included) and write nothing.

use clarinet_wasm_runtime::chain::parse_cost_limit;
use clarinet_wasm_tests::*;

const WORK: &str = r#"
(define-map seen uint { at: uint, note: (string-ascii 20) })
(define-data-var total uint u0)
(define-private (step (x uint) (acc uint))
  (begin
    (map-set seen x { at: acc, note: "step" })
    (var-set total (+ (var-get total) x))
    (+ acc (* x x))))
(define-public (run (n uint))
  (ok (fold step (list u1 u2 u3 u4 u5 u6 u7 u8 u9 u10) n)))
(define-read-only (squares)
  (fold + (map square (list 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16)) 0))
(define-private (square (x int)) (* x x))
"#;

/// For budgets spread over the whole cost of a step, in every dimension it uses, both
/// runtimes fail (or succeed) alike: the same error, the same totals at the failing
/// charge, nothing written.
#[test]
fn every_budget_stops_both_runtimes_at_the_same_charge() {
    let mut h = Harness::new();
    let c = h.deploy("work", WORK);
    let steps: Vec<(&str, Vec<Value>)> = vec![("run", vec![Value::UInt(3)]), ("squares", vec![])];
    let mut exceeded = 0;
    let mut checked = 0;
    for (function, args) in steps {
        // The full cost, with the block limit.
        let full = {
            let saved = h.d.clone();
            let r = h.call_ok(
                &c,
                function,
                &args,
                if function == "run" {
                    "(ok u388)"
                } else {
                    "1496"
                },
            );
            h.d = saved;
            r.interpreter.cost.clone().expect("metered")
        };
        let (c_, e_) = sweep_budgets(&mut h, &c, function, &args, &full, 60);
        checked += c_;
        exceeded += e_;
    }
    eprintln!("{checked} budgets tried, {exceeded} exceeded, all alike on both runtimes");
    assert!(
        exceeded > 100,
        "only {exceeded} of {checked} budgets were exceeded"
    );
    h.finish();
}

/// The mainnet block limit stops a heavy transaction on both runtimes alike.
#[test]
fn the_block_limit_stops_heavy_work() {
    let mut h = Harness::new();
    // 2^12 iterations of a few charges each, then more: past 5,000,000,000 runtime?
    // No: the read count limit (15,000) is reached first by map reads.
    let c = h.deploy(
        "heavy",
        r#"
(define-map m uint uint)
(define-private (read-one (x uint) (acc uint))
  (+ acc (default-to u0 (map-get? m x))))
(define-private (read-many (x uint) (acc uint))
  (fold read-one (list u1 u2 u3 u4 u5 u6 u7 u8 u9 u10 u11 u12 u13 u14 u15 u16
                       u17 u18 u19 u20 u21 u22 u23 u24 u25 u26 u27 u28 u29 u30 u31 u32) acc))
(define-private (read-more (x uint) (acc uint))
  (fold read-many (list u1 u2 u3 u4 u5 u6 u7 u8 u9 u10 u11 u12 u13 u14 u15 u16
                        u17 u18 u19 u20 u21 u22 u23 u24 u25 u26 u27 u28 u29 u30 u31 u32) acc))
(define-read-only (go)
  (fold read-more (list u1 u2 u3 u4 u5 u6 u7 u8 u9 u10 u11 u12 u13 u14 u15 u16) u0))
"#,
    );
    let r = h.call_as(
        &c,
        "go",
        &[],
        &h.sender.clone(),
        Expect::ErrorContaining("CostBalanceExceeded".into()),
    );
    // The read count is the exceeded dimension: 15,001 reads.
    assert!(
        r.interpreter
            .result
            .as_ref()
            .unwrap_err()
            .kind
            .contains("read_count: 15001"),
        "{}",
        describe(&r)
    );
    h.finish();
}

/// A chain of `n` private functions, each calling the next; the last adds 1.
fn chain_of(n: usize) -> String {
    let mut src = String::new();
    for i in 1..n {
        src.push_str(&format!("(define-private (f{i} (x int)) (f{} x))\n", i + 1));
    }
    src.push_str(&format!("(define-private (f{n} (x int)) (+ x 1))\n"));
    src
}

/// The interpreter counts every application, native or not, in its call-stack depth
/// (`MAX_CALL_STACK_DEPTH` = 64): an application at depth 64 fails. A direct call's body
/// is at depth 1, `(ok (f1 0))` puts `f1`'s body at 3, and `f_n`'s `(+ x 1)` is applied
/// at depth n + 2: chains of 61, 62 and 63 put the deepest application at 63, 64, 65.
#[test]
fn call_depth_through_private_calls() {
    let mut h = Harness::new();
    for (n, expect) in [
        (61, Expect::Value("(ok 1)".into())),
        (62, Expect::Error(runtime("MaxStackDepthReached"))),
        (63, Expect::Error(runtime("MaxStackDepthReached"))),
    ] {
        let src = format!("{}(define-public (go) (ok (f1 0)))\n", chain_of(n));
        let c = h.deploy(&format!("depth-{n}"), &src);
        let sender = h.sender.clone();
        h.call_as(&c, "go", &[], &sender, expect);
    }
    h.finish();
}

/// Inside `map`, `fold` and `filter` the applied function is one level deeper than the
/// word (the word's own frame, then the application): the deepest application is at
/// n + 4 through `map` (`g` calls the chain), n + 5 through `fold` and `filter` (`h2` and
/// `p` call it inside `+` and `is-eq`). Each word is tried with its deepest application
/// at 63, 64 and 65.
#[test]
fn call_depth_through_map_fold_filter() {
    let mut h = Harness::new();
    for (word, use_it, result_ok, extra) in [
        ("map", "(map g (list 1 2))", "(ok (1 1))", 4),
        ("fold", "(fold h2 (list 1 2) 0)", "(ok 2)", 5),
        ("filter", "(filter p (list 1 2))", "(ok (1 2))", 5),
    ] {
        for deepest in [63, 64, 65] {
            let n = deepest - extra;
            let mut src = chain_of(n);
            // g, h2 and p call the chain, which adds 1 to 0.
            src.push_str("(define-private (g (x int)) (f1 0))\n");
            src.push_str("(define-private (h2 (x int) (acc int)) (+ acc (f1 0)))\n");
            src.push_str("(define-private (p (x int)) (is-eq (f1 0) 1))\n");
            src.push_str(&format!("(define-public (go) (ok {use_it}))\n"));
            let c = h.deploy(&format!("{word}-depth-{deepest}"), &src);
            let sender = h.sender.clone();
            let expect = if deepest < 64 {
                Expect::Value(result_ok.into())
            } else {
                Expect::Error(runtime("MaxStackDepthReached"))
            };
            h.call_as(&c, "go", &[], &sender, expect);
        }
    }
    h.finish();
}

/// `contract-call?` is two levels: its own frame and the callee function's. The caller's
/// `(ok (unwrap-panic (contract-call? ...)))` puts the callee's body at 5 and the chain's
/// deepest application at n + 6.
#[test]
fn call_depth_across_contract_calls() {
    let mut h = Harness::new();
    for deepest in [63, 64, 65] {
        let n = deepest - 6;
        let callee = format!("{}(define-public (deep) (ok (f1 0)))\n", chain_of(n));
        let b = h.deploy(&format!("callee-{deepest}"), &callee);
        let caller =
            format!("(define-public (go) (ok (unwrap-panic (contract-call? '{b} deep))))\n");
        let a = h.deploy(&format!("caller-{deepest}"), &caller);
        let sender = h.sender.clone();
        let expect = if deepest < 64 {
            Expect::Value("(ok 1)".into())
        } else {
            Expect::Error(runtime("MaxStackDepthReached"))
        };
        h.call_as(&a, "go", &[], &sender, expect);
    }
    h.finish();
}

/// Memory: each `let` binding accounts its value's size until the `let` ends; about two
/// hundred bindings of a 512 KiB buffer pass the 100 MB limit.
#[test]
fn memory_limit_on_large_values() {
    let mut h = Harness::new();
    let mut src = String::from("(define-read-only (grow (n uint))\n  (let ((b0 0x");
    src.push_str(&"ab".repeat(1024));
    src.push(')');
    for i in 1..=9 {
        src.push_str(&format!(" (b{i} (concat b{} b{}))", i - 1, i - 1));
    }
    // b9 is 512 KiB; bind it again and again.
    for i in 0..220 {
        src.push_str(&format!(" (x{i} b9)"));
    }
    src.push_str(")\n    (len x0)))\n");
    // Small enough for the limit: fewer bindings.
    let mut small = String::from("(define-read-only (fine)\n  (let ((b0 0x");
    small.push_str(&"ab".repeat(1024));
    small.push(')');
    for i in 1..=9 {
        small.push_str(&format!(" (b{i} (concat b{} b{}))", i - 1, i - 1));
    }
    for i in 0..20 {
        small.push_str(&format!(" (x{i} b9)"));
    }
    small.push_str(")\n    (len x0)))\n");
    src.push_str(&small);
    // The budget is not the point here: lift it so memory is what stops the work.
    let limit = parse_cost_limit(&format!("runtime={}", u64::MAX / 2)).unwrap();
    with_limit(&mut h, &limit, |h| {
        let c = h.deploy("memory", &src);
        let sender = h.sender.clone();
        h.call_as(&c, "fine", &[], &sender, Expect::Value("u524288".into()));
        h.call_as(
            &c,
            "grow",
            &[Value::UInt(1)],
            &sender,
            Expect::ErrorContaining("MemoryBalanceExceeded".into()),
        );
    });
    h.finish();
}
