//! The Wasm runtime: compiled contracts on wasmtime, with host functions that act on
//! clarity-vm's `Environment` exactly where the interpreter would.
//!
//! One `Engine` and one `Linker` per process. A compiled module is kept per content hash
//! (no recompiling or re-validating on a repeated call) as an `InstancePre`. A deployed
//! contract keeps a small pool of instances with its constants already written; a call
//! checks one out, and gives it back with its heap reset.

mod define;
pub mod exec;
mod host;
pub mod meter;
mod module_cache;
pub mod rtypes;
pub mod values;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use clarinet_wasm_compiler::{host as abi_host, Compiled, Metadata};
use clarity::vm::contexts::{ContractContext, Environment};
use clarity::vm::errors::Error as ClarityError;
use clarity::vm::types::TypeSignature;
use clarity::vm::Value;
use wasmtime::{Engine, Global, InstancePre, Linker, Memory, Store, Val, ValRaw};

pub use exec::{call, deploy, rebuild_for_table, snippet};
pub use module_cache::{
    load_module_bytes, module_stats, set_disk_cache, ModuleSource, ModuleStats,
};

/// A contract compiled and loaded on wasmtime.
pub struct LoadedContract {
    pub compiled: Compiled,
    pub meta: Arc<Metadata>,
    /// Clarity to Wasm to native code (for reports; set by `exec::compile_and_load`).
    pub compile_time: std::time::Duration,
    /// What it was compiled from and with (set by `exec::compile_and_load`): a module's
    /// static charges are its cost table's, so a chain that moves to another table (a
    /// plan's next epoch) rebuilds it from its analysis (`exec::rebuild_for_table`).
    pub analysis: Option<Arc<clarity::vm::analysis::ContractAnalysis>>,
    pub table: Option<Arc<clarinet_wasm_costs::CostTable>>,
    pre: InstancePre<HostState>,
    /// The contract as deployed (functions, constants, data metadata): set once its
    /// deployment succeeded. A deployed contract never changes, so every copy of a chain
    /// can share it instead of reading it back from the database at each call.
    context: OnceLock<Arc<ContractContext>>,
    /// `get_contract_size` of the deployed contract (immutable once deployed).
    size: OnceLock<u64>,
    /// Instances ready for a call: constants written, heap at its start.
    pool: Mutex<Vec<Instance>>,
    /// Where its native code came from.
    pub origin: ModuleSource,
}

impl LoadedContract {
    pub fn set_context(&self, context: ContractContext) {
        let _ = self.context.set(Arc::new(context));
    }

    /// The same contract, deployed, in another module (see `table`).
    pub fn adopt_deployment(&self, from: &LoadedContract) {
        if let Some(c) = from.context.get() {
            let _ = self.context.set(c.clone());
        }
        if let Some(s) = from.size.get() {
            let _ = self.size.set(*s);
        }
    }

    pub fn context(&self) -> Option<Arc<ContractContext>> {
        self.context.get().cloned()
    }

    /// The contract's size as the database records it, read once.
    pub fn size(
        &self,
        db: &mut clarity::vm::database::ClarityDatabase,
        id: &clarity::vm::types::QualifiedContractIdentifier,
    ) -> Result<u64, ClarityError> {
        if let Some(s) = self.size.get() {
            return Ok(*s);
        }
        let s = db.get_contract_size(id)?;
        let _ = self.size.set(s);
        Ok(s)
    }

    /// An instance for one call: from the pool, or new with the constants written.
    pub fn checkout(
        &self,
        contracts: &Arc<crate::chain::WasmContracts>,
    ) -> Result<Instance, ClarityError> {
        if let Some(mut inst) = self.pool.lock().unwrap().pop() {
            inst.store.data_mut().contracts = contracts.clone();
            return Ok(inst);
        }
        let context = self
            .context()
            .ok_or_else(|| internal("contract called before its deployment"))?;
        let mut inst = Instance::new(self, contracts)?;
        for (slot, c) in self.meta.constants.iter().enumerate() {
            let v = context
                .variables
                .get(c.name.as_str())
                .ok_or_else(|| internal(format!("constant {} missing", c.name)))?;
            inst.set_constant(slot, v)?;
        }
        inst.heap_mark = inst.heap_now();
        Ok(inst)
    }

