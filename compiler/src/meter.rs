//! Metering in generated code: the interpreter's charges (a cost function and its input),
//! its memory accounting and its call-stack depth, made at the points where clarity-vm
//! makes them.
//!
//! The state lives in the module's *meter block*, a fixed region of linear memory
//! (`host::meter`), which the runtime fills before entering Wasm and reads back after.
//!
//! Charges whose input is known when compiling are not made one by one: consecutive ones
//! (with static memory accounting between them) wait in a pending *batch*, summed with
//! the cost functions when compiling, and are applied together, with one limit check,
//! just before anything that could fail, branch, call or read the meter. When the check
//! fails, the host replays the batch item by item from the same starting totals, so the
//! error (which dimension, the totals at the failing charge) is exactly the
//! interpreter's. Charges whose input is only known at run time (a value's size) are made
//! where they fall, with the input computed in Wasm.

use clarity::vm::costs::cost_functions::ClarityCostFunction;
use clarity::vm::costs::ExecutionCost;
use clarity::vm::types::{SequenceSubtype, StringSubtype, TypeSignature};
use walrus::ir::{BinaryOp, IfElse, LoadKind, MemArg, StoreKind, UnaryOp};
use walrus::{LocalId, ValType};

use crate::codegen::{Builder, Ctx};
use crate::host::meter as slot;
use crate::metadata::ChargeItem;
use crate::rtypes::is_rigid;

type T = TypeSignature;

/// clarity-vm's `MAX_CALL_STACK_DEPTH`.
pub const MAX_CALL_STACK_DEPTH: u64 = 64;

/// The metering state of the function being compiled.
#[derive(Default)]
pub struct MeterState {
    pending: Vec<ChargeItem>,
    /// Batch id reserved for `pending` (a depth check refers to it before it is emitted).
    pending_id: Option<u32>,
    /// Nesting of the expression being compiled below the function's body (0 = the body
    /// itself): its call-stack depth is the function's entry depth plus this.
    pub nest: u64,
    /// The interpreter's `LocalContext` depth where the expression is evaluated.
    pub context_depth: u64,
    /// Locals holding, at function entry: call-stack depth, memory, leaked memory.
    entry: Option<(LocalId, LocalId, LocalId)>,
}

/// A meter slot is a little-endian `u64` in the meter block.
const LOAD: LoadKind = LoadKind::I64 { atomic: false };
const STORE: StoreKind = StoreKind::I64 { atomic: false };

fn mem_arg(offset: u32) -> MemArg {
    MemArg {
        align: 1,
        offset: (crate::host::METER_ADDR + offset) as u64,
    }
}

