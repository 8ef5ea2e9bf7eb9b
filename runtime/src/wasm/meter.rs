//! Metering on the Wasm path: one `TxMeter` per transaction, shared by every instance the
//! transaction enters.
//!
//! While Wasm runs, the meter block in the running instance's memory (the compiler's
//! `host::meter`) is the truth; while the host runs, the `TxMeter` is. `push` writes the
//! meter into an instance's block before entering it, `pull` reads it back; a host
//! function that charges or calls out pulls first and pushes after.

use clarinet_wasm_compiler::host::{meter as slot, METER_ADDR};
use clarinet_wasm_compiler::ChargeItem;
use clarinet_wasm_costs::Meter;
use clarity::vm::costs::{CostErrors, CostTracker, ExecutionCost};
use clarity::vm::errors::{Error as ClarityError, RuntimeErrorType};

pub struct TxMeter {
    pub meter: Meter,
    /// The interpreter's call-stack depth at the current point.
    pub depth: u64,
    /// Memory accounted for good (data writes): never released in the transaction.
    pub leak: u64,
    /// Whether the cost is reported (metering on); the limits apply either way.
    pub reported: bool,
    /// The contract functions in progress, outermost first: the interpreter's call stack,
    /// kept here (a scan of a few entries costs less than its hashed set) and handed to
    /// it only when a callee runs on the interpreter (`exec::on_interpreter`).
    pub frames: Vec<clarity::vm::callables::FunctionIdentifier>,
}

fn rd(mem: &[u8], off: u32) -> u64 {
    let at = (METER_ADDR + off) as usize;
    u64::from_le_bytes(mem[at..at + 8].try_into().unwrap())
}

fn wr(mem: &mut [u8], off: u32, v: u64) {
    let at = (METER_ADDR + off) as usize;
    mem[at..at + 8].copy_from_slice(&v.to_le_bytes());
}

impl TxMeter {
    pub fn new(meter: Meter, reported: bool) -> TxMeter {
        TxMeter {
            meter,
            frames: vec![],
            depth: 0,
            leak: 0,
            reported,
        }
    }

    /// Write the meter into an instance's block.
    pub fn push(&self, mem: &mut [u8]) {
        let t = self.meter.total();
        let l = self.meter.limit();
        for (off, v) in [
            (slot::RUNTIME, t.runtime),
            (slot::READ_COUNT, t.read_count),
            (slot::READ_LENGTH, t.read_length),
            (slot::WRITE_COUNT, t.write_count),
            (slot::WRITE_LENGTH, t.write_length),
            (slot::MEMORY, self.meter.memory()),
            (slot::LEAK, self.leak),
            (slot::DEPTH, self.depth),
            (slot::LIMIT_RUNTIME, l.runtime),
            (slot::LIMIT_READ_COUNT, l.read_count),
            (slot::LIMIT_READ_LENGTH, l.read_length),
            (slot::LIMIT_WRITE_COUNT, l.write_count),
            (slot::LIMIT_WRITE_LENGTH, l.write_length),
            (slot::LIMIT_MEMORY, self.meter.memory_limit()),
        ] {
            wr(mem, off, v);
        }
    }

    /// Read back what Wasm changed: totals, memory, leak, depth.
    pub fn pull(&mut self, mem: &[u8]) {
        self.meter.set_total(ExecutionCost {
            runtime: rd(mem, slot::RUNTIME),
            read_count: rd(mem, slot::READ_COUNT),
            read_length: rd(mem, slot::READ_LENGTH),
            write_count: rd(mem, slot::WRITE_COUNT),
            write_length: rd(mem, slot::WRITE_LENGTH),
        });
        self.meter.set_memory(rd(mem, slot::MEMORY));
        self.leak = rd(mem, slot::LEAK);
        self.depth = rd(mem, slot::DEPTH);
    }

    pub fn charge(
        &mut self,
        f: clarity::vm::costs::cost_functions::ClarityCostFunction,
        n: u64,
    ) -> Result<(), ClarityError> {
        self.meter.charge(f, n).map_err(ClarityError::from)
    }

    pub fn add_memory(&mut self, n: u64) -> Result<(), ClarityError> {
        self.meter.add_memory(n).map_err(ClarityError::from)
    }

    pub fn drop_memory(&mut self, n: u64) {
        self.meter.drop_memory(n)
    }

    /// `add_memory` that is never given back in the transaction.
    pub fn leak_memory(&mut self, n: u64) -> Result<(), ClarityError> {
        self.leak += n;
        self.add_memory(n)
    }

    /// Make the charges of a batch one by one, up to `upto` of them (all when `None`):
    /// the first that fails is the error, exactly the interpreter's.
    pub fn replay(&mut self, items: &[ChargeItem], upto: Option<usize>) -> Result<(), CostErrors> {
        let n = upto.unwrap_or(items.len()).min(items.len());
        for item in &items[..n] {
            match item {
                ChargeItem::Cost(f, x) => self.meter.charge(*f, *x)?,
                ChargeItem::MemAdd(x) => self.meter.add_memory(*x)?,
                ChargeItem::MemDrop(x) => self.meter.drop_memory(*x),
            }
        }
        Ok(())
    }

    /// The cost to report for the step.
    pub fn reported_cost(&self) -> Option<ExecutionCost> {
        self.reported.then(|| self.meter.total().clone())
    }
}

/// The interpreter's error for a call stack too deep.
pub fn max_depth_error() -> ClarityError {
    RuntimeErrorType::MaxStackDepthReached.into()
}