    /// Return an instance after a call: its heap is reset to just after the constants.
    pub fn checkin(&self, mut inst: Instance) {
        // Drop the call's view of the chain: the pool must not keep contracts (this one
        // among them) alive through it.
        inst.store.data_mut().contracts = no_contracts();
        let mark = inst.heap_mark;
        if let Some(h) = inst.store.data().heap {
            if h.set(&mut inst.store, Val::I32(mark)).is_err() {
                return;
            }
        }
        let mut pool = self.pool.lock().unwrap();
        if pool.len() < 8 {
            pool.push(inst);
        }
    }
}

/// What a store carries for the host functions. `env` points at the `Environment` of the
/// call in progress: it is set just before entering Wasm and cleared right after, so the
/// host functions only ever see it while the Environment is alive.
pub struct HostState {
    env: *mut Environment<'static, 'static, 'static>,
    /// The transaction's meter, set and cleared with `env`.
    meter: *mut meter::TxMeter,
    meta: Arc<Metadata>,
    /// The contracts deployed on the Wasm path, for `contract-call?`.
    contracts: Arc<crate::chain::WasmContracts>,
    memory: Option<Memory>,
    heap: Option<Global>,
    /// Nested transactions begun by `begin-call` and not yet ended.
    open_txs: u32,
    /// Bounds the instance's linear memory.
    limits: wasmtime::StoreLimits,
    /// Database keys of the contract's data vars, by name id (made once).
    var_keys: HashMap<i32, String>,
    /// Key prefixes of the contract's maps, by name id (made once).
    map_prefixes: HashMap<i32, String>,
    /// The block reads were served from before each `at-block` in progress.
    at_block: Vec<clarity::types::chainstate::StacksBlockId>,
    /// (sender, caller) saved by each `as-contract` in progress.
    as_contract: Vec<(
        Option<clarity::vm::types::PrincipalData>,
        Option<clarity::vm::types::PrincipalData>,
    )>,
}

/// An error raised by a host function; the trap carries it out of Wasm.
#[derive(Debug)]
pub struct HostError(pub ClarityError);

impl std::fmt::Display for HostError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::error::Error for HostError {}

// The raw pointer is only dereferenced on the thread running the call.
unsafe impl Send for HostState {}

fn no_contracts() -> Arc<crate::chain::WasmContracts> {
    static EMPTY: OnceLock<Arc<crate::chain::WasmContracts>> = OnceLock::new();
    EMPTY.get_or_init(Default::default).clone()
}

/// The most linear memory an instance may grow to. Clarity values are at most 1 MB and
/// the interpreter accounts at most 100 MB of them; the heap is a bump allocator reset
/// per call, so this leaves room for work that allocates and drops many values.
pub const MEMORY_LIMIT: usize = 2 << 30;

/// A backstop for runaway execution, in ticks of `EPOCH_TICK`: the cost limit stops any
/// real contract long before (every loop iteration is charged).
const EPOCH_TICK: std::time::Duration = std::time::Duration::from_millis(100);
const DEADLINE_TICKS: u64 = 600;

pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    let mut started = false;
    let e = ENGINE.get_or_init(|| {
        let mut config = wasmtime::Config::new();
        config.wasm_multi_value(true);
        // Contracts use little memory; a small reservation per instance lets many pooled
        // instances coexist (memory still grows past it, by moving).
        config.memory_reservation(64 << 20);
        config.memory_guard_size(64 << 10);
        // Clarity nests at most 64 calls deep; a bounded stack catches anything else.
        config.max_wasm_stack(512 << 10);
        config.epoch_interruption(true);
        started = true;
        Engine::new(&config).expect("wasmtime engine")
    });
    if started {
        std::thread::Builder::new()
            .name("wasm-epoch".into())
            .spawn(move || loop {
                std::thread::sleep(EPOCH_TICK);
                e.increment_epoch();
            })
            .expect("epoch thread");
    }
    e
}

fn linker() -> &'static Linker<HostState> {
    static LINKER: OnceLock<Linker<HostState>> = OnceLock::new();
    LINKER.get_or_init(|| {
        let mut l = Linker::new(engine());
        host::define(&mut l).expect("host functions");
        l
    })
}