impl Ctx<'_> {
    // ---- charges ------------------------------------------------------------------

    /// Charge cost function `f` for input `n` (known now).
    pub fn cost(&mut self, f: ClarityCostFunction, n: u64) {
        if self.charging {
            self.meter_state.pending.push(ChargeItem::Cost(f, n));
        }
    }

    /// Account `n` bytes of memory (`add_memory`).
    pub fn mem_add(&mut self, n: u64) {
        if self.charging {
            self.meter_state.pending.push(ChargeItem::MemAdd(n));
        }
    }

    /// Release `n` bytes of memory (`drop_memory`).
    pub fn mem_drop(&mut self, n: u64) {
        if n > 0 && self.charging {
            self.meter_state.pending.push(ChargeItem::MemDrop(n));
        }
    }

    /// Charge `f` for the input on top of the stack (an `i64`). Formulas that are linear
    /// (or constant) in every dimension, with coefficients small enough that no `u64`
    /// sum can wrap, are computed in Wasm; the host computes the others, and raises the
    /// exact error when a limit is passed.
    pub fn cost_dyn(&mut self, b: &mut Builder, f: ClarityCostFunction) {
        if !self.charging {
            b.drop();
            return;
        }
        let n = self.module.locals.add(ValType::I64);
        b.local_set(n);
        self.flush(b);
        let charge = self.import("charge");
        let Some(linear) = self.linear_dims(f) else {
            b.i32_const(f as i32).local_get(n).call(charge);
            return;
        };
        // Inputs are sizes (below 2^32 by construction); larger ones go to the host.
        b.local_get(n).i64_const(1 << 32).binop(BinaryOp::I64GeU);
        let mut new_totals = vec![];
        for (at, limit, a, c) in linear {
            let t = self.module.locals.add(ValType::I64);
            b.i32_const(0).load(self.memory, LOAD, mem_arg(at));
            if a != 0 {
                b.local_get(n)
                    .i64_const(a as i64)
                    .binop(BinaryOp::I64Mul)
                    .binop(BinaryOp::I64Add);
            }
            if c != 0 {
                b.i64_const(c as i64).binop(BinaryOp::I64Add);
            }
            b.local_tee(t);
            b.i32_const(0)
                .load(self.memory, LOAD, mem_arg(limit))
                .binop(BinaryOp::I64GtU)
                .binop(BinaryOp::I32Or);
            new_totals.push((t, at));
        }
        let mut slow = b.dangling_instr_seq(None);
        slow.i32_const(f as i32).local_get(n).call(charge);
        let slow = slow.id();
        let mut fast = b.dangling_instr_seq(None);
        for (t, at) in new_totals {
            fast.i32_const(0)
                .local_get(t)
                .store(self.memory, STORE, mem_arg(at));
        }
        let fast = fast.id();
        b.instr(IfElse {
            consequent: slow,
            alternative: fast,
        });
    }

    /// For a cost function linear or constant in every dimension with small
    /// coefficients: (total slot, limit slot, a, b) per non-zero dimension.
    fn linear_dims(&self, f: ClarityCostFunction) -> Option<Vec<(u32, u32, u64, u64)>> {
        use clarinet_wasm_costs::{Dimension as D, Formula};
        let formula = self.costs.formula(f)?;
        let mut out = vec![];
        for d in D::ALL {
            let (a, c) = match *formula.dimension(d) {
                Formula::Const(c) => (0, c),
                Formula::Linear { a, b } => (a, b),
                _ => return None,
            };
            // a * n + c stays far below 2^63 for n < 2^32.
            if a >= 1 << 24 || c >= 1 << 40 {
                return None;
            }
            if a == 0 && c == 0 {
                continue;
            }
            let (at, limit) = match d {
                D::Runtime => (slot::RUNTIME, slot::LIMIT_RUNTIME),
                D::ReadCount => (slot::READ_COUNT, slot::LIMIT_READ_COUNT),
                D::ReadLength => (slot::READ_LENGTH, slot::LIMIT_READ_LENGTH),
                D::WriteCount => (slot::WRITE_COUNT, slot::LIMIT_WRITE_COUNT),
                D::WriteLength => (slot::WRITE_LENGTH, slot::LIMIT_WRITE_LENGTH),
            };
            out.push((at, limit, a as u64, c as u64));
        }
        Some(out)
    }

    /// `add_memory` of the amount on top of the stack (an `i64`).
    pub fn mem_add_dyn(&mut self, b: &mut Builder) {
        if !self.charging {
            b.drop();
            return;
        }
        let n = self.module.locals.add(ValType::I64);
        let t = self.module.locals.add(ValType::I64);
        b.local_set(n);
        self.flush(b);
        b.i32_const(0)
            .load(self.memory, LOAD, mem_arg(slot::MEMORY))
            .local_get(n)
            .binop(BinaryOp::I64Add)
            .local_tee(t);
        b.i32_const(0)
            .load(self.memory, LOAD, mem_arg(slot::LIMIT_MEMORY));
        b.binop(BinaryOp::I64GtU);
        let f = self.import("memory-exceeded");
        let mut fail = b.dangling_instr_seq(None);
        fail.local_get(n).call(f).unreachable();
        let fail = fail.id();
        let ok = b.dangling_instr_seq(None).id();
        b.instr(IfElse {
            consequent: fail,
            alternative: ok,
        });
        b.i32_const(0)
            .local_get(t)
            .store(self.memory, STORE, mem_arg(slot::MEMORY));
    }

    /// `drop_memory` of the amount on top of the stack (an `i64`).
    pub fn mem_drop_dyn(&mut self, b: &mut Builder) {
        if !self.charging {
            b.drop();
            return;
        }
        let n = self.module.locals.add(ValType::I64);
        b.local_set(n);
        self.flush(b);
        b.i32_const(0);
        b.i32_const(0)
            .load(self.memory, LOAD, mem_arg(slot::MEMORY))
            .local_get(n)
            .binop(BinaryOp::I64Sub)
            .store(self.memory, STORE, mem_arg(slot::MEMORY));
    }

    /// Apply the pending charges (see the module documentation).
    pub fn flush(&mut self, b: &mut Builder) {
        if self.meter_state.pending.is_empty() {
            self.meter_state.pending_id = None;
            return;
        }
        let items = std::mem::take(&mut self.meter_state.pending);
        let id = match self.meter_state.pending_id.take() {
            Some(id) => {
                self.meta.batches[id as usize] = items.clone();
                id
            }
            None => {
                self.meta.batches.push(items.clone());
                (self.meta.batches.len() - 1) as u32
            }
        };
        let mut sum = ExecutionCost::zero();
        let (mut mem, mut peak) = (0i64, 0i64);
        let mut fails = false;
        for item in &items {
            match item {
                ChargeItem::Cost(f, n) => match self.costs.compute(*f, *n) {
                    Ok(c) => {
                        if sum.add(&c).is_err() {
                            fails = true;
                        }
                    }
                    Err(_) => fails = true,
                },
                ChargeItem::MemAdd(n) => {
                    mem += *n as i64;
                    peak = peak.max(mem);
                }
                ChargeItem::MemDrop(n) => mem -= *n as i64,
            }
        }
        let exceeded = self.import("meter-exceeded");
        if fails {
            // A charge that can only fail (e.g. `log2` of 0 in a cost function): the host
            // makes the charges up to it and raises its error.
            b.i32_const(id as i32).call(exceeded).unreachable();
            return;
        }
        let dims = [
            (sum.runtime, slot::RUNTIME, slot::LIMIT_RUNTIME),
            (sum.read_count, slot::READ_COUNT, slot::LIMIT_READ_COUNT),
            (sum.read_length, slot::READ_LENGTH, slot::LIMIT_READ_LENGTH),
            (sum.write_count, slot::WRITE_COUNT, slot::LIMIT_WRITE_COUNT),
            (
                sum.write_length,
                slot::WRITE_LENGTH,
                slot::LIMIT_WRITE_LENGTH,
            ),
        ];
        let mut new_totals = vec![];
        let mut checks = 0;
        for (add, at, limit) in dims {
            if add == 0 {
                continue;
            }
            let t = self.module.locals.add(ValType::I64);
            b.i32_const(0)
                .load(self.memory, LOAD, mem_arg(at))
                .i64_const(add as i64)
                .binop(BinaryOp::I64Add)
                .local_tee(t);
            b.i32_const(0)
                .load(self.memory, LOAD, mem_arg(limit))
                .binop(BinaryOp::I64GtU);
            if checks > 0 {
                b.binop(BinaryOp::I32Or);
            }
            checks += 1;
            new_totals.push((t, at));
        }
        if peak > 0 {
            b.i32_const(0)
                .load(self.memory, LOAD, mem_arg(slot::MEMORY))
                .i64_const(peak)
                .binop(BinaryOp::I64Add);
            b.i32_const(0)
                .load(self.memory, LOAD, mem_arg(slot::LIMIT_MEMORY))
                .binop(BinaryOp::I64GtU);
            if checks > 0 {
                b.binop(BinaryOp::I32Or);
            }
            checks += 1;
        }
        if checks > 0 {
            let mut fail = b.dangling_instr_seq(None);
            fail.i32_const(id as i32).call(exceeded).unreachable();
            let fail = fail.id();
            let ok = b.dangling_instr_seq(None).id();
            b.instr(IfElse {
                consequent: fail,
                alternative: ok,
            });
        }
        for (t, at) in new_totals {
            b.i32_const(0)
                .local_get(t)
                .store(self.memory, STORE, mem_arg(at));
        }
        if mem != 0 {
            b.i32_const(0);
            b.i32_const(0)
                .load(self.memory, LOAD, mem_arg(slot::MEMORY))
                .i64_const(mem)
                .binop(BinaryOp::I64Add)
                .store(self.memory, STORE, mem_arg(slot::MEMORY));
        }
    }

    // ---- call-stack depth ---------------------------------------------------------

    /// Read the entry state of a function (its first instructions).
    pub fn meter_prologue(&mut self, b: &mut Builder) {
        let d0 = self.module.locals.add(ValType::I64);
        let m0 = self.module.locals.add(ValType::I64);
        let l0 = self.module.locals.add(ValType::I64);
        for (l, at) in [(d0, slot::DEPTH), (m0, slot::MEMORY), (l0, slot::LEAK)] {
            b.i32_const(0)
                .load(self.memory, LOAD, mem_arg(at))
                .local_set(l);
        }
        self.meter_state = MeterState {
            entry: Some((d0, m0, l0)),
            ..Default::default()
        };
    }

    /// The interpreter's check in `apply`: an application at the current nesting fails
    /// with `MaxStackDepthReached` when the call stack is already 64 deep.
    pub fn depth_check(&mut self, b: &mut Builder) {
        let Some((d0, _, _)) = self.meter_state.entry else {
            return;
        };
        let nest = self.meter_state.nest;
        let id = match self.meter_state.pending_id {
            Some(id) => id,
            None => {
                self.meta.batches.push(vec![]);
                let id = (self.meta.batches.len() - 1) as u32;
                self.meter_state.pending_id = Some(id);
                id
            }
        };
        let pos = self.meter_state.pending.len() as i32;
        let f = self.import("depth-exceeded");
        if nest >= MAX_CALL_STACK_DEPTH {
            b.i32_const(id as i32).i32_const(pos).call(f).unreachable();
            return;
        }
        b.local_get(d0)
            .i64_const((MAX_CALL_STACK_DEPTH - nest) as i64)
            .binop(BinaryOp::I64GeU);
        let mut fail = b.dangling_instr_seq(None);
        fail.i32_const(id as i32)
            .i32_const(pos)
            .call(f)
            .unreachable();
        let fail = fail.id();
        let ok = b.dangling_instr_seq(None).id();
        b.instr(IfElse {
            consequent: fail,
            alternative: ok,
        });
    }

    /// Record the call-stack depth `extra` levels below the current expression, for a
    /// callee (a Wasm function or the host) to start from.
    pub fn set_depth(&mut self, b: &mut Builder, extra: u64) {
        let Some((d0, _, _)) = self.meter_state.entry else {
            return;
        };
        b.i32_const(0)
            .local_get(d0)
            .i64_const((self.meter_state.nest + extra) as i64)
            .binop(BinaryOp::I64Add)
            .store(self.memory, STORE, mem_arg(slot::DEPTH));
    }

    /// Before a short return out of a function: the memory its expressions accounted is
    /// released (as the interpreter's unwinding does), except what was leaked for good
    /// (data writes keep theirs for the whole transaction).
    pub fn meter_on_return(&mut self, b: &mut Builder) {
        self.flush(b);
        let Some((_, m0, l0)) = self.meter_state.entry else {
            return;
        };
        b.i32_const(0).local_get(m0);
        b.i32_const(0)
            .load(self.memory, LOAD, mem_arg(slot::LEAK))
            .local_get(l0)
            .binop(BinaryOp::I64Sub)
            .binop(BinaryOp::I64Add)
            .store(self.memory, STORE, mem_arg(slot::MEMORY));
    }

    /// A branch (of an `if`, a `match` ...): a new instruction sequence whose pending
    /// charges are its own. The caller flushes before the branch.
    pub fn branch(
        &mut self,
        b: &mut Builder,
        ty: impl Into<walrus::ir::InstrSeqType>,
        f: impl FnOnce(&mut Self, &mut Builder) -> crate::codegen::CResult<()>,
    ) -> crate::codegen::CResult<walrus::ir::InstrSeqId> {
        debug_assert!(self.meter_state.pending.is_empty(), "flush before a branch");
        let mut seq = b.dangling_instr_seq(ty);
        f(self, &mut seq)?;
        self.flush(&mut seq);
        Ok(seq.id())
    }

    // ---- native functions ---------------------------------------------------------

    /// The arguments of a native (non-special) function, as `apply` evaluates them: each
    /// in turn, its memory accounted right after it. Returns each value's locals (in the
    /// representation `types[i]`) and the memory to release after the word.
    pub fn native_args(
        &mut self,
        b: &mut Builder,
        args: &[clarity::vm::SymbolicExpression],
        types: &[T],
    ) -> crate::codegen::CResult<(Vec<Vec<LocalId>>, Vec<MemUse>)> {
        let mut values = vec![];
        let mut uses = vec![];
        for (a, t) in args.iter().zip(types) {
            self.emit(b, a, t)?;
            let locals = self.spill(b, t);
            uses.push(self.mem_add_value(b, t, &locals));
            values.push(locals);
        }
        Ok((values, uses))
    }

    // ---- sizes --------------------------------------------------------------------

    /// `Value::size()` of a value of type `ty`, when the type alone decides it.
    pub fn static_size(ty: &T) -> Option<u64> {
        match ty {
            T::NoType => Some(1),
            _ if is_rigid(ty) => Some(ty.size() as u64),
            _ => None,
        }
    }

    /// Push (`i64`) `Value::size()` of the value of type `ty` held in `locals`.
    pub fn push_size(&mut self, b: &mut Builder, ty: &T, locals: &[LocalId]) {
        if let Some(n) = Self::static_size(ty) {
            b.i64_const(n as i64);
            return;
        }
        match ty {
            T::SequenceType(SequenceSubtype::ListType(_)) | T::TupleType(_) => {
                let f = self.import("rtype-size");
                b.local_get(locals[0]).call(f);
            }
            // buff and string-ascii: 4 + length; string-utf8: 4 + 4 per character, which
            // is its byte length in memory form.
            T::SequenceType(
                SequenceSubtype::BufferType(_)
                | SequenceSubtype::StringType(StringSubtype::ASCII(_) | StringSubtype::UTF8(_)),
            ) => {
                b.local_get(locals[1])
                    .unop(UnaryOp::I64ExtendUI32)
                    .i64_const(4)
                    .binop(BinaryOp::I64Add);
            }
            // An optional or a response: 1 for the wrapper and its content's size (a
            // `none` is the wrapper around no type, of size 1).
            T::OptionalType(_) | T::ResponseType(_) => {
                self.push_wrapped(b, ty, locals, 2, Self::push_size)
            }
            _ => {
                b.i64_const(ty.size() as i64);
            }
        }
    }

    /// `Value::serialized_size()` when the type alone decides it.
    pub fn static_serialized_size(ty: &T) -> Option<u64> {
        match ty {
            T::IntType | T::UIntType => Some(17),
            T::BoolType => Some(1),
            _ => None,
        }
    }

    /// Push (`i64`) `Value::serialized_size()` of the value of type `ty` in `locals`.
    pub fn push_serialized_size(&mut self, b: &mut Builder, ty: &T, locals: &[LocalId]) {
        if let Some(n) = Self::static_serialized_size(ty) {
            b.i64_const(n as i64);
            return;
        }
        match ty {
            // prefix, length, bytes
            T::SequenceType(
                SequenceSubtype::BufferType(_)
                | SequenceSubtype::StringType(StringSubtype::ASCII(_)),
            ) => {
                b.local_get(locals[1])
                    .unop(UnaryOp::I64ExtendUI32)
                    .i64_const(5)
                    .binop(BinaryOp::I64Add);
            }
            // The memory form has a name-length byte a standard principal's serialization
            // lacks, and no type prefix: 22 bytes serialize to 22, 22 + n to 23 + n.
            T::PrincipalType => {
                b.local_get(locals[1])
                    .local_get(locals[1])
                    .i32_const(22)
                    .binop(BinaryOp::I32Ne)
                    .binop(BinaryOp::I32Add)
                    .unop(UnaryOp::I64ExtendUI32);
            }
            // A type prefix and the content (a `none` is the prefix alone).
            T::OptionalType(_) | T::ResponseType(_) => {
                self.push_wrapped(b, ty, locals, 1, Self::push_serialized_size)
            }
            // Lists, tuples, string-utf8 (whose UTF-8 length needs its characters): the
            // host serializes.
            _ => {
                let addr = self.locals_to_memory(b, ty, locals);
                let id = self.type_id(ty);
                let f = self.import("serialized-size");
                b.i32_const(id).local_get(addr).call(f);
            }
        }
    }

    /// Charge `f` for the sum of the serialized sizes of `values` (all of type `ty`), as
    /// `cost_input_sized_vararg` computes it.
    pub fn cost_of_serialized_sizes(
        &mut self,
        b: &mut Builder,
        f: ClarityCostFunction,
        ty: &T,
        values: &[Vec<LocalId>],
    ) {
        self.cost_of_serialized_sizes_typed(
            b,
            f,
            &values
                .iter()
                .map(|v| (ty.clone(), v.clone()))
                .collect::<Vec<_>>(),
        )
    }

    /// As `cost_of_serialized_sizes`, each value with its own type.
    pub fn cost_of_serialized_sizes_typed(
        &mut self,
        b: &mut Builder,
        f: ClarityCostFunction,
        values: &[(T, Vec<LocalId>)],
    ) {
        let statics: Option<u64> = values
            .iter()
            .map(|(t, _)| Self::static_serialized_size(t))
            .sum();
        if let Some(n) = statics {
            return self.cost(f, n);
        }
        for (i, (t, v)) in values.iter().enumerate() {
            self.push_serialized_size(b, t, v);
            if i > 0 {
                b.binop(BinaryOp::I64Add);
            }
        }
        self.cost_dyn(b, f);
    }

    /// For an optional or a response held in `locals`: 1 + `measure` of the present
    /// content, or `absent` for `none`.
    fn push_wrapped(
        &mut self,
        b: &mut Builder,
        ty: &T,
        locals: &[LocalId],
        absent: i64,
        measure: fn(&mut Self, &mut Builder, &T, &[LocalId]),
    ) {
        let (first, second, n) = match ty {
            T::OptionalType(inner) => ((**inner).clone(), None, locals.len() - 1),
            T::ResponseType(rt) => (
                rt.0.clone(),
                Some(rt.1.clone()),
                crate::abi::flat(&rt.0).len(),
            ),
            _ => unreachable!("not an optional or a response"),
        };
        let block = self.block_i64();
        b.local_get(locals[0]);
        let mut yes = b.dangling_instr_seq(block);
        measure(self, &mut yes, &first, &locals[1..1 + n]);
        yes.i64_const(1).binop(BinaryOp::I64Add);
        let yes = yes.id();
        let mut no = b.dangling_instr_seq(block);
        match &second {
            Some(err) => {
                measure(self, &mut no, err, &locals[1 + n..]);
                no.i64_const(1).binop(BinaryOp::I64Add);
            }
            None => {
                no.i64_const(absent);
            }
        }
        let no = no.id();
        b.instr(IfElse {
            consequent: yes,
            alternative: no,
        });
    }

    fn block_i64(&mut self) -> walrus::ir::InstrSeqType {
        walrus::ir::InstrSeqType::new(&mut self.module.types, &[], &[ValType::I64])
    }

    /// Charge `f` with the size of the value held in `locals` (static when possible).
    pub fn cost_of_size(
        &mut self,
        b: &mut Builder,
        f: ClarityCostFunction,
        ty: &T,
        locals: &[LocalId],
    ) {
        match Self::static_size(ty) {
            Some(n) => self.cost(f, n),
            None => {
                self.push_size(b, ty, locals);
                self.cost_dyn(b, f);
            }
        }
    }

    /// `add_memory` of the size of the value held in `locals`; returns how to drop it.
    pub fn mem_add_value(&mut self, b: &mut Builder, ty: &T, locals: &[LocalId]) -> MemUse {
        match Self::static_size(ty) {
            Some(n) => {
                self.mem_add(n);
                MemUse::Static(n)
            }
            None => {
                let n = self.module.locals.add(ValType::I64);
                self.push_size(b, ty, locals);
                b.local_tee(n);
                self.mem_add_dyn(b);
                MemUse::Dynamic(n)
            }
        }
    }

    /// `drop_memory` of amounts added with `mem_add_value`.
    pub fn mem_release(&mut self, b: &mut Builder, uses: &[MemUse]) {
        let mut total = 0;
        let mut dynamic = vec![];
        for u in uses {
            match u {
                MemUse::Static(n) => total += n,
                MemUse::Dynamic(l) => dynamic.push(*l),
            }
        }
        if !dynamic.is_empty() {
            for (i, l) in dynamic.iter().enumerate() {
                b.local_get(*l);
                if i > 0 {
                    b.binop(BinaryOp::I64Add);
                }
            }
            if total > 0 {
                b.i64_const(total as i64).binop(BinaryOp::I64Add);
            }
            self.mem_drop_dyn(b);
        } else {
            self.mem_drop(total);
        }
    }
}

