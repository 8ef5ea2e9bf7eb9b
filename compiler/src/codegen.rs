//! The code generator's core: module setup, the dispatch from a Clarity word to the file
//! of its family under `words/`, and the helpers every family shares (literals, locals,
//! memory, coercion between representations).
//!
//! Every expression is emitted with a *wanted* type: the concrete type its consumer
//! expects. Constructors (`ok`, `none`, `list`, literals, `if` ...) build their value
//! directly in that shape; everything else produces its analysed type and `coerce`s.

use std::collections::HashMap;

use clarity::vm::analysis::ContractAnalysis;
use clarity::vm::functions::define::DefineFunctions;
use clarity::vm::representations::SymbolicExpressionType;
use clarity::vm::types::signatures::FunctionType;
use clarity::vm::types::{CharType, SequenceData, SequenceSubtype, TypeSignature, Value};
use clarity::vm::SymbolicExpression;
use walrus::ir::{BinaryOp, IfElse, LoadKind, MemArg, StoreKind, Value as WValue};
use walrus::{
    ConstExpr, DataKind, FunctionBuilder, FunctionId, GlobalId, InstrSeqBuilder, LocalId, MemoryId,
    Module, ModuleConfig, ValType,
};

use clarinet_wasm_costs::CostTable;
use clarity::types::StacksEpochId;
use clarity::vm::costs::cost_functions::ClarityCostFunction;

use crate::abi::{self, flat};
use crate::host;
use crate::metadata::*;
use crate::meter::MeterState;
use crate::types::{concrete, lub};
use crate::words;

pub type CResult<T> = Result<T, CompileError>;
pub type Builder<'a> = InstrSeqBuilder<'a>;

/// A name bound in a `let`, `match` or function argument: its type and its locals.
#[derive(Clone)]
pub struct Binding {
    pub ty: TypeSignature,
    pub locals: Vec<LocalId>,
}

pub struct UserFunction {
    pub id: FunctionId,
    pub kind: FunctionKind,
    pub args: Vec<TypeSignature>,
    /// The argument types as declared (their sizes are charged at each call).
    pub declared: Vec<TypeSignature>,
    pub returns: TypeSignature,
}

pub struct Ctx<'a> {
    pub module: Module,
    pub memory: MemoryId,
    pub heap: GlobalId,
    /// Address of the table of static rtypes (see `rtypes.rs`), filled in by the runtime.
    pub rtype_base: GlobalId,
    pub alloc: FunctionId,
    imports: HashMap<&'static str, FunctionId>,
    /// The host's own functions (`imports` maps some names to functions of the module).
    host_imports: HashMap<&'static str, FunctionId>,
    pub analysis: &'a ContractAnalysis,
    /// The cost functions charges are summed with when compiling.
    pub costs: &'a CostTable,
    /// The chain's epoch (some charges changed with epochs).
    pub epoch: StacksEpochId,
    /// Emit the charges (off only to measure their own cost).
    pub charging: bool,
    /// Emit the `::trace` hooks (see `trace.rs`).
    pub tracing: bool,
    pub meter_state: MeterState,
    /// `as-contract` bodies the code being compiled is in (within the current function):
    /// a short return out of them gives tx-sender and contract-caller back.
    /// Host functions to call, innermost last, when leaving the current function early
    /// from inside `as-contract` or `at-block` bodies.
    pub closers: Vec<&'static str>,
    pub meta: Metadata,
    scopes: Vec<HashMap<String, Binding>>,
    pub functions: HashMap<String, UserFunction>,
    constants: HashMap<String, (TypeSignature, u32)>,
    /// Next free static address (data segments, constant slots).
    static_end: u32,
    literals: HashMap<Vec<u8>, u32>,
    /// The return type of the function being compiled; `None` at top level.
    pub fn_return: Option<TypeSignature>,
    /// Types of expressions the compiler makes up (see `words/higher_order.rs`).
    synthetic_types: HashMap<u64, TypeSignature>,
    fresh: u64,
}

/// Compile a type-checked contract (its analysis must still hold the type map) for a
/// chain at `epoch` whose transactions are charged with `costs`.
pub fn compile(
    analysis: &ContractAnalysis,
    costs: &CostTable,
    epoch: StacksEpochId,
) -> Result<Compiled, CompileError> {
    compile_with(analysis, costs, epoch, Options::default())
}

/// What a module is built with besides the contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// The charges and memory accounting (on by default). Off: none is emitted (the
    /// call-stack checks stay), for measuring what metering costs, never for running
    /// transactions whose cost matters.
    pub charging: bool,
    /// The console's `::trace` hooks (off by default): each user function call and
    /// `contract-call?` tells the host where it begins, its arguments and its result (see
    /// `trace.rs`). They charge nothing.
    pub tracing: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            charging: true,
            tracing: false,
        }
    }
}