/// Load a compiled contract, reusing the wasmtime module if the same bytes were seen (or
/// its native code from the disk cache, see `set_disk_cache`).
pub fn load(compiled: Compiled) -> Result<LoadedContract, String> {
    static CACHE: OnceLock<Mutex<HashMap<[u8; 32], InstancePre<HostState>>>> = OnceLock::new();
    let key = clarity::util::hash::Sha512Trunc256Sum::from_data(&compiled.wasm).0;
    let cache = CACHE.get_or_init(Default::default);
    let mut origin = ModuleSource::Memory;
    let pre = {
        let mut map = cache.lock().unwrap();
        // Bounded: compiled code holds executable memory (long generated runs load many
        // distinct modules). Contracts in use keep their own handle.
        if map.len() >= 1024 {
            map.clear();
        }
        match map.get(&key) {
            Some(pre) => {
                module_cache::FROM_MEMORY.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                pre.clone()
            }
            None => {
                let (module, from) = load_module_bytes(&compiled.wasm)?;
                origin = from;
                let pre = linker()
                    .instantiate_pre(&module)
                    .map_err(|e| format!("link: {e:#}"))?;
                map.insert(key, pre.clone());
                pre
            }
        }
    };
    let meta = Arc::new(compiled.meta.clone());
    Ok(LoadedContract {
        compiled,
        meta,
        compile_time: std::time::Duration::ZERO,
        analysis: None,
        table: None,
        pre,
        context: OnceLock::new(),
        size: OnceLock::new(),
        pool: Mutex::new(vec![]),
        origin,
    })
}

/// A live instance of a contract for the duration of one transaction step.
pub struct Instance {
    store: Store<HostState>,
    instance: wasmtime::Instance,
    meta: Arc<Metadata>,
    /// The heap pointer right after the constants.
    heap_mark: i32,
    /// Exports looked up so far (a lookup by name costs more than the call itself).
    funcs: std::collections::BTreeMap<String, wasmtime::Func>,
}

impl Instance {
    pub fn new(
        contract: &LoadedContract,
        contracts: &Arc<crate::chain::WasmContracts>,
    ) -> Result<Instance, ClarityError> {
        let mut store = Store::new(
            engine(),
            HostState {
                env: std::ptr::null_mut(),
                meter: std::ptr::null_mut(),
                meta: contract.meta.clone(),
                contracts: contracts.clone(),
                memory: None,
                heap: None,
                open_txs: 0,
                var_keys: HashMap::new(),
                map_prefixes: HashMap::new(),
                limits: wasmtime::StoreLimitsBuilder::new()
                    .memory_size(MEMORY_LIMIT)
                    .build(),
                as_contract: vec![],
                at_block: vec![],
            },
        );
        store.limiter(|s| &mut s.limits);
        let instance = contract
            .pre
            .instantiate(&mut store)
            .map_err(|e| internal(format!("instantiate: {e:#}")))?;
        let memory = instance.get_memory(&mut store, abi_host::MEMORY_EXPORT);
        let heap = instance.get_global(&mut store, abi_host::HEAP_EXPORT);
        store.data_mut().memory = memory;
        store.data_mut().heap = heap;
        // The static rtypes' ids, where the module's code reads them.
        if let Some(mem) = memory {
            let base = contract.meta.rtype_table as usize;
            for (i, t) in contract.meta.rtypes.iter().enumerate() {
                let id = rtypes::intern(t);
                mem.data_mut(&mut store)[base + 4 * i..base + 4 * i + 4]
                    .copy_from_slice(&id.to_le_bytes());
            }
        }
        Ok(Instance {
            store,
            instance,
            meta: contract.meta.clone(),
            heap_mark: contract.meta.heap_start as i32,
            funcs: std::collections::BTreeMap::new(),
        })
    }

