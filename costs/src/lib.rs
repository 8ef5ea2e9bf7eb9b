//! Clarity's cost functions, computed natively.
//!
//! clarity-vm's `LimitedCostTracker` computes every charge by interpreting a function of
//! the epoch's cost contract (`costs`, `costs-2`, `costs-3`). Those functions are tiny
//! formulas over one input; this crate translates them once ([`CostTable`]) and evaluates
//! them with the same uint arithmetic, so a charge (or its error, message included) is
//! exactly the tracker's, without an interpreter. [`Meter`] is a `CostTracker` with the
//! tracker's bookkeeping over a table.
//!
//! ```
//! # use clarinet_wasm_costs::CostTable;
//! # use clarity::vm::costs::cost_functions::ClarityCostFunction;
//! # use clarity::vm::types::QualifiedContractIdentifier;
//! let id = QualifiedContractIdentifier::parse("ST000000000000000000002AMW42H.costs-3").unwrap();
//! let src = "(define-private (linear (n uint) (a uint) (b uint)) (+ (* a n) b))
//!            (define-private (runtime (r uint))
//!              {runtime: r, write_length: u0, write_count: u0, read_count: u0, read_length: u0})
//!            (define-read-only (cost_add (n uint)) (runtime (linear n u11 u125)))";
//! let table = CostTable::from_contract_source(&id, src).unwrap();
//! assert_eq!(table.compute(ClarityCostFunction::Add, 2).unwrap().runtime, 147);
//! ```
//!
//! It knows nothing of databases, wasm or the runtime: callers read the contract's source
//! (and any cost-voting overrides) and hand them over.

mod cost_function;
mod formula;
mod meter;
mod table;
mod translate;

use clarity::types::StacksEpochId;

pub use cost_function::{CostFormula, CostFormulaError};
pub use formula::{Dimension, DimensionSet, EvalError, Formula};
pub use meter::Meter;
pub use table::CostTable;