/// `compile` with other [`Options`].
pub fn compile_with(
    analysis: &ContractAnalysis,
    costs: &CostTable,
    epoch: StacksEpochId,
    options: Options,
) -> Result<Compiled, CompileError> {
    let Options { charging, tracing } = options;
    let mut module = Module::with_config(ModuleConfig::new());
    let memory = module.memories.add_local(false, false, 1, None, None);
    module.exports.add(host::MEMORY_EXPORT, memory);
    let heap =
        module
            .globals
            .add_local(ValType::I32, true, false, ConstExpr::Value(WValue::I32(0)));
    module.exports.add(host::HEAP_EXPORT, heap);
    let rtype_base =
        module
            .globals
            .add_local(ValType::I32, false, false, ConstExpr::Value(WValue::I32(0)));
    let oom = {
        let (_, params, results) = host::IMPORTS
            .iter()
            .find(|(n, _, _)| *n == "runtime-error")
            .expect("runtime-error import");
        let ty = module.types.add(params, results);
        module.add_import_func(host::MODULE, "runtime-error", ty).0
    };
    let alloc = build_alloc(&mut module, memory, heap, oom);
    let mut ctx = Ctx {
        module,
        memory,
        heap,
        rtype_base,
        alloc,
        imports: HashMap::from([("runtime-error", oom)]),
        host_imports: HashMap::from([("runtime-error", oom)]),
        analysis,
        costs,
        epoch,
        charging,
        tracing,
        meter_state: MeterState::default(),
        closers: vec![],
        meta: Metadata {
            cost_table: costs.identity(),
            ..Metadata::default()
        },
        scopes: vec![],
        functions: HashMap::new(),
        constants: HashMap::new(),
        // Address 0 stays unused so that a zero pointer is never a real value; the meter
        // block follows.
        static_end: host::METER_ADDR + host::meter::SIZE,
        literals: HashMap::new(),
        fn_return: None,
        synthetic_types: HashMap::new(),
        fresh: 0,
    };
    ctx.compile_contract()?;
    ctx.finish()
}

/// `alloc(size) -> address`: bump the heap, growing memory when it runs out; when memory
/// cannot grow, the host raises a clear error (`oom` is its `runtime-error` import).
fn build_alloc(
    module: &mut Module,
    memory: MemoryId,
    heap: GlobalId,
    oom: FunctionId,
) -> FunctionId {
    let mut f = FunctionBuilder::new(&mut module.types, &[ValType::I32], &[ValType::I32]);
    let size = module.locals.add(ValType::I32);
    let result = module.locals.add(ValType::I32);
    let end = module.locals.add(ValType::I32);
    let mut b = f.func_body();
    b.global_get(heap)
        .local_tee(result)
        .local_get(size)
        .binop(BinaryOp::I32Add)
        .local_tee(end);
    b.global_set(heap);
    // if end > memory.size * 65536 { memory.grow(pages needed) }
    b.local_get(end)
        .memory_size(memory)
        .i32_const(16)
        .binop(BinaryOp::I32Shl)
        .binop(BinaryOp::I32GtU);
    let mut grow = b.dangling_instr_seq(None);
    grow.local_get(end)
        .i32_const(65535)
        .binop(BinaryOp::I32Add)
        .i32_const(16)
        .binop(BinaryOp::I32ShrU)
        .memory_size(memory)
        .binop(BinaryOp::I32Sub)
        .memory_grow(memory)
        .i32_const(-1)
        .binop(BinaryOp::I32Eq);
    let mut fail = grow.dangling_instr_seq(None);
    fail.i32_const(host::ErrorCode::MemoryExhausted as i32)
        .call(oom)
        .unreachable();
    let fail = fail.id();
    let nothing = grow.dangling_instr_seq(None).id();
    grow.instr(IfElse {
        consequent: fail,
        alternative: nothing,
    });
    let grow = grow.id();
    let nothing = b.dangling_instr_seq(None).id();
    b.instr(IfElse {
        consequent: grow,
        alternative: nothing,
    });
    b.local_get(result);
    f.finish(vec![size], &mut module.funcs)
}

pub fn span_error(e: &SymbolicExpression, message: impl Into<String>) -> CompileError {
    CompileError {
        message: message.into(),
        line: e.span.start_line,
        column: e.span.start_column,
    }
}

pub fn unsupported(e: &SymbolicExpression, word: &str) -> CompileError {
    span_error(e, format!("not supported yet: {word}"))
}

impl<'a> Ctx<'a> {
    fn compile_contract(&mut self) -> CResult<()> {
        let exprs = &self.analysis.expressions;
        for (i, e) in exprs.iter().enumerate() {
            let top = self.compile_top_level(i, e)?;
            self.meta.top_level.push(top);
        }
        Ok(())
    }