    /// Export `name`, looked up once; its Wasm type is checked then against the flat form
    /// of the Clarity types it is called with (what makes the unchecked call sound).
    fn export<'t>(
        &mut self,
        name: &str,
        arg_types: impl Iterator<Item = &'t TypeSignature>,
        ret: &TypeSignature,
    ) -> Result<wasmtime::Func, ClarityError> {
        if let Some(f) = self.funcs.get(name) {
            return Ok(*f);
        }
        let f = self
            .instance
            .get_func(&mut self.store, name)
            .ok_or_else(|| internal(format!("no export {name}")))?;
        let ty = f.ty(&self.store);
        let mut params = ty.params();
        let mut results = ty.results();
        let mut arg_types = arg_types;
        let fits = arg_types.all(|t| values::is_flat_form(t, &mut params))
            && params.next().is_none()
            && values::is_flat_form(ret, &mut results)
            && results.next().is_none();
        if !fits {
            return Err(internal(format!(
                "export {name} does not have the type of its Clarity signature"
            )));
        }
        self.funcs.insert(name.to_string(), f);
        Ok(f)
    }

    fn heap_now(&mut self) -> i32 {
        match self.store.data().heap {
            Some(h) => h.get(&mut self.store).i32().unwrap_or(0),
            None => 0,
        }
    }

    /// Write a constant's value into its slot (constants are computed once, at deployment).
    pub fn set_constant(&mut self, slot: usize, value: &Value) -> Result<(), ClarityError> {
        let c = self.meta.constants[slot].clone();
        write_at(&mut self.store, &c.ty, c.address as usize, value)
    }

    /// Call export `name` with `args` (typed `arg_types`), returning a value of type `ret`.
    /// The meter enters the instance's meter block (at `meter.depth`) and is read back
    /// from it, whatever the outcome.
    pub fn call<'t, I>(
        &mut self,
        env: &mut Environment,
        meter: &mut meter::TxMeter,
        name: &str,
        args: &[Value],
        arg_types: I,
        ret: &TypeSignature,
    ) -> Result<Value, ClarityError>
    where
        I: IntoIterator<Item = &'t TypeSignature>,
        I::IntoIter: Clone,
    {
        let arg_types = arg_types.into_iter();
        let func = self.export(name, arg_types.clone(), ret)?;
        let mut raw: Vec<ValRaw> = Vec::with_capacity(8);
        if !args.is_empty() {
            // The arguments and their payloads in one allocation.
            let sizes: Vec<(usize, usize)> = args
                .iter()
                .zip(arg_types.clone())
                .map(|(a, t)| {
                    let size = clarinet_wasm_compiler::abi::size(t) as usize;
                    (size, size + values::payload_size(a, t))
                })
                .collect();
            let mut at = alloc(&mut self.store, sizes.iter().map(|s| s.1).sum())?;
            let mem = self.store.data().memory.unwrap();
            for ((a, t), (size, total)) in args.iter().zip(arg_types).zip(sizes) {
                let mut heap = at + size;
                values::write_value(mem.data_mut(&mut self.store), &mut heap, t, at, a)
                    .map_err(internal)?;
                values::read_raw(mem.data(&self.store), t, at, &mut raw);
                at += total;
            }
        }
        let mut results = 0;
        clarinet_wasm_compiler::abi::for_each_part(ret, |_| results += 1);
        if raw.len() < results {
            raw.resize(results, ValRaw::i32(0));
        }
        let mem = self
            .store
            .data()
            .memory
            .ok_or_else(|| internal("module has no memory"))?;
        meter.push(mem.data_mut(&mut self.store));
        // SAFETY: the pointers are cleared before `env` and `meter` go out of scope; see
        // HostState.
        self.store.data_mut().env =
            env as *mut Environment as *mut Environment<'static, 'static, 'static>;
        self.store.data_mut().meter = meter as *mut meter::TxMeter;
        self.store.set_epoch_deadline(DEADLINE_TICKS);
        // SAFETY: `export` checked that the function's Wasm type is the flat form of
        // `arg_types` and `ret`, so `raw` holds its parameters and has room for its results.
        let outcome = unsafe { func.call_unchecked(&mut self.store, raw.as_mut_slice()) };
        self.store.data_mut().env = std::ptr::null_mut();
        self.store.data_mut().meter = std::ptr::null_mut();
        let depth = meter.depth;
        meter.pull(mem.data(&self.store));
        meter.depth = depth;
        // A trap inside `at-block` leaves reads on the earlier block: move them back.
        if let Some(prior) = std::mem::take(&mut self.store.data_mut().at_block)
            .into_iter()
            .next()
        {
            env.global_context
                .database
                .set_block_hash(prior, true)
                .map_err(|e| internal(format!("cannot restore the block after at-block: {e}")))?;
        }
        // A trap inside nested calls leaves their transactions open: close them, innermost
        // first, as the interpreter's unwinding does.
        for _ in 0..std::mem::take(&mut self.store.data_mut().open_txs) {
            env.global_context.roll_back();
        }
        if let Some((sender, caller)) = std::mem::take(&mut self.store.data_mut().as_contract)
            .into_iter()
            .next()
        {
            env.sender = sender;
            env.caller = caller;
        }
        if let Err(e) = outcome {
            return Err(match e.downcast::<HostError>() {
                Ok(HostError(err)) => err,
                Err(e) => trap_error(e),
            });
        }
        // The results are decoded from the free memory above the heap: nothing else
        // allocates before the instance goes back to its pool, so the heap stays put.
        let at = room(
            &mut self.store,
            clarinet_wasm_compiler::abi::size(ret) as usize,
        )?;
        let mem = self.store.data().memory.unwrap();
        values::write_raw(mem.data_mut(&mut self.store), at, ret, &raw);
        values::read_value(mem.data(&self.store), ret, at).map_err(internal)
    }
}

