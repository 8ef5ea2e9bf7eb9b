//! Cost functions replaced by the cost-voting contract: the interpreter's tracker applies
//! a confirmed proposal, and so does the Wasm path (translating the proposal's function)
//! when it can; a function whose shape it cannot translate makes the Wasm path refuse the
//! chain with a message naming it, never charge with the wrong function.

use clarinet_wasm_runtime::chain::BOOT_TESTNET_ADDRESS;
use clarinet_wasm_runtime::interp;
use clarinet_wasm_tests::*;
use clarity::vm::costs::cost_functions::ClarityCostFunction;
use clarity::vm::database::ClarityDatabase;
use clarity::vm::types::TupleData;

const PROPOSED: &str = r#"
(define-private (linear (n uint) (a uint) (b uint)) (+ (* a n) b))
(define-private (runtime (r uint))
  { runtime: r, write_length: u0, write_count: u0, read_count: u0, read_length: u0 })
(define-read-only (dearer-add (n uint)) (runtime (linear n u1000 u7)))
(define-read-only (branchy-add (n uint)) (runtime (if (> n u2) u5 u6)))
"#;

/// A chain where the cost-voting contract confirmed replacing `cost_add` with `function`
/// of contract `proposed` (recorded as its votes would leave it).
fn voted_chain(function: &str) -> Chain {
    let mut chain = Chain::devnet();
    let proposal = QualifiedContractIdentifier::new(chain.deployer(), "proposed".into());
    let r = interp::deploy(&mut chain, &proposal, PROPOSED, ClarityVersion::Clarity2);
    assert!(r.result.is_ok(), "{:?}", r.result);
    let voting =
        QualifiedContractIdentifier::parse(&format!("{BOOT_TESTNET_ADDRESS}.cost-voting")).unwrap();
    let costs =
        QualifiedContractIdentifier::parse(&format!("{BOOT_TESTNET_ADDRESS}.costs")).unwrap();
    let mut db = ClarityDatabase::new(&mut chain.store, &chain.burn, &chain.burn);
    db.begin();
    let key =
        Value::from(TupleData::from_data(vec![("confirmed-id".into(), Value::UInt(0))]).unwrap());
    let entry = Value::from(
        TupleData::from_data(vec![
            (
                "function-contract".into(),
                Value::from(PrincipalData::Contract(costs)),
            ),
            (
                "function-name".into(),
                ascii(ClarityCostFunction::Add.get_name_str()),
            ),
            (
                "cost-function-contract".into(),
                Value::from(PrincipalData::Contract(proposal)),
            ),
            ("cost-function-name".into(), ascii(function)),
            ("confirmed-height".into(), Value::UInt(1)),
        ])
        .unwrap(),
    );
    db.set_entry_unknown_descriptor(&voting, "confirmed-proposals", key, entry)
        .unwrap();
    let count = db
        .load_variable(&voting, "confirmed-proposal-count")
        .unwrap();
    db.set_variable(&voting, "confirmed-proposal-count", Value::UInt(1), &count)
        .unwrap();
    db.commit();
    chain.store.take_writes();
    chain
}

#[test]
fn a_voted_cost_function_is_used_by_both_runtimes() {
    let mut plain = Harness::new();
    let before = plain.ok("(+ 1 2)", "3").interpreter.cost.unwrap();
    plain.finish();

    let mut h = Harness::on(voted_chain("dearer-add"));
    // The first transaction processes the proposal (and records it) on both runtimes.
    let r = h.ok("(+ 1 2)", "3");
    let after = r.interpreter.cost.clone().unwrap();
    assert_eq!(
        after.runtime,
        before.runtime - 147 + 2007,
        "the voted function (1000n + 7 for 2 arguments) replaced the boot one (11n + 125)"
    );
    assert!(
        r.interpreter
            .writes
            .keys()
            .any(|k| format!("{k:?}").contains("vm-costs::last_processed_count")),
        "the proposal was processed in the transaction: {:?}",
        r.interpreter.writes.keys()
    );
    // Later transactions use it too.
    h.ok("(+ 1 2 3)", "6");
    let c = h.deploy("adder", "(define-read-only (add (a int)) (+ a a))");
    h.call_ok(&c, "add", &[Value::Int(4)], "8");
    h.finish();
}

#[test]
fn a_voted_function_the_wasm_path_cannot_compute_is_refused_plainly() {
    let mut h = Harness::on(voted_chain("branchy-add"));
    let r = h.eval("(+ 1 2)");
    match &r.verdict {
        Verdict::WasmNotRun(why) => {
            assert!(why.contains("cost_add"), "{why}");
            assert!(why.contains("branchy-add"), "{why}");
        }
        other => panic!(
            "expected the Wasm path to refuse, got {other:?}\n{}",
            describe(&r)
        ),
    }
    // The interpreter still ran it, with the voted function.
    assert_eq!(render_result(&r.interpreter), "3");
}