    /// One top-level expression: `define-constant`, `define-data-var`,
    /// `define-fungible-token` (its supply) become exported functions; `define-public`,
    /// `define-read-only`, `define-private` become module functions; `define-map`,
    /// `define-non-fungible-token`, `define-trait`, `use-trait`, `impl-trait` are read by
    /// the runtime (`wasm/define.rs`); anything else is evaluated for effect.
    fn compile_top_level(&mut self, i: usize, e: &SymbolicExpression) -> CResult<TopLevel> {
        let list = e.match_list();
        let define = list
            .and_then(|l| l.first())
            .and_then(|h| h.match_atom())
            .and_then(|n| DefineFunctions::lookup_by_name(n));
        let export = host::top_level_export(i);
        let Some(define) = define else {
            let ty = self.type_of(e);
            self.top_level_function(&export, e, &ty)?;
            return Ok(TopLevel::Expr { export, ty });
        };
        let args = &list.unwrap()[1..];
        match define {
            DefineFunctions::Constant => {
                let name = args[0]
                    .match_atom()
                    .ok_or_else(|| span_error(e, "bad constant"))?
                    .to_string();
                let ty = self.type_of(&args[1]);
                self.top_level_function(&export, &args[1], &ty)?;
                let address = self.static_alloc(abi::size(&ty));
                let slot = self.meta.constants.len();
                self.meta.constants.push(ConstantMeta {
                    name: name.clone(),
                    ty: ty.clone(),
                    address,
                });
                self.constants.insert(name.clone(), (ty.clone(), address));
                Ok(TopLevel::Constant {
                    name,
                    export,
                    ty,
                    slot,
                })
            }
            DefineFunctions::PersistedVariable => {
                let name = args[0]
                    .match_atom()
                    .ok_or_else(|| span_error(e, "bad data-var"))?
                    .to_string();
                let ty = self.var_type(&name, e)?;
                self.top_level_function(&export, &args[2], &ty)?;
                Ok(TopLevel::DataVar { name, export, ty })
            }
            DefineFunctions::FungibleToken => {
                let name = args
                    .first()
                    .and_then(|a| a.match_atom())
                    .ok_or_else(|| span_error(e, "bad fungible token"))?
                    .to_string();
                let supply = match args.get(1) {
                    Some(s) => {
                        self.top_level_function(&export, s, &TypeSignature::UIntType)?;
                        Some(export)
                    }
                    None => None,
                };
                Ok(TopLevel::FungibleToken { name, supply })
            }
            DefineFunctions::Map => Ok(TopLevel::Define(DefineKind::Map)),
            DefineFunctions::NonFungibleToken => Ok(TopLevel::Define(DefineKind::NonFungibleToken)),
            DefineFunctions::Trait => Ok(TopLevel::Define(DefineKind::Trait)),
            DefineFunctions::UseTrait => Ok(TopLevel::Define(DefineKind::UseTrait)),
            DefineFunctions::ImplTrait => Ok(TopLevel::Define(DefineKind::ImplTrait)),
            DefineFunctions::PrivateFunction
            | DefineFunctions::PublicFunction
            | DefineFunctions::ReadOnlyFunction => {
                self.define_function(define, args, e)?;
                Ok(TopLevel::Define(DefineKind::Function))
            }
        }
    }

    fn top_level_function(
        &mut self,
        export: &str,
        e: &SymbolicExpression,
        ty: &TypeSignature,
    ) -> CResult<()> {
        let results = flat(ty);
        let mut f = FunctionBuilder::new(&mut self.module.types, &[], &results);
        self.fn_return = None;
        let mut body = f.func_body();
        self.meter_prologue(&mut body);
        self.emit(&mut body, e, ty)?;
        self.flush(&mut body);
        let id = f.finish(vec![], &mut self.module.funcs);
        self.module.exports.add(export, id);
        Ok(())
    }

    fn define_function(
        &mut self,
        define: DefineFunctions,
        args: &[SymbolicExpression],
        e: &SymbolicExpression,
    ) -> CResult<()> {
        let signature = args[0]
            .match_list()
            .ok_or_else(|| span_error(e, "bad function signature"))?;
        let name = signature[0]
            .match_atom()
            .ok_or_else(|| span_error(e, "bad function name"))?
            .to_string();
        let (kind, table) = match define {
            DefineFunctions::PublicFunction => {
                (FunctionKind::Public, &self.analysis.public_function_types)
            }
            DefineFunctions::ReadOnlyFunction => (
                FunctionKind::ReadOnly,
                &self.analysis.read_only_function_types,
            ),
            _ => (FunctionKind::Private, &self.analysis.private_function_types),
        };
        let Some(FunctionType::Fixed(ft)) = table.get(name.as_str()) else {
            return Err(span_error(e, format!("no type for function {name}")));
        };
        let arg_types: Vec<(String, TypeSignature)> = ft
            .args
            .iter()
            .map(|a| (a.name.to_string(), concrete(&a.signature)))
            .collect();
        let returns = concrete(&ft.returns);
        let mut params = vec![];
        let mut binding = HashMap::new();
        let mut all_locals = vec![];
        for (n, t) in &arg_types {
            let locals: Vec<LocalId> = flat(t)
                .into_iter()
                .map(|v| self.module.locals.add(v))
                .collect();
            params.extend(flat(t));
            all_locals.extend(locals.iter().copied());
            binding.insert(
                n.clone(),
                Binding {
                    ty: t.clone(),
                    locals,
                },
            );
        }
        let results = flat(&returns);
        let mut f = FunctionBuilder::new(&mut self.module.types, &params, &results);
        self.fn_return = Some(returns.clone());
        self.scopes.push(binding);
        let mut body = f.func_body();
        self.meter_prologue(&mut body);
        if self.analysis.clarity_version >= clarity::vm::ClarityVersion::Clarity2 {
            for (a, (n, t)) in ft.args.iter().zip(&arg_types) {
                let locals = self.scopes.last().expect("scope")[n].locals.clone();
                self.implicit_cast(&mut body, &a.signature, t, &locals);
            }
        }
        let body_result = self.emit(&mut body, &args[1], &returns);
        self.flush(&mut body);
        self.scopes.pop();
        self.fn_return = None;
        body_result?;
        let id = f.finish(all_locals, &mut self.module.funcs);
        // Private functions are exported too, under a name no Clarity function can have,
        // so that every function's code can be located in the module.
        let export = if kind == FunctionKind::Private {
            format!(".private.{name}")
        } else {
            name.clone()
        };
        self.module.exports.add(&export, id);
        self.functions.insert(
            name.clone(),
            UserFunction {
                id,
                kind,
                args: arg_types.iter().map(|(_, t)| t.clone()).collect(),
                declared: ft.args.iter().map(|a| a.signature.clone()).collect(),
                returns: returns.clone(),
            },
        );
        self.meta.functions.push(FunctionMeta {
            name,
            kind,
            export,
            args: arg_types,
            returns,
            code_range: (0, 0),
        });
        Ok(())
    }