/// A trap that is not an error the host raised: never a bare "trap", always said plainly
/// (an internal error, which the dual report shows against the interpreter's outcome).
fn trap_error(e: wasmtime::Error) -> ClarityError {
    let msg = match e.downcast_ref::<wasmtime::Trap>() {
        Some(wasmtime::Trap::Interrupt) => format!(
            "wasm runtime: interrupted after {} s (a backstop; the cost limit stops real work first)",
            DEADLINE_TICKS * EPOCH_TICK.as_millis() as u64 / 1000
        ),
        Some(wasmtime::Trap::StackOverflow) => "wasm runtime: stack exhausted".to_string(),
        Some(t) => format!("wasm runtime: trap ({t}), a compiler bug"),
        None => format!("wasm runtime: {e:#}"),
    };
    internal(msg)
}

pub fn internal(msg: impl Into<String>) -> ClarityError {
    ClarityError::Interpreter(clarity::vm::errors::InterpreterError::InterpreterError(
        msg.into(),
    ))
}

/// Bump the module's heap by `size` bytes, growing memory as needed; returns the address.
/// `size` bytes of memory at the heap pointer, which is left where it is.
fn room(
    store: &mut impl wasmtime::AsContextMut<Data = HostState>,
    size: usize,
) -> Result<usize, ClarityError> {
    let mut ctx = store.as_context_mut();
    let heap = ctx
        .data()
        .heap
        .ok_or_else(|| internal("module has no heap"))?;
    let memory = ctx
        .data()
        .memory
        .ok_or_else(|| internal("module has no memory"))?;
    let at = heap.get(&mut ctx).i32().unwrap_or(0) as u32 as usize;
    let have = memory.data_size(&ctx);
    if at + size > have {
        let pages = (at + size - have).div_ceil(65536) as u64;
        memory
            .grow(&mut ctx, pages)
            .map_err(|e| internal(format!("memory: {e}")))?;
    }
    Ok(at)
}

/// `size` bytes of memory at the heap pointer, which moves past them.
pub(crate) fn alloc(
    store: &mut impl wasmtime::AsContextMut<Data = HostState>,
    size: usize,
) -> Result<usize, ClarityError> {
    let at = room(store, size)?;
    let mut ctx = store.as_context_mut();
    let heap = ctx.data().heap.expect("checked by room");
    heap.set(&mut ctx, Val::I32((at + size) as i32))
        .map_err(|e| internal(format!("heap: {e}")))?;
    Ok(at)
}

/// Encode `value` at `at`, its payload on the heap.
fn write_at(
    store: &mut impl wasmtime::AsContextMut<Data = HostState>,
    ty: &TypeSignature,
    at: usize,
    value: &Value,
) -> Result<(), ClarityError> {
    let payload = values::payload_size(value, ty);
    let start = if payload == 0 {
        0
    } else {
        alloc(store, payload)?
    };
    let mut ctx = store.as_context_mut();
    let memory = ctx.data().memory.unwrap();
    let mut heap = start;
    values::write_value(memory.data_mut(&mut ctx), &mut heap, ty, at, value).map_err(internal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorDesc;

    /// Traps that are not errors raised by the host are said plainly, never as a bare
    /// "wasm trap".
    #[test]
    fn traps_become_plain_errors() {
        for (trap, says) in [
            (wasmtime::Trap::Interrupt, "interrupted after 60 s"),
            (wasmtime::Trap::StackOverflow, "stack exhausted"),
            (wasmtime::Trap::UnreachableCodeReached, "a compiler bug"),
        ] {
            let e = ErrorDesc::from_clarity(&trap_error(wasmtime::Error::new(trap)));
            assert!(e.kind.contains(says), "{}", e.kind);
            assert!(e.kind.contains("wasm runtime"), "{}", e.kind);
        }
    }
}
