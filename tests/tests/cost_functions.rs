//! The native cost table against clarity-vm's own tracker: for the cost contract of each
//! epoch, as deployed on a chain, every cost function over many inputs gives the same
//! `ExecutionCost`, or the same error (message included).

use std::sync::Arc;
use std::time::Instant;

use clarinet_wasm_costs::{default_cost_contract, CostTable, Dimension, Formula, Meter};
use clarinet_wasm_runtime::chain::{Chain, BOOT_TESTNET_ADDRESS, CHAIN_ID_TESTNET};
use clarinet_wasm_runtime::interp;
use clarity::types::StacksEpochId;
use clarity::vm::costs::cost_functions::ClarityCostFunction;
use clarity::vm::costs::{CostErrors, CostTracker, ExecutionCost, LimitedCostTracker};
use clarity::vm::database::ClarityDatabase;
use clarity::vm::types::{PrincipalData, QualifiedContractIdentifier, TupleData};
use clarity::vm::{ClarityVersion, Value};
use clarity_repl::repl::interpreter::BLOCK_LIMIT_MAINNET;

/// Inputs: the small and boundary values cost functions see, powers of two (where log2
/// steps) up to 2^32 and around it, large values (where products pass u64 and truncate),
/// and pseudo-random values of every magnitude.
fn inputs() -> Vec<u64> {
    let mut v: Vec<u64> = (0..=16).collect();
    v.extend([100, 1000, 1_000_000]);
    for k in 5..=32 {
        v.push(1 << k);
    }
    v.extend([(1 << 32) - 1, (1 << 32) + 1, u64::from(u32::MAX)]);
    v.extend([
        1 << 53,
        1 << 62,
        (1 << 63) + 1,
        10_u64.pow(18),
        u64::MAX / 1000 + 1,
        u64::MAX - 1,
        u64::MAX,
    ]);
    // xorshift64, fixed seed; each value shifted to a random magnitude.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..50 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v.push(x >> (x % 64));
    }
    v.sort_unstable();
    v.dedup();
    v
}

/// The deployed source of `id` (reads need an open transaction).
fn contract_source(db: &mut ClarityDatabase, id: &QualifiedContractIdentifier) -> String {
    db.begin();
    let source = db.get_contract_src(id);
    db.roll_back();
    source.unwrap_or_else(|| panic!("{id} is deployed"))
}

struct Report {
    functions: usize,
    inputs: usize,
    compared: usize,
    errors_seen: usize,
    differences: Vec<String>,
}

fn compare_epoch(epoch: StacksEpochId, version: ClarityVersion, expected: &str) -> Report {
    let mut chain = Chain::new(epoch, version, &[]);
    let mut db = ClarityDatabase::new(&mut chain.store, &chain.burn, &chain.burn);
    let mut tracker = LimitedCostTracker::new(
        false,
        CHAIN_ID_TESTNET,
        BLOCK_LIMIT_MAINNET.clone(),
        &mut db,
        epoch,
    )
    .expect("the interpreter's cost tracker loads");
    assert_eq!(default_cost_contract(epoch), Some(expected));
    let id =
        QualifiedContractIdentifier::parse(&format!("{BOOT_TESTNET_ADDRESS}.{expected}")).unwrap();
    let source = contract_source(&mut db, &id);
    let table = CostTable::from_contract_source(&id, &source).unwrap();
    compare_all(expected, &mut tracker, table)
}