    fn finish(mut self) -> CResult<Compiled> {
        // The static rtype table, then the heap, with at least one free page.
        let table = self.static_alloc(4 * self.meta.rtypes.len() as u32);
        self.meta.rtype_table = table;
        self.module.globals.get_mut(self.rtype_base).kind =
            walrus::GlobalKind::Local(ConstExpr::Value(WValue::I32(table as i32)));
        let heap_start = (self.static_end + 7) & !7;
        self.meta.heap_start = heap_start;
        let pages = (heap_start as u64 + 65535) / 65536 + 1;
        self.module.memories.get_mut(self.memory).initial = pages;
        let heap = self.module.globals.get_mut(self.heap);
        heap.kind = walrus::GlobalKind::Local(ConstExpr::Value(WValue::I32(heap_start as i32)));
        let wasm = self.module.emit_wasm();
        let ranges = code_ranges(&wasm);
        let mut meta = self.meta;
        attach_ranges(&mut meta, &wasm, &ranges);
        Ok(Compiled { wasm, meta })
    }

    // ---- types -------------------------------------------------------------------

    /// The analysed type of `e`, made concrete.
    pub fn type_of(&self, e: &SymbolicExpression) -> TypeSignature {
        if let Some(t) = self.synthetic_types.get(&e.id) {
            return t.clone();
        }
        self.analysis
            .type_map
            .as_ref()
            .and_then(|m| m.get_type(e))
            .map(concrete)
            .unwrap_or(TypeSignature::NoType)
    }

    pub fn var_type(&self, name: &str, e: &SymbolicExpression) -> CResult<TypeSignature> {
        self.analysis
            .persisted_variable_types
            .get(name)
            .map(concrete)
            .ok_or_else(|| span_error(e, format!("unknown data var {name}")))
    }

    pub fn map_types(
        &self,
        name: &str,
        e: &SymbolicExpression,
    ) -> CResult<(TypeSignature, TypeSignature)> {
        self.analysis
            .map_types
            .get(name)
            .map(|(k, v)| (concrete(k), concrete(v)))
            .ok_or_else(|| span_error(e, format!("unknown map {name}")))
    }

    /// A fresh expression id for a made-up expression of type `ty` (far above the ids the
    /// parser hands out).
    pub fn synthetic(&mut self, ty: &TypeSignature) -> u64 {
        self.fresh += 1;
        let id = u64::MAX / 2 + self.fresh;
        self.synthetic_types.insert(id, ty.clone());
        id
    }

    /// A name no binding, constant or function of the contract uses.
    pub fn fresh_name(&mut self) -> String {
        loop {
            self.fresh += 1;
            let n = format!("hof-arg-{}", self.fresh);
            if self.lookup(&n).is_none()
                && !self.constants.contains_key(&n)
                && !self.functions.contains_key(&n)
            {
                return n;
            }
        }
    }

    pub fn type_id(&mut self, ty: &TypeSignature) -> i32 {
        if let Some(i) = self.meta.types.iter().position(|t| t == ty) {
            return i as i32;
        }
        self.meta.types.push(ty.clone());
        (self.meta.types.len() - 1) as i32
    }

    pub fn name_id(&mut self, name: &str) -> i32 {
        if let Some(i) = self.meta.names.iter().position(|t| t == name) {
            return i as i32;
        }
        self.meta.names.push(name.to_string());
        (self.meta.names.len() - 1) as i32
    }

    /// The wanted type of several expressions that must share one representation.
    pub fn join(&self, exprs: &[SymbolicExpression]) -> TypeSignature {
        let mut ty = TypeSignature::NoType;
        for e in exprs {
            ty = lub(&ty, &self.type_of(e));
        }
        ty
    }

    // ---- dispatch ----------------------------------------------------------------

    pub fn emit(
        &mut self,
        b: &mut Builder,
        e: &SymbolicExpression,
        want: &TypeSignature,
    ) -> CResult<()> {
        match &e.expr {
            SymbolicExpressionType::LiteralValue(v) | SymbolicExpressionType::AtomValue(v) => {
                self.emit_value(b, v, want, e)
            }
            SymbolicExpressionType::Atom(name) => self.emit_atom(b, name.as_str(), e, want),
            SymbolicExpressionType::List(items) => {
                let Some((head, args)) = items.split_first() else {
                    return Err(span_error(e, "empty expression"));
                };
                let Some(name) = head.match_atom() else {
                    return Err(unsupported(e, "expression in function position"));
                };
                // A traced call begins before anything of it is charged, where the
                // interpreter's evaluation hook sees it begin.
                let traced = self.tracing
                    && !self.is_synthetic(e)
                    && (self.functions.contains_key(name.as_str())
                        || name.as_str() == "contract-call?");
                if traced {
                    self.trace_begin(b);
                }
                // `eval` of a list: the function's lookup (already made when a higher-order
                // word applies it), then `apply`'s depth check; the arguments are
                // evaluated one level deeper.
                if !self.is_synthetic(e) {
                    self.cost(ClarityCostFunction::LookupFunction, 0);
                }
                self.depth_check(b);
                self.meter_state.nest += 1;
                let r = if self.functions.contains_key(name.as_str()) {
                    self.emit_user_call(b, name.as_str(), args, want, traced)
                } else {
                    words::emit_word(self, b, name.as_str(), args, e, want)
                };
                self.meter_state.nest -= 1;
                r
            }
            SymbolicExpressionType::Field(_) | SymbolicExpressionType::TraitReference(..) => {
                Err(unsupported(e, "trait reference"))
            }
        }
    }

