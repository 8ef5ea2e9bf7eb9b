//! `CostTable`: every cost function of an epoch's cost contract, translated to formulas.

use clarity::vm::costs::cost_functions::ClarityCostFunction;
use clarity::vm::costs::{CostErrors, ExecutionCost};
use clarity::vm::errors::{CheckErrors, Error};
use clarity::vm::types::QualifiedContractIdentifier;

use crate::cost_function::CostFormula;
use crate::formula::{DimensionSet, Fnv};
use crate::translate::Parsed;

/// What the tracker finds for one `ClarityCostFunction`.
// Formulas are kept inline (no indirection on the hot path); the table is built once.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
enum Entry {
    Defined(CostFormula),
    /// The contract does not define the function (an older cost contract than the
    /// function): the tracker fails on every call, and so does the table, identically.
    Missing {
        contract: String,
        name: String,
    },
    /// `ClarityCostFunction::Unimplemented`: the tracker panics; the table refuses.
    Unimplemented,
}

/// The cost functions of a cost contract (plus any overrides), computed natively.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CostTable {
    contract: QualifiedContractIdentifier,
    /// Indexed by `ClarityCostFunction as usize`.
    entries: Vec<Entry>,
}

impl CostTable {
    /// Translates every cost function of the cost contract `contract`, whose source is
    /// `source` (e.g. `costs-3` for epochs 2.1 to 2.4). A function the contract does not
    /// define stays undefined (as in the tracker, computing it fails); a function of any
    /// shape other than literals and the `runtime`, `linear`, `logn`, `nlogn` helpers is an
    /// `Err` naming it. Definitions that are not cost functions are ignored.
    pub fn from_contract_source(
        contract: &QualifiedContractIdentifier,
        source: &str,
    ) -> Result<CostTable, String> {
        let parsed = Parsed::new(contract, source)?;
        let mut entries = Vec::with_capacity(ClarityCostFunction::ALL.len());
        for (i, f) in ClarityCostFunction::ALL.iter().enumerate() {
            // Indexing by discriminant relies on ALL listing the variants in order.
            debug_assert_eq!(*f as usize, i);
            let name = f.get_name_str();
            let entry = if *f == ClarityCostFunction::Unimplemented {
                Entry::Unimplemented
            } else if parsed.defines(name) {
                Entry::Defined(parsed.translate(name)?)
            } else {
                Entry::Missing {
                    contract: contract.to_string(),
                    name: name.to_string(),
                }
            };
            entries.push(entry);
        }
        Ok(CostTable {
            contract: contract.clone(),
            entries,
        })
    }

    /// Replaces the cost function `f` by `function_name` of the contract `contract` whose
    /// source is `source`, as a confirmed cost-voting proposal does. The contract must
    /// define the function with an accepted shape; on `Err` the table is unchanged.
    pub fn with_override(
        &mut self,
        f: ClarityCostFunction,
        contract: &QualifiedContractIdentifier,
        function_name: &str,
        source: &str,
    ) -> Result<(), String> {
        if f == ClarityCostFunction::Unimplemented {
            return Err("cost_unimplemented cannot be overridden".into());
        }
        let parsed = Parsed::new(contract, source)?;
        let formula = parsed.translate(function_name)?;
        debug_assert_eq!(parsed.contract(), contract);
        self.entries[f as usize] = Entry::Defined(formula);
        Ok(())
    }

    /// The cost contract the table was built from.
    pub fn contract(&self) -> &QualifiedContractIdentifier {
        &self.contract
    }

    /// The formulas of `f`, or None when computing it always fails (undefined by the
    /// contract, or `Unimplemented`). A compiler can evaluate a charge with a known input
    /// with `CostFormula::eval`.
    pub fn formula(&self, f: ClarityCostFunction) -> Option<&CostFormula> {
        match &self.entries[f as usize] {
            Entry::Defined(formula) => Some(formula),
            _ => None,
        }
    }

    /// The dimensions `f` may charge for some input (conservative); empty when it never
    /// charges (or always fails).
    pub fn nonzero_dimensions(&self, f: ClarityCostFunction) -> DimensionSet {
        self.formula(f)
            .map(CostFormula::nonzero_dimensions)
            .unwrap_or(DimensionSet::EMPTY)
    }

    /// The charge of `f` for input `n`, exactly the tracker's `compute_cost(f, &[n])`,
    /// errors included. No allocation unless it fails.
    #[inline]
    pub fn compute(&self, f: ClarityCostFunction, n: u64) -> Result<ExecutionCost, CostErrors> {
        match &self.entries[f as usize] {
            Entry::Defined(formula) => formula
                .eval(n)
                .map_err(|e| failed(formula.reference(), &formula.render_error(e))),
            other => Err(self.always_fails(other)),
        }
    }

    /// `compute` for any number of inputs, as `CostTracker::compute_cost` receives them.
    /// Cost functions take one argument; the tracker passes every input as an argument,
    /// so other counts fail (after the lookup of the function, as in the interpreter).
    pub fn compute_inputs(
        &self,
        f: ClarityCostFunction,
        inputs: &[u64],
    ) -> Result<ExecutionCost, CostErrors> {
        match (&self.entries[f as usize], inputs) {
            (_, [n]) => self.compute(f, *n),
            (Entry::Defined(formula), _) => {
                let e = Error::Unchecked(CheckErrors::IncorrectArgumentCount(1, inputs.len()));
                Err(failed(formula.reference(), &e.to_string()))
            }
            (other, _) => Err(self.always_fails(other)),
        }
    }

    fn always_fails(&self, entry: &Entry) -> CostErrors {
        match entry {
            Entry::Missing { contract, name } => {
                let e = Error::Unchecked(CheckErrors::UndefinedFunction(name.clone()));
                failed(&format!("{contract}.{name}"), &e.to_string())
            }
            // The tracker panics ("Used unimplemented cost function"); a meter should not.
            Entry::Unimplemented => {
                CostErrors::CostComputationFailed("Used unimplemented cost function".to_string())
            }
            Entry::Defined(_) => unreachable!("a defined function does not always fail"),
        }
    }

    /// A stable hash of every function's formulas (not of contract or function names, which
    /// only appear in error messages): a compiled module records the table it was compiled
    /// against by this number.
    pub fn identity(&self) -> u64 {
        let mut h = Fnv::new();
        for entry in &self.entries {
            match entry {
                Entry::Defined(formula) => {
                    h.write(&[1]);
                    formula.hash_into(&mut h);
                }
                Entry::Missing { .. } => h.write(&[2]),
                Entry::Unimplemented => h.write(&[3]),
            }
        }
        h.finish()
    }
}

fn failed(reference: &str, error: &str) -> CostErrors {
    CostErrors::CostComputationFailed(format!(
        "Error evaluating result of cost function {reference}: {error}"
    ))
}