/// Compares the tracker and the table (directly, and through a `Meter`) for every cost
/// function and input.
fn compare_all(label: &str, tracker: &mut LimitedCostTracker, table: CostTable) -> Report {
    let table = Arc::new(table);
    // Through the Meter too: its `CostTracker::compute_cost` is what the runtime calls.
    let mut meter = Meter::new(table.clone(), BLOCK_LIMIT_MAINNET.clone());
    let inputs = inputs();
    let functions: Vec<ClarityCostFunction> = ClarityCostFunction::ALL
        .iter()
        .copied()
        .filter(|f| *f != ClarityCostFunction::Unimplemented)
        .collect();
    let mut report = Report {
        functions: functions.len(),
        inputs: inputs.len(),
        compared: 0,
        errors_seen: 0,
        differences: Vec::new(),
    };
    let mut check = |f: ClarityCostFunction,
                     input: &[u64],
                     reference: &Result<ExecutionCost, CostErrors>,
                     native: Result<ExecutionCost, CostErrors>| {
        report.compared += 1;
        report.errors_seen += usize::from(reference.is_err());
        if *reference != native {
            report.differences.push(format!(
                "{label} {f} {input:?}:\n  interpreter: {reference:?}\n  native:      {native:?}"
            ));
        }
    };
    for f in &functions {
        for n in &inputs {
            let reference = tracker.compute_cost(*f, &[*n]);
            check(*f, &[*n], &reference, table.compute(*f, *n));
            check(*f, &[*n], &reference, meter.compute_cost(*f, &[*n]));
        }
        // The tracker passes every input as an argument: other counts fail alike.
        for input in [&[][..], &[1, 2][..]] {
            let reference = tracker.compute_cost(*f, input);
            check(*f, input, &reference, meter.compute_cost(*f, input));
        }
    }
    report
}

#[test]
fn native_costs_equal_the_trackers_for_every_cost_contract() {
    let expected_functions = ClarityCostFunction::ALL.len() - 1;
    let mut total = 0;
    let mut failures = Vec::new();
    for (epoch, version, contract) in [
        (StacksEpochId::Epoch20, ClarityVersion::Clarity1, "costs"),
        (
            StacksEpochId::Epoch2_05,
            ClarityVersion::Clarity1,
            "costs-2",
        ),
        (StacksEpochId::Epoch21, ClarityVersion::Clarity2, "costs-3"),
        (StacksEpochId::Epoch24, ClarityVersion::Clarity2, "costs-3"),
    ] {
        let start = Instant::now();
        let r = compare_epoch(epoch, version, contract);
        println!(
            "{epoch} {contract}: {} functions x {} inputs, {} comparisons ({} errors on both sides), \
             {} differences, {:.2?}",
            r.functions,
            r.inputs,
            r.compared,
            r.errors_seen,
            r.differences.len(),
            start.elapsed()
        );
        assert_eq!(
            r.functions, expected_functions,
            "{contract}: functions compared"
        );
        total += r.differences.len();
        failures.extend(r.differences.into_iter().take(5));
    }
    assert_eq!(
        total,
        0,
        "{total} differences; the first ones:\n{}",
        failures.join("\n")
    );
}

const HELPERS: &str = "
    (define-private (runtime (r uint))
        { runtime: r, write_length: u0, write_count: u0, read_count: u0, read_length: u0 })
    (define-private (linear (n uint) (a uint) (b uint)) (+ (* a n) b))
    (define-private (logn (n uint) (a uint) (b uint)) (+ (* a (log2 n)) b))
    (define-private (nlogn (n uint) (a uint) (b uint)) (+ (* a (* n (log2 n))) b))";