    fn emit_atom(
        &mut self,
        b: &mut Builder,
        name: &str,
        e: &SymbolicExpression,
        want: &TypeSignature,
    ) -> CResult<()> {
        // `lookup_variable`: the context's depth, then the value's size. Values a
        // higher-order word passes to its function are not looked up.
        let charged = !self.is_synthetic(e);
        if let Some(binding) = self.lookup(name) {
            if charged {
                let depth = self.meter_state.context_depth;
                self.cost(ClarityCostFunction::LookupVariableDepth, depth);
                // A Clarity 1 trait argument is found among the callable contracts, not
                // the variables: no value size is charged.
                let callable_only = self.analysis.clarity_version
                    < clarity::vm::ClarityVersion::Clarity2
                    && crate::words::calls::is_trait(&binding.ty);
                if !callable_only {
                    self.cost_of_size(
                        b,
                        ClarityCostFunction::LookupVariableSize,
                        &binding.ty,
                        &binding.locals,
                    );
                }
            }
            for l in &binding.locals {
                b.local_get(*l);
            }
            return self.coerce(b, &binding.ty, want);
        }
        if let Some((ty, addr)) = self.constants.get(name).cloned() {
            let a = self.module.locals.add(ValType::I32);
            b.i32_const(addr as i32).local_set(a);
            self.load(b, &ty, a, 0);
            if charged {
                let depth = self.meter_state.context_depth;
                self.cost(ClarityCostFunction::LookupVariableDepth, depth);
                let locals = self.spill(b, &ty);
                self.cost_of_size(b, ClarityCostFunction::LookupVariableSize, &ty, &locals);
                Self::push_locals(b, &locals);
            }
            return self.coerce(b, &ty, want);
        }
        words::emit_keyword(self, b, name, e, want)
    }

    /// A call of one of the contract's own functions: `apply` evaluates the arguments
    /// (accounting each one's memory), then `execute_apply` charges the application and
    /// each declared argument type; a public or read-only function runs as a nested
    /// transaction (a read-only one always rolled back, a public one rolled back when it
    /// returns `err`), as in the interpreter.
    fn emit_user_call(
        &mut self,
        b: &mut Builder,
        name: &str,
        args: &[SymbolicExpression],
        want: &TypeSignature,
        traced: bool,
    ) -> CResult<()> {
        let f = &self.functions[name];
        let (id, arg_types, declared, returns, kind) = (
            f.id,
            f.args.clone(),
            f.declared.clone(),
            f.returns.clone(),
            f.kind,
        );
        let mut uses = vec![];
        let mut values = vec![];
        for (a, t) in args.iter().zip(arg_types.iter()) {
            self.emit(b, a, t)?;
            let locals = self.spill(b, t);
            uses.push(self.mem_add_value(b, t, &locals));
            values.push(locals);
        }
        if traced {
            self.trace_call(b, name, &arg_types, &values);
        }
        if kind != FunctionKind::Private {
            self.flush(b);
            let begin = self.import("begin-call");
            b.i32_const((kind == FunctionKind::ReadOnly) as i32)
                .call(begin);
        }
        self.charge_application(&declared);
        self.flush(b);
        // The callee's body runs one level below this application (its identifier on
        // the call stack), which is where the arguments were evaluated.
        self.set_depth(b, 0);
        for v in &values {
            Self::push_locals(b, v);
        }
        b.call(id);
        let locals = self.spill(b, &returns);
        if kind != FunctionKind::Private {
            let end = self.import("end-call");
            match kind {
                FunctionKind::Public => b.local_get(locals[0]),
                _ => b.i32_const(0),
            };
            b.call(end);
        }
        if traced {
            self.trace_end(b, &returns, &locals);
        }
        self.mem_release(b, &uses);
        Self::push_locals(b, &locals);
        self.coerce(b, &returns, want)
    }

    /// `execute_apply`'s charges for a function with these declared argument types.
    pub fn charge_application(&mut self, declared: &[TypeSignature]) {
        self.cost(
            ClarityCostFunction::UserFunctionApplication,
            declared.len() as u64,
        );
        for t in declared {
            self.cost(ClarityCostFunction::InnerTypeCheckCost, t.size() as u64);
        }
    }

    /// Whether `e` was made up by the compiler (see `words/higher_order.rs`).
    pub fn is_synthetic(&self, e: &SymbolicExpression) -> bool {
        self.synthetic_types.contains_key(&e.id)
    }

    /// Flush pending charges, then call host function `name` (arguments on the stack).
    pub fn call_host(&mut self, b: &mut Builder, name: &'static str) {
        self.flush(b);
        let f = self.import(name);
        b.call(f);
    }

    pub fn lookup(&self, name: &str) -> Option<Binding> {
        self.scopes.iter().rev().find_map(|s| s.get(name).cloned())
    }