/// The name of the boot cost contract the tracker uses in `epoch` (None before Clarity).
pub fn default_cost_contract(epoch: StacksEpochId) -> Option<&'static str> {
    match epoch {
        StacksEpochId::Epoch10 => None,
        StacksEpochId::Epoch20 => Some("costs"),
        StacksEpochId::Epoch2_05 => Some("costs-2"),
        StacksEpochId::Epoch21
        | StacksEpochId::Epoch22
        | StacksEpochId::Epoch23
        | StacksEpochId::Epoch24 => Some("costs-3"),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use clarity::vm::costs::cost_functions::ClarityCostFunction;
    use clarity::vm::costs::{CostErrors, CostTracker, ExecutionCost};
    use clarity::vm::types::QualifiedContractIdentifier;

    use super::*;

    const HELPERS: &str = "
        (define-private (runtime (r uint))
            { runtime: r, write_length: u0, write_count: u0, read_count: u0, read_length: u0 })
        (define-private (linear (n uint) (a uint) (b uint)) (+ (* a n) b))
        (define-private (logn (n uint) (a uint) (b uint)) (+ (* a (log2 n)) b))
        (define-private (nlogn (n uint) (a uint) (b uint)) (+ (* a (* n (log2 n))) b))";

    fn id() -> QualifiedContractIdentifier {
        QualifiedContractIdentifier::parse("ST000000000000000000002AMW42H.costs-x").unwrap()
    }

    fn table(functions: &str) -> Result<CostTable, String> {
        CostTable::from_contract_source(&id(), &format!("{HELPERS}\n{functions}"))
    }

    fn failure(r: Result<ExecutionCost, CostErrors>) -> String {
        match r {
            Err(CostErrors::CostComputationFailed(m)) => m,
            other => panic!("expected a failure, got {other:?}"),
        }
    }

    #[test]
    fn translates_the_accepted_shapes() {
        let t = table(
            "(define-read-only (cost_add (n uint)) (runtime u7))
             (define-read-only (cost_sub (n uint)) (runtime (nlogn n u2 u3)))
             (define-read-only (cost_load_contract (n uint))
               { read_length: (linear n u1 u1), runtime: (logn n u5 u6),
                 write_length: u0, write_count: u0, read_count: u2 })",
        )
        .unwrap();
        let add = t.formula(ClarityCostFunction::Add).unwrap();
        assert_eq!(add.dimension(Dimension::Runtime), &Formula::Const(7));
        assert!(add.is_const());
        assert_eq!(t.compute(ClarityCostFunction::Sub, 4).unwrap().runtime, 19);
        let load = t.compute(ClarityCostFunction::LoadContract, 8).unwrap();
        assert_eq!(
            load,
            ExecutionCost {
                runtime: 21,
                read_length: 9,
                read_count: 2,
                write_length: 0,
                write_count: 0
            }
        );
        let dims = t.nonzero_dimensions(ClarityCostFunction::LoadContract);
        assert_eq!(
            dims.iter().collect::<Vec<_>>(),
            [
                Dimension::Runtime,
                Dimension::ReadCount,
                Dimension::ReadLength
            ]
        );
        assert!(t
            .nonzero_dimensions(ClarityCostFunction::Sub)
            .is_runtime_only());
    }

    #[test]
    fn failures_read_like_the_interpreter() {
        let t = table(
            "(define-read-only (cost_sub (n uint)) (runtime (nlogn n u2 u3)))
             (define-read-only (cost_load_contract (n uint))
               { runtime: (linear n u1 u1), read_length: (logn n u1 u1),
                 write_length: u0, write_count: u0, read_count: u2 })",
        )
        .unwrap();
        assert_eq!(
            failure(t.compute(ClarityCostFunction::Sub, 0)),
            "Error evaluating result of cost function ST000000000000000000002AMW42H.costs-x.cost_sub: \
             Arithmetic(\"log2 must be passed a positive integer\")\n Stack Trace: \n\
             ST000000000000000000002AMW42H.costs-x:cost_sub\n\
             ST000000000000000000002AMW42H.costs-x:nlogn\n_native_:native_log2\n"
        );
        assert_eq!(
            failure(t.compute(ClarityCostFunction::LoadContract, 0)),
            "Error evaluating result of cost function ST000000000000000000002AMW42H.costs-x.cost_load_contract: \
             Arithmetic(\"log2 must be passed a positive integer\")\n Stack Trace: \n\
             ST000000000000000000002AMW42H.costs-x:cost_load_contract\n_native_:special_tuple\n\
             ST000000000000000000002AMW42H.costs-x:logn\n_native_:native_log2\n"
        );
        assert_eq!(
            failure(t.compute(ClarityCostFunction::Mul, 1)),
            "Error evaluating result of cost function ST000000000000000000002AMW42H.costs-x.cost_mul: \
             Unchecked(UndefinedFunction(\"cost_mul\"))"
        );
        assert_eq!(
            failure(t.compute_inputs(ClarityCostFunction::Sub, &[1, 2])),
            "Error evaluating result of cost function ST000000000000000000002AMW42H.costs-x.cost_sub: \
             Unchecked(IncorrectArgumentCount(1, 2))"
        );
        assert!(t.compute(ClarityCostFunction::Unimplemented, 1).is_err());
    }

    #[test]
    fn helpers_are_recognised_by_their_bodies() {
        // Renamed helpers and commuted operands are the same functions.
        let t = CostTable::from_contract_source(
            &id(),
            "(define-private (only-runtime (x uint))
                 { write_length: u0, runtime: x, write_count: u0, read_count: u0, read_length: u0 })
             (define-private (affine (a uint) (n uint) (b uint)) (+ b (* n a)))
             (define-read-only (cost_add (n uint)) (only-runtime (affine u3 n u4)))",
        )
        .unwrap();
        assert_eq!(t.compute(ClarityCostFunction::Add, 5).unwrap().runtime, 19);
        // A helper called `linear` that does something else is refused.
        let err = CostTable::from_contract_source(
            &id(),
            "(define-private (runtime (r uint))
                 { runtime: r, write_length: u0, write_count: u0, read_count: u0, read_length: u0 })
             (define-private (linear (n uint) (a uint) (b uint)) (+ (* a n) (* b n)))
             (define-read-only (cost_add (n uint)) (runtime (linear n u1 u2)))",
        )
        .unwrap_err();
        assert!(err.contains("cost_add"), "{err}");
        // So is a `runtime` helper that charges more than runtime.
        let err = CostTable::from_contract_source(
            &id(),
            "(define-private (runtime (r uint))
                 { runtime: r, write_length: u1, write_count: u0, read_count: u0, read_length: u0 })
             (define-read-only (cost_add (n uint)) (runtime u1))",
        )
        .unwrap_err();
        assert!(err.contains("cost_add"), "{err}");
    }

    #[test]
    fn unsupported_shapes_are_errors() {
        for body in [
            "(runtime (pow n u2))",
            "(if (> n u1) (runtime u1) (runtime u2))",
            "(runtime n)",
            "(linear n u1 u2)",
            "{ runtime: u1, write_length: u0, write_count: u0, read_count: u0 }",
            "{ runtime: u1, runtime: u1, write_length: u0, write_count: u0, read_count: u0 }",
            "(runtime (linear u1 u1 u2))",
            "(runtime (linear n 1 u2))",
        ] {
            let err = table(&format!("(define-read-only (cost_add (n uint)) {body})")).unwrap_err();
            assert!(err.contains("cost_add"), "{body}: {err}");
        }
        let err = table("(define-read-only (cost_add (n int)) (runtime u1))").unwrap_err();
        assert!(err.contains("cost_add"), "{err}");
        let err = table("(define-public (cost_add (n uint)) (runtime u1))").unwrap_err();
        assert!(err.contains("cost_add"), "{err}");
        assert!(table("(define-read-only (cost_add (n uint)) (runtime u1)").is_err());
    }

    #[test]
    fn overrides_replace_one_function() {
        let mut t = table("(define-read-only (cost_add (n uint)) (runtime u7))").unwrap();
        let before = t.identity();
        let other =
            QualifiedContractIdentifier::parse("ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM.cheap")
                .unwrap();
        t.with_override(
            ClarityCostFunction::Add,
            &other,
            "add-cost",
            &format!("{HELPERS} (define-read-only (add-cost (n uint)) (runtime (linear n u2 u1)))"),
        )
        .unwrap();
        assert_eq!(t.compute(ClarityCostFunction::Add, 10).unwrap().runtime, 21);
        assert_eq!(
            t.formula(ClarityCostFunction::Add).unwrap().reference(),
            "ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM.cheap.add-cost"
        );
        assert_ne!(t.identity(), before);
        let err = t
            .with_override(ClarityCostFunction::Add, &other, "missing", HELPERS)
            .unwrap_err();
        assert!(err.contains("missing"), "{err}");
    }

    #[test]
    fn the_meter_keeps_the_trackers_books() {
        let t = Arc::new(
            table("(define-read-only (cost_add (n uint)) (runtime (linear n u1 u0)))").unwrap(),
        );
        let mut limit = ExecutionCost::max_value();
        limit.runtime = 10;
        let mut m = Meter::new(t, limit);
        let c = m.compute_cost(ClarityCostFunction::Add, &[6]).unwrap();
        m.add_cost(c.clone()).unwrap();
        assert_eq!(m.total().runtime, 6);
        match m.add_cost(c) {
            Err(CostErrors::CostBalanceExceeded(total, limit)) => {
                assert_eq!((total.runtime, limit.runtime), (12, 10))
            }
            other => panic!("{other:?}"),
        }
        m.set_total(ExecutionCost::zero());
        m.charge(ClarityCostFunction::Add, 3).unwrap();
        assert_eq!(m.total().runtime, 3);
        m.add_memory(10).unwrap();
        m.drop_memory(4);
        assert_eq!(m.memory(), 6);
        assert_eq!(
            m.add_memory(m.memory_limit()),
            Err(CostErrors::MemoryBalanceExceeded(
                m.memory_limit() + 6,
                m.memory_limit()
            ))
        );
        m.reset_memory();
        assert_eq!(m.memory(), 0);
        assert!(m.add_memory(u64::MAX).is_err());
        assert_eq!(m.add_memory(1), Err(CostErrors::CostOverflow));
        assert!(m
            .compute_cost(ClarityCostFunction::Unimplemented, &[1])
            .is_err());
    }
}
