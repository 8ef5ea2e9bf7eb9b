//! `Meter`: a cost tracker with the bookkeeping of clarity-vm's `LimitedCostTracker`, whose
//! charges come from a `CostTable` instead of interpreting the cost contract.

use std::sync::Arc;

use clarity::vm::costs::cost_functions::ClarityCostFunction;
use clarity::vm::costs::{
    CostErrors, CostOverflowingMath, CostTracker, ExecutionCost, CLARITY_MEMORY_LIMIT,
};
use clarity::vm::types::QualifiedContractIdentifier;
use clarity::vm::ClarityName;

use crate::table::CostTable;

/// Running totals against limits, charged by a shared `CostTable`.
#[derive(Clone, Debug)]
pub struct Meter {
    table: Arc<CostTable>,
    total: ExecutionCost,
    limit: ExecutionCost,
    memory: u64,
    memory_limit: u64,
}

impl Meter {
    /// A meter at zero, with the given cost limit and clarity-vm's memory limit.
    pub fn new(table: Arc<CostTable>, limit: ExecutionCost) -> Meter {
        Meter {
            table,
            total: ExecutionCost::zero(),
            limit,
            memory: 0,
            memory_limit: CLARITY_MEMORY_LIMIT,
        }
    }

    pub fn table(&self) -> &Arc<CostTable> {
        &self.table
    }

    pub fn total(&self) -> &ExecutionCost {
        &self.total
    }

    pub fn set_total(&mut self, total: ExecutionCost) {
        self.total = total;
    }

    pub fn limit(&self) -> &ExecutionCost {
        &self.limit
    }

    pub fn set_limit(&mut self, limit: ExecutionCost) {
        self.limit = limit;
    }

    pub fn memory(&self) -> u64 {
        self.memory
    }

    pub fn set_memory(&mut self, memory: u64) {
        self.memory = memory;
    }

    pub fn memory_limit(&self) -> u64 {
        self.memory_limit
    }

    pub fn set_memory_limit(&mut self, memory_limit: u64) {
        self.memory_limit = memory_limit;
    }

    /// `compute` then `add_cost`: one charge of `f` for input `n`.
    #[inline]
    pub fn charge(&mut self, f: ClarityCostFunction, n: u64) -> Result<(), CostErrors> {
        let cost = self.table.compute(f, n)?;
        self.add_cost(cost)
    }
}

impl CostTracker for Meter {
    fn compute_cost(
        &mut self,
        cost_function: ClarityCostFunction,
        input: &[u64],
    ) -> Result<ExecutionCost, CostErrors> {
        self.table.compute_inputs(cost_function, input)
    }

    /// As the tracker: every dimension is added (an overflow stops at the first dimension
    /// that overflows, leaving the earlier ones added), then the limit is checked.
    fn add_cost(&mut self, cost: ExecutionCost) -> Result<(), CostErrors> {
        self.total.add(&cost)?;
        if self.total.exceeds(&self.limit) {
            Err(CostErrors::CostBalanceExceeded(
                self.total.clone(),
                self.limit.clone(),
            ))
        } else {
            Ok(())
        }
    }

    fn add_memory(&mut self, memory: u64) -> Result<(), CostErrors> {
        self.memory = self.memory.cost_overflow_add(memory)?;
        if self.memory > self.memory_limit {
            Err(CostErrors::MemoryBalanceExceeded(
                self.memory,
                self.memory_limit,
            ))
        } else {
            Ok(())
        }
    }

    /// The tracker panics when more memory is dropped than was added; that is a bug of the
    /// caller, caught by the debug assertion, and saturates in release builds rather than
    /// bringing down the host.
    fn drop_memory(&mut self, memory: u64) {
        debug_assert!(
            memory <= self.memory,
            "dropped {memory} bytes of memory, only {} tracked",
            self.memory
        );
        self.memory = self.memory.saturating_sub(memory);
    }

    fn reset_memory(&mut self) {
        self.memory = 0;
    }

    /// Always `false`: circuits installed by cost-voting proposals replace the cost of a
    /// whole contract call, which the runtime that performs the call decides (it knows the
    /// callee and its arguments); a meter only charges.
    fn short_circuit_contract_call(
        &mut self,
        _contract: &QualifiedContractIdentifier,
        _function: &ClarityName,
        _input: &[u64],
    ) -> Result<bool, CostErrors> {
        Ok(false)
    }
}