    pub fn push_scope(&mut self, scope: HashMap<String, Binding>) {
        self.scopes.push(scope);
    }

    pub fn pop_scope(&mut self) {
        self.scopes.pop();
    }

    pub fn import(&mut self, name: &'static str) -> FunctionId {
        if let Some(id) = self.imports.get(name) {
            return *id;
        }
        // 128-bit add, subtract and compare run in the module; the host's function is
        // their slow path (it raises the overflow).
        if !crate::words::arithmetic::HOST_ARITHMETIC.load(std::sync::atomic::Ordering::Relaxed) {
            if let Some(id) = crate::words::arithmetic::inline(self, name) {
                self.imports.insert(name, id);
                return id;
            }
        }
        self.host_import(name)
    }

    /// The host's function `name`, imported once.
    pub fn host_import(&mut self, name: &'static str) -> FunctionId {
        let key = self.host_imports.get(name).copied();
        if let Some(id) = key {
            return id;
        }
        let (_, params, results) = host::IMPORTS
            .iter()
            .find(|(n, _, _)| *n == name)
            .unwrap_or_else(|| panic!("host function {name} is not declared in host::IMPORTS"));
        let ty = self.module.types.add(params, results);
        let (id, _) = self.module.add_import_func(host::MODULE, name, ty);
        self.host_imports.insert(name, id);
        if !self.imports.contains_key(name) {
            self.imports.insert(name, id);
        }
        id
    }

    // ---- literals ----------------------------------------------------------------

    /// Push a literal value in the shape of `want`.
    pub fn emit_value(
        &mut self,
        b: &mut Builder,
        v: &Value,
        want: &TypeSignature,
        e: &SymbolicExpression,
    ) -> CResult<()> {
        use TypeSignature as T;
        match (v, want) {
            (_, T::NoType) => Ok(()),
            (Value::Int(i), _) => {
                push_i128(b, *i as u128);
                Ok(())
            }
            (Value::UInt(u), _) => {
                push_i128(b, *u);
                Ok(())
            }
            (Value::Bool(x), _) => {
                b.i32_const(*x as i32);
                Ok(())
            }
            (Value::Principal(p), _) => {
                let bytes = abi::principal_bytes(p);
                let addr = self.static_bytes(&bytes);
                b.i32_const(addr as i32).i32_const(bytes.len() as i32);
                Ok(())
            }
            (Value::Sequence(SequenceData::Buffer(d)), _) => self.emit_bytes(b, &d.data),
            (Value::Sequence(SequenceData::String(CharType::ASCII(d))), _) => {
                self.emit_bytes(b, &d.data)
            }
            (Value::Sequence(SequenceData::String(CharType::UTF8(d))), _) => {
                let bytes = abi::utf8_to_memory(&d.data);
                self.emit_bytes(b, &bytes)
            }
            (Value::Optional(o), T::OptionalType(inner)) => {
                match &o.data {
                    Some(x) => {
                        b.i32_const(1);
                        self.emit_value(b, x, inner, e)?;
                    }
                    None => {
                        b.i32_const(0);
                        push_zeros(b, inner);
                    }
                }
                Ok(())
            }
            (Value::Response(r), T::ResponseType(types)) => {
                b.i32_const(r.committed as i32);
                if r.committed {
                    self.emit_value(b, &r.data, &types.0, e)?;
                    push_zeros(b, &types.1);
                } else {
                    push_zeros(b, &types.0);
                    self.emit_value(b, &r.data, &types.1, e)?;
                }
                Ok(())
            }
            (Value::Tuple(t), T::TupleType(tt)) => {
                self.push_static_rtype(b, &TypeSignature::type_of(v));
                for (name, fty) in tt.get_type_map() {
                    match t.data_map.get(name) {
                        Some(fv) => self.emit_value(b, fv, fty, e)?,
                        None => return Err(span_error(e, format!("tuple literal lacks {name}"))),
                    }
                }
                Ok(())
            }
            (
                Value::Sequence(SequenceData::List(l)),
                T::SequenceType(SequenceSubtype::ListType(lt)),
            ) => {
                let item = lt.get_list_item_type().clone();
                let size = abi::size(&item);
                let base = self.module.locals.add(ValType::I32);
                b.i32_const((size as usize * l.data.len()) as i32)
                    .call(self.alloc)
                    .local_set(base);
                for (i, x) in l.data.iter().enumerate() {
                    self.emit_value(b, x, &item, e)?;
                    self.store(b, &item, base, i as u32 * size);
                }
                self.push_static_rtype(b, &TypeSignature::type_of(v));
                b.local_get(base)
                    .i32_const((size as usize * l.data.len()) as i32);
                Ok(())
            }
            _ => Err(span_error(e, format!("cannot emit literal {v} as {want}"))),
        }
    }

    fn emit_bytes(&mut self, b: &mut Builder, bytes: &[u8]) -> CResult<()> {
        let addr = self.static_bytes(bytes);
        b.i32_const(addr as i32).i32_const(bytes.len() as i32);
        Ok(())
    }

    /// Place `bytes` in a data segment (once per distinct content) and return its address.
    pub fn static_bytes(&mut self, bytes: &[u8]) -> u32 {
        if bytes.is_empty() {
            return 0;
        }
        if let Some(a) = self.literals.get(bytes) {
            return *a;
        }
        let addr = self.static_alloc(bytes.len() as u32);
        self.module.data.add(
            DataKind::Active {
                memory: self.memory,
                offset: ConstExpr::Value(WValue::I32(addr as i32)),
            },
            bytes.to_vec(),
        );
        self.literals.insert(bytes.to_vec(), addr);
        addr
    }