#[test]
fn an_override_replaces_one_cost_function() {
    let mut chain = Chain::new(StacksEpochId::Epoch24, ClarityVersion::Clarity2, &[]);
    let mut db = ClarityDatabase::new(&mut chain.store, &chain.burn, &chain.burn);
    let id =
        QualifiedContractIdentifier::parse(&format!("{BOOT_TESTNET_ADDRESS}.costs-3")).unwrap();
    let source = contract_source(&mut db, &id);
    let mut table = CostTable::from_contract_source(&id, &source).unwrap();
    let before = table.identity();
    let untouched = table.compute(ClarityCostFunction::Sub, 7).unwrap();

    let proposal = QualifiedContractIdentifier::parse(
        "ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM.cheaper-maps",
    )
    .unwrap();
    let source = format!(
        "{HELPERS}
         (define-read-only (fetch-entry (n uint))
             {{ runtime: (nlogn n u3 u10), write_length: u0, write_count: u0,
                read_count: u1, read_length: (linear n u1 u2) }})"
    );
    table
        .with_override(
            ClarityCostFunction::FetchEntry,
            &proposal,
            "fetch-entry",
            &source,
        )
        .unwrap();
    assert_eq!(
        table.compute(ClarityCostFunction::FetchEntry, 8).unwrap(),
        ExecutionCost {
            runtime: 3 * 8 * 3 + 10,
            write_length: 0,
            write_count: 0,
            read_count: 1,
            read_length: 10,
        }
    );
    let formula = table.formula(ClarityCostFunction::FetchEntry).unwrap();
    assert_eq!(
        formula.dimension(Dimension::Runtime),
        &Formula::Nlogn { a: 3, b: 10 }
    );
    assert_eq!(
        table
            .nonzero_dimensions(ClarityCostFunction::FetchEntry)
            .iter()
            .collect::<Vec<_>>(),
        [
            Dimension::Runtime,
            Dimension::ReadCount,
            Dimension::ReadLength
        ]
    );
    assert_eq!(
        table.compute(ClarityCostFunction::FetchEntry, 0),
        Err(CostErrors::CostComputationFailed(
            "Error evaluating result of cost function \
             ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM.cheaper-maps.fetch-entry: \
             Arithmetic(\"log2 must be passed a positive integer\")\n Stack Trace: \n\
             ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM.cheaper-maps:fetch-entry\n\
             _native_:special_tuple\n\
             ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM.cheaper-maps:nlogn\n\
             _native_:native_log2\n"
                .into()
        ))
    );
    assert_eq!(
        table.compute(ClarityCostFunction::Sub, 7).unwrap(),
        untouched
    );
    assert_ne!(table.identity(), before);

    // Shapes the formulas cannot express are refused, naming the function; the table is
    // left as it was.
    for body in [
        "(runtime (pow n u2))",
        "(if (> n u10) (runtime u1) (runtime (linear n u1 u0)))",
    ] {
        let source = format!("{HELPERS} (define-read-only (odd-cost (n uint)) {body})");
        let err = table
            .with_override(
                ClarityCostFunction::FetchEntry,
                &proposal,
                "odd-cost",
                &source,
            )
            .unwrap_err();
        assert!(
            err.contains("cheaper-maps.odd-cost") && err.contains("unsupported"),
            "{err}"
        );
    }
    assert_eq!(
        table
            .formula(ClarityCostFunction::FetchEntry)
            .unwrap()
            .dimension(Dimension::Runtime),
        &Formula::Nlogn { a: 3, b: 10 }
    );
}

/// Cost functions of shapes the boot contracts never use (tuple bodies that fail, products
/// and sums above u128, literals above u64, renamed helpers, commuted operands), installed
/// as confirmed cost-voting proposals so that clarity-vm's own tracker computes them.
const PROPOSED: &str = "
    (define-private (only-runtime (x uint))
        { read_length: u0, runtime: x, write_length: u0, write_count: u0, read_count: u0 })
    (define-private (affine (a uint) (n uint) (b uint)) (+ b (* n a)))
    (define-private (logn (n uint) (a uint) (b uint)) (+ (* a (log2 n)) b))
    (define-private (nlogn (n uint) (a uint) (b uint)) (+ b (* (* (log2 n) n) a)))
    (define-read-only (tuple-fails-late (n uint))
        { write_count: u3, read_length: (affine u2 n u1), write_length: (logn n u1 u0),
          runtime: (nlogn n u7 u1), read_count: u1 })
    (define-read-only (mul-overflows (n uint))
        (only-runtime (affine u170141183460469231731687303715884105728 n u0)))
    (define-read-only (add-overflows (n uint))
        { runtime: u1, write_length: (affine u1 n u340282366920938463463374607431768211455),
          write_count: u0, read_count: u0, read_length: u0 })
    (define-read-only (nlogn-overflows (n uint))
        (only-runtime (nlogn n u18446744073709551616 u5)))
    (define-read-only (big-literal (n uint))
        { runtime: u18446744073709551621, write_length: u0, write_count: u0,
          read_count: u0, read_length: (logn n u18446744073709551615 u18446744073709551615) })";