/// Memory accounted for a value: a known amount, or one held in a local.
#[derive(Clone, Copy, Debug)]
pub enum MemUse {
    Static(u64),
    Dynamic(LocalId),
}

/// The charges clarity-vm's `parse_type_repr` makes to parse type expression `t` (it is
/// generic over the tracker: a recorder stands in).
pub fn type_parse_charges(
    epoch: clarity::types::StacksEpochId,
    t: &clarity::vm::SymbolicExpression,
) -> Vec<(ClarityCostFunction, u64)> {
    let mut r = Recorder::default();
    let _ = T::parse_type_repr(epoch, t, &mut r);
    r.charges
}

/// A tracker that records the charges asked of it.
#[derive(Default)]
struct Recorder {
    charges: Vec<(ClarityCostFunction, u64)>,
}

impl clarity::vm::costs::CostTracker for Recorder {
    fn compute_cost(
        &mut self,
        f: ClarityCostFunction,
        input: &[u64],
    ) -> Result<ExecutionCost, clarity::vm::costs::CostErrors> {
        self.charges.push((f, input.first().copied().unwrap_or(0)));
        Ok(ExecutionCost::zero())
    }
    fn add_cost(&mut self, _: ExecutionCost) -> Result<(), clarity::vm::costs::CostErrors> {
        Ok(())
    }
    fn add_memory(&mut self, _: u64) -> Result<(), clarity::vm::costs::CostErrors> {
        Ok(())
    }
    fn drop_memory(&mut self, _: u64) {}
    fn reset_memory(&mut self) {}
    fn short_circuit_contract_call(
        &mut self,
        _: &clarity::vm::types::QualifiedContractIdentifier,
        _: &clarity::vm::ClarityName,
        _: &[u64],
    ) -> Result<bool, clarity::vm::costs::CostErrors> {
        Ok(false)
    }
}