    pub fn static_alloc(&mut self, size: u32) -> u32 {
        let addr = (self.static_end + 7) & !7;
        self.static_end = addr + size.max(1);
        addr
    }

    // ---- locals and memory -------------------------------------------------------

    /// Pop a value of type `ty` off the stack into fresh locals.
    pub fn spill(&mut self, b: &mut Builder, ty: &TypeSignature) -> Vec<LocalId> {
        let locals: Vec<LocalId> = flat(ty)
            .into_iter()
            .map(|v| self.module.locals.add(v))
            .collect();
        for l in locals.iter().rev() {
            b.local_set(*l);
        }
        locals
    }

    pub fn push_locals(b: &mut Builder, locals: &[LocalId]) {
        for l in locals {
            b.local_get(*l);
        }
    }

    pub fn drop_value(b: &mut Builder, ty: &TypeSignature) {
        for _ in flat(ty) {
            b.drop();
        }
    }

    /// Store the value on top of the stack at `addr_local + offset`.
    pub fn store(&mut self, b: &mut Builder, ty: &TypeSignature, addr: LocalId, offset: u32) {
        let locals = self.spill(b, ty);
        self.store_locals(b, ty, &locals, addr, offset);
    }

    pub fn store_locals(
        &mut self,
        b: &mut Builder,
        ty: &TypeSignature,
        locals: &[LocalId],
        addr: LocalId,
        offset: u32,
    ) {
        let mut off = offset;
        for (v, l) in flat(ty).into_iter().zip(locals) {
            b.local_get(addr).local_get(*l);
            let kind = match v {
                ValType::I64 => StoreKind::I64 { atomic: false },
                _ => StoreKind::I32 { atomic: false },
            };
            b.store(
                self.memory,
                kind,
                MemArg {
                    align: 1,
                    offset: off as u64,
                },
            );
            off += abi::val_size(v);
        }
    }

    /// Push the value of type `ty` stored at `addr_local + offset`.
    pub fn load(&mut self, b: &mut Builder, ty: &TypeSignature, addr: LocalId, offset: u32) {
        let mut off = offset;
        for v in flat(ty) {
            b.local_get(addr);
            let kind = match v {
                ValType::I64 => LoadKind::I64 { atomic: false },
                _ => LoadKind::I32 { atomic: false },
            };
            b.load(
                self.memory,
                kind,
                MemArg {
                    align: 1,
                    offset: off as u64,
                },
            );
            off += abi::val_size(v);
        }
    }

    /// Allocate heap memory for a `ty` and store the value on top of the stack there;
    /// leaves nothing on the stack and returns the address local.
    pub fn to_memory(&mut self, b: &mut Builder, ty: &TypeSignature) -> LocalId {
        let locals = self.spill(b, ty);
        self.locals_to_memory(b, ty, &locals)
    }

    /// Allocate heap memory for a `ty` and store the value held in `locals` there.
    pub fn locals_to_memory(
        &mut self,
        b: &mut Builder,
        ty: &TypeSignature,
        locals: &[LocalId],
    ) -> LocalId {
        let addr = self.alloc_local(b, abi::size(ty));
        self.store_locals(b, ty, locals, addr, 0);
        addr
    }

    /// Allocate `size` bytes on the heap; returns the address local.
    pub fn alloc_local(&mut self, b: &mut Builder, size: u32) -> LocalId {
        let addr = self.module.locals.add(ValType::I32);
        b.i32_const(size as i32).call(self.alloc).local_set(addr);
        addr
    }

    /// A block of n (type id, address) pairs: how values are handed to the host in a
    /// group (`contract-call`, `trace-call`). Returns the block's address local.
    pub fn arg_block(&mut self, b: &mut Builder, pairs: &[(i32, LocalId)]) -> LocalId {
        let block = self.alloc_local(b, 8 * pairs.len() as u32);
        for (i, (tid, addr)) in pairs.iter().enumerate() {
            let off = 8 * i as u64;
            b.local_get(block).i32_const(*tid).store(
                self.memory,
                StoreKind::I32 { atomic: false },
                MemArg {
                    align: 1,
                    offset: off,
                },
            );
            b.local_get(block).local_get(*addr).store(
                self.memory,
                StoreKind::I32 { atomic: false },
                MemArg {
                    align: 1,
                    offset: off + 4,
                },
            );
        }
        block
    }

    /// A new block whose result is a value of type `ty`.
    pub fn block_type(&mut self, ty: &TypeSignature) -> walrus::ir::InstrSeqType {
        walrus::ir::InstrSeqType::new(&mut self.module.types, &[], &flat(ty))
    }

    // ---- coercion ----------------------------------------------------------------

    /// Turn the value of type `from` on top of the stack into the representation of `to`
    /// (`to` admits `from`; they differ only where `from` has holes).
    pub fn coerce(
        &mut self,
        b: &mut Builder,
        from: &TypeSignature,
        to: &TypeSignature,
    ) -> CResult<()> {
        if abi::same_repr(from, to) {
            return Ok(());
        }
        let locals = self.spill(b, from);
        self.push_as(b, &locals, from, to);
        Ok(())
    }