#[test]
fn overrides_equal_the_trackers() {
    let epoch = StacksEpochId::Epoch24;
    let mut chain = Chain::new(epoch, ClarityVersion::Clarity2, &[]);
    let proposal =
        QualifiedContractIdentifier::parse("ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM.proposed")
            .unwrap();
    let deployed = interp::deploy(&mut chain, &proposal, PROPOSED, ClarityVersion::Clarity2);
    assert!(deployed.result.is_ok(), "{:?}", deployed.result);
    let overrides = [
        (ClarityCostFunction::FetchEntry, "tuple-fails-late"),
        (ClarityCostFunction::Add, "mul-overflows"),
        (ClarityCostFunction::SetEntry, "add-overflows"),
        (ClarityCostFunction::Sub, "nlogn-overflows"),
        (ClarityCostFunction::LoadContract, "big-literal"),
    ];

    let mut db = ClarityDatabase::new(&mut chain.store, &chain.burn, &chain.burn);
    confirm_proposals(&mut db, &proposal, &overrides);
    let mut tracker = LimitedCostTracker::new(
        false,
        CHAIN_ID_TESTNET,
        BLOCK_LIMIT_MAINNET.clone(),
        &mut db,
        epoch,
    )
    .expect("the interpreter's cost tracker loads");
    let boot =
        QualifiedContractIdentifier::parse(&format!("{BOOT_TESTNET_ADDRESS}.costs-3")).unwrap();
    let source = contract_source(&mut db, &boot);
    let mut table = CostTable::from_contract_source(&boot, &source).unwrap();
    for (f, name) in overrides {
        table.with_override(f, &proposal, name, PROPOSED).unwrap();
    }

    let start = Instant::now();
    let r = compare_all("proposed", &mut tracker, table);
    println!(
        "overrides: {} functions x {} inputs, {} comparisons ({} errors on both sides), \
         {} differences, {:.2?}",
        r.functions,
        r.inputs,
        r.compared,
        r.errors_seen,
        r.differences.len(),
        start.elapsed()
    );
    assert!(
        r.differences.is_empty(),
        "{} differences; the first ones:\n{}",
        r.differences.len(),
        r.differences[..r.differences.len().min(5)].join("\n")
    );
    // The overrides did take effect in the tracker, failures included.
    assert!(tracker
        .compute_cost(ClarityCostFunction::Add, &[2])
        .is_err());
    assert!(tracker
        .compute_cost(ClarityCostFunction::FetchEntry, &[0])
        .is_err());
}

/// Records `overrides` as confirmed proposals of the cost-voting contract, as its votes
/// would (the tracker applies them when it is created).
fn confirm_proposals(
    db: &mut ClarityDatabase,
    proposal: &QualifiedContractIdentifier,
    overrides: &[(ClarityCostFunction, &str)],
) {
    let voting =
        QualifiedContractIdentifier::parse(&format!("{BOOT_TESTNET_ADDRESS}.cost-voting")).unwrap();
    let costs =
        QualifiedContractIdentifier::parse(&format!("{BOOT_TESTNET_ADDRESS}.costs")).unwrap();
    let ascii = |s: &str| Value::string_ascii_from_bytes(s.as_bytes().to_vec()).unwrap();
    db.begin();
    for (i, (f, name)) in overrides.iter().enumerate() {
        let key = Value::from(
            TupleData::from_data(vec![("confirmed-id".into(), Value::UInt(i as u128))]).unwrap(),
        );
        let entry = Value::from(
            TupleData::from_data(vec![
                (
                    "function-contract".into(),
                    Value::from(PrincipalData::Contract(costs.clone())),
                ),
                ("function-name".into(), ascii(f.get_name_str())),
                (
                    "cost-function-contract".into(),
                    Value::from(PrincipalData::Contract(proposal.clone())),
                ),
                ("cost-function-name".into(), ascii(name)),
                ("confirmed-height".into(), Value::UInt(1)),
            ])
            .unwrap(),
        );
        db.set_entry_unknown_descriptor(&voting, "confirmed-proposals", key, entry)
            .unwrap();
    }
    let count = db
        .load_variable(&voting, "confirmed-proposal-count")
        .unwrap();
    db.set_variable(
        &voting,
        "confirmed-proposal-count",
        Value::UInt(overrides.len() as u128),
        &count,
    )
    .unwrap();
    db.commit();
}