    /// Push the value held in `locals` (of type `from`) in the representation of `to`.
    pub fn push_as(
        &mut self,
        b: &mut Builder,
        locals: &[LocalId],
        from: &TypeSignature,
        to: &TypeSignature,
    ) {
        let mut i = 0;
        self.rebuild(b, locals, &mut i, from, to);
    }

    fn rebuild(
        &mut self,
        b: &mut Builder,
        locals: &[LocalId],
        i: &mut usize,
        from: &TypeSignature,
        to: &TypeSignature,
    ) {
        use TypeSignature as T;
        match (from, to) {
            (T::NoType, _) => push_zeros(b, to),
            (_, T::NoType) => *i += flat(from).len(),
            (T::OptionalType(f), T::OptionalType(t)) => {
                b.local_get(locals[*i]);
                *i += 1;
                self.rebuild(b, locals, i, f, t);
            }
            (T::ResponseType(f), T::ResponseType(t)) => {
                b.local_get(locals[*i]);
                *i += 1;
                self.rebuild(b, locals, i, &f.0, &t.0);
                self.rebuild(b, locals, i, &f.1, &t.1);
            }
            (T::TupleType(f), T::TupleType(t)) => {
                // The rtype is the value's own, whatever the representation.
                b.local_get(locals[*i]);
                *i += 1;
                for ((_, ft), (_, tt)) in f.get_type_map().iter().zip(t.get_type_map().iter()) {
                    self.rebuild(b, locals, i, ft, tt);
                }
            }
            (
                T::SequenceType(SequenceSubtype::ListType(_)),
                T::SequenceType(SequenceSubtype::ListType(_)),
            ) if !abi::same_repr(from, to) => {
                // Elements change layout: the host converts the list (rare: a list whose
                // element type has holes, e.g. `(list none none)` used as a list of (optional int)).
                let from_id = self.type_id(from);
                let to_id = self.type_id(to);
                let n = flat(from).len();
                let src = self.locals_to_memory(b, from, &locals[*i..*i + n]);
                let dest = self.alloc_local(b, abi::size(to));
                *i += n;
                let convert = self.import("convert");
                b.i32_const(from_id)
                    .i32_const(to_id)
                    .local_get(src)
                    .local_get(dest)
                    .call(convert);
                self.load(b, to, dest, 0);
            }
            _ => {
                for _ in flat(from) {
                    b.local_get(locals[*i]);
                    *i += 1;
                }
            }
        }
    }

    /// Leave the current function with the value on top of the stack (of type `ty`) as
    /// its result; at top level, raise the interpreter's short-return error instead.
    pub fn short_return(
        &mut self,
        b: &mut Builder,
        ty: &TypeSignature,
        kind: host::ShortReturnKind,
    ) -> CResult<()> {
        match self.fn_return.clone() {
            Some(ret) => {
                self.coerce(b, ty, &ret)?;
                // Leaving `as-contract` and `at-block` bodies early: what they changed is
                // given back, innermost first, before the function's own memory is.
                for name in self.closers.clone().into_iter().rev() {
                    self.call_host(b, name);
                }
                self.meter_on_return(b);
                b.return_();
            }
            None => {
                let addr = self.to_memory(b, ty);
                let id = self.type_id(ty);
                self.flush(b);
                let f = self.import("short-return");
                b.i32_const(kind as i32)
                    .i32_const(id)
                    .local_get(addr)
                    .call(f)
                    .unreachable();
            }
        }
        Ok(())
    }

    /// The type a short return from here must have (the function's return type), or the
    /// thrown expression's own type at top level.
    pub fn throw_type(&self, thrown: &SymbolicExpression) -> TypeSignature {
        self.fn_return
            .clone()
            .unwrap_or_else(|| self.type_of(thrown))
    }
}

pub fn push_i128(b: &mut Builder, v: u128) {
    b.i64_const(v as u64 as i64)
        .i64_const((v >> 64) as u64 as i64);
}

/// Push the zero components of a value of type `ty` (for absent branches).
pub fn push_zeros(b: &mut Builder, ty: &TypeSignature) {
    for v in flat(ty) {
        match v {
            ValType::I64 => b.i64_const(0),
            _ => b.i32_const(0),
        };
    }
}

/// Byte ranges of the code section entries, in function index order (locals only).
fn code_ranges(wasm: &[u8]) -> Vec<(usize, usize)> {
    let mut out = vec![];
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        if let Ok(wasmparser::Payload::CodeSectionEntry(body)) = payload {
            let r = body.range();
            out.push((r.start, r.end));
        }
    }
    out
}

/// Find each user function's body range through the export table.
fn attach_ranges(meta: &mut Metadata, wasm: &[u8], ranges: &[(usize, usize)]) {
    let mut imported = 0u32;
    let mut exports: HashMap<String, u32> = HashMap::new();
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        match payload {
            Ok(wasmparser::Payload::ImportSection(r)) => {
                imported += r.count();
            }
            Ok(wasmparser::Payload::ExportSection(r)) => {
                for e in r.into_iter().flatten() {
                    if e.kind == wasmparser::ExternalKind::Func {
                        exports.insert(e.name.to_string(), e.index);
                    }
                }
            }
            _ => {}
        }
    }
    for f in meta.functions.iter_mut() {
        if let Some(idx) = exports.get(&f.export) {
            if let Some(r) = ranges.get((*idx - imported) as usize) {
                f.code_range = *r;
            }
        }
    }
}
