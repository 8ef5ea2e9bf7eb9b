//! Deploy, call and snippet on the Wasm path. Each mirrors, step for step, what clarity-vm
//! does for the same transaction (`initialize_contract_from_ast` + `eval_all`,
//! `inner_execute_contract` + `execute_function_as_transaction` + `execute_apply`), with
//! Wasm in place of `eval`: same nesting of begin/commit/rollback, same checks, same
//! errors, same cost calls, same database writes.

use std::sync::Arc;

use clarinet_wasm_compiler::{CompileError, Options, TopLevel};
use clarinet_wasm_costs::Meter;
use clarity::types::StacksEpochId;
use clarity::vm::contexts::{CallStack, ContractContext, Environment, GlobalContext};
use clarity::vm::costs::cost_functions::ClarityCostFunction;
use clarity::vm::costs::{CostTracker, ExecutionCost, LimitedCostTracker, MemoryConsumer};
use clarity::vm::errors::{CheckErrors, Error as ClarityError};
use clarity::vm::types::{PrincipalData, QualifiedContractIdentifier, TypeSignature};
use clarity::vm::{ClarityVersion, SymbolicExpression, Value};

use super::define::{self, Definition};
use super::meter::TxMeter;
use super::{internal, load, Instance, LoadedContract};
use crate::analyze::{analyze_step, save_analysis, Analyzed};
use crate::chain::{Chain, WasmContracts};
use crate::outcome::{describe_event, ErrorDesc, Outcome};

type Result<T> = std::result::Result<T, ClarityError>;

/// Why the Wasm path could not run a step at all.
#[derive(Clone, Debug)]
pub enum NotRun {
    /// The compiler refused the contract (a word not supported yet, at line:col).
    Unsupported(CompileError),
    /// The contract was not deployed on the Wasm path.
    NotCompiled(String),
    /// The chain's costs cannot be computed natively (e.g. a voted cost function).
    Unmetered(String),
}

impl std::fmt::Display for NotRun {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotRun::Unsupported(e) => write!(f, "{e}"),
            NotRun::NotCompiled(c) => write!(f, "{c} is not compiled to Wasm"),
            NotRun::Unmetered(why) => write!(f, "cannot meter on Wasm: {why}"),
        }
    }
}

/// Compile `analyzed` for `chain` (its cost functions and epoch): the one place a module
/// is made, for running it and for `compile`/`check`.
pub fn compile(
    chain: &mut Chain,
    analyzed: &Analyzed,
) -> std::result::Result<clarinet_wasm_compiler::Compiled, NotRun> {
    let table = crate::costs::table_for(chain).map_err(NotRun::Unmetered)?;
    // The injected `add` fault lives in the host's addition: keep every `+` there.
    #[cfg(feature = "fault-injection")]
    if std::env::var("CLARINET_WASM_FAULT").as_deref() == Ok("add") {
        clarinet_wasm_compiler::set_host_arithmetic(true);
    }
    if let Some(e) = injected_refusal(&analyzed.ast.expressions) {
        return Err(NotRun::Unsupported(e));
    }
    clarinet_wasm_compiler::compile_with(&analyzed.analysis, &table, chain.epoch, options(chain))
        .map_err(NotRun::Unsupported)
}

/// How `chain`'s modules are built: charging unless the chain measures metering itself,
/// with the `::trace` hooks while this thread traces a step.
fn options(chain: &Chain) -> Options {
    Options {
        charging: chain.wasm_charges,
        tracing: crate::trace::wasm_tracing(),
    }
}

/// Compile `analyzed` for `chain` and load it on wasmtime.
pub fn compile_and_load(
    chain: &mut Chain,
    analyzed: &Analyzed,
) -> std::result::Result<Arc<LoadedContract>, NotRun> {
    let started = std::time::Instant::now();
    let compiled = compile(chain, analyzed)?;
    let table = crate::costs::table_for(chain).map_err(NotRun::Unmetered)?;
    load(compiled)
        .map(|mut l| {
            l.compile_time = started.elapsed();
            l.analysis = Some(Arc::new(analyzed.analysis.clone()));
            l.table = Some(table);
            Arc::new(l)
        })
        .map_err(invalid_module)
}

/// A module wasmtime refused: the compiler's fault, reported as a refusal.
fn invalid_module(e: String) -> NotRun {
    NotRun::Unsupported(CompileError {
        message: format!("invalid module (compiler bug): {e}"),
        line: 0,
        column: 0,
    })
}

/// `old` compiled again from its analysis (with `table`, `epoch` and `options`), for the
/// same deployment.
fn recompiled(
    old: &LoadedContract,
    analysis: &Arc<clarity::vm::analysis::ContractAnalysis>,
    table: &Arc<clarinet_wasm_costs::CostTable>,
    epoch: StacksEpochId,
    options: Options,
) -> std::result::Result<LoadedContract, NotRun> {
    let compiled = clarinet_wasm_compiler::compile_with(analysis, table, epoch, options)
        .map_err(NotRun::Unsupported)?;
    let mut l = load(compiled).map_err(invalid_module)?;
    l.analysis = Some(analysis.clone());
    l.table = Some(table.clone());
    l.compile_time = old.compile_time;
    l.adopt_deployment(old);
    Ok(l)
}

/// Rebuild every deployed module whose static charges are another cost table's than the
/// chain's now (after `Chain::set_epoch`): the interpreter charges a contract deployed in
/// an earlier epoch at the current epoch's costs, and so must its module.
pub fn rebuild_for_table(chain: &mut Chain) -> std::result::Result<(), NotRun> {
    if chain.wasm_contracts.is_empty() {
        return Ok(());
    }
    let table = crate::costs::table_for(chain).map_err(NotRun::Unmetered)?;
    let stale: Vec<_> = chain
        .wasm_contracts
        .iter()
        .filter(|(_, l)| l.analysis.is_some() && l.table.as_deref() != Some(&*table))
        .map(|(id, l)| (id.clone(), l.clone()))
        .collect();
    let options = options(chain);
    for (id, old) in stale {
        let analysis = old.analysis.clone().expect("filtered on it");
        let l = recompiled(&old, &analysis, &table, chain.epoch, options)?;
        Arc::make_mut(&mut chain.wasm_contracts).insert(id, Arc::new(l));
    }
    Ok(())
}

/// The chain's deployed modules compiled again with the `::trace` hooks (the same
/// charges as the chain's), for one traced step; a module without its analysis stays as
/// it is.
pub fn traced_contracts(chain: &Chain) -> std::result::Result<Arc<WasmContracts>, NotRun> {
    let options = Options {
        tracing: true,
        ..options(chain)
    };
    let mut traced = WasmContracts::new();
    for (id, l) in chain.wasm_contracts.iter() {
        let (Some(analysis), Some(table)) = (&l.analysis, &l.table) else {
            traced.insert(id.clone(), l.clone());
            continue;
        };
        let t = recompiled(l, analysis, table, chain.epoch, options)?;
        traced.insert(id.clone(), Arc::new(t));
    }
    Ok(Arc::new(traced))
}

/// Test-only fault injection (feature `fault-injection`): with `CLARINET_WASM_FAULT` set
/// to `refuse:WORD`, a contract using WORD is refused as if the compiler did not support
/// it, so that the interpreter-only paths (a project's contracts, a Wasm caller of an
/// interpreter-only callee) can be exercised now that every word compiles.
#[cfg(feature = "fault-injection")]
fn injected_refusal(exprs: &[SymbolicExpression]) -> Option<CompileError> {
    let fault = std::env::var("CLARINET_WASM_FAULT").ok()?;
    let word = fault.strip_prefix("refuse:")?;
    fn find<'a>(e: &'a SymbolicExpression, word: &str) -> Option<&'a SymbolicExpression> {
        if e.match_atom().map(|a| a.as_str()) == Some(word) {
            return Some(e);
        }
        let list = e.match_list()?;
        // An application is refused at its opening parenthesis, as the compiler does.
        if list
            .first()
            .and_then(|h| h.match_atom())
            .map(|a| a.as_str())
            == Some(word)
        {
            return Some(e);
        }
        list.iter().find_map(|x| find(x, word))
    }
    let e = exprs.iter().find_map(|e| find(e, word))?;
    Some(clarinet_wasm_compiler::unsupported(e, word))
}

#[cfg(not(feature = "fault-injection"))]
fn injected_refusal(_: &[SymbolicExpression]) -> Option<CompileError> {
    None
}

/// Run `f` in an environment over `chain` with a free clarity-vm tracker (the Wasm path
/// meters natively) and a fresh `TxMeter`; returns the cost to report.
fn with_meter<R>(
    chain: &mut Chain,
    f: impl FnOnce(&mut clarity::vm::contexts::OwnedEnvironment, &mut TxMeter) -> R,
) -> std::result::Result<(R, Option<ExecutionCost>), NotRun> {
    let table = crate::costs::table_for(chain).map_err(NotRun::Unmetered)?;
    let meter = if chain.metering {
        Meter::new(table, chain.cost_limit.clone())
    } else {
        // Unmetered, as the interpreter's free tracker: no cost and no limits.
        let mut m = Meter::new(table, ExecutionCost::max_value());
        m.set_memory_limit(u64::MAX);
        m
    };
    let mut tx = TxMeter::new(meter, chain.metering);
    let r = chain.with_env(|env| f(env, &mut tx));
    Ok((r, tx.reported_cost()))
}

pub fn deploy(
    chain: &mut Chain,
    id: &QualifiedContractIdentifier,
    source: &str,
    version: ClarityVersion,
) -> std::result::Result<Outcome, NotRun> {
    chain.store.take_writes();
    let analyzed = match analyze_step(chain, id, source, version) {
        Ok(a) => a,
        Err(o) => return Ok(o),
    };
    let loaded = compile_and_load(chain, &analyzed)?;
    let sender: PrincipalData = id.issuer.clone().into();
    let contracts = chain.wasm_contracts.clone();
    let sponsor = chain.sponsor.clone();
    let (res, cost) = with_meter(chain, |env, meter| {
        env.execute_in_env(sender, sponsor, None, |exec| {
            initialize_contract(
                exec,
                meter,
                id,
                version,
                &analyzed.ast.expressions,
                source,
                &loaded,
                &contracts,
            )
        })
    })?;
    Ok(match res {
        Ok(((), _, events)) => {
            save_analysis(&mut chain.store, id, &analyzed.analysis);
            Arc::make_mut(&mut chain.wasm_contracts).insert(id.clone(), loaded);
            finish(chain, cost, Ok((None, events)))
        }
        Err(e) => finish(chain, cost, Err(e)),
    })
}

pub fn call(
    chain: &mut Chain,
    contract: &QualifiedContractIdentifier,
    function: &str,
    args: &[Value],
    sender: &PrincipalData,
    read_only: bool,
) -> std::result::Result<Outcome, NotRun> {
    chain.store.take_writes();
    if !chain.wasm_contracts.contains_key(contract) {
        // Only a contract we did not deploy can be missing altogether.
        if let Some(missing) = crate::chain::missing_contract(chain, contract) {
            return Ok(missing);
        }
        return Err(NotRun::NotCompiled(contract.to_string()));
    }
    let contracts = chain.wasm_contracts.clone();
    let sponsor = chain.sponsor.clone();
    let (res, cost) = with_meter(chain, |env, meter| {
        env.execute_in_env(sender.clone(), sponsor, None, |exec| {
            execute_contract(exec, meter, contract, function, args, read_only, &contracts)
        })
    })?;
    Ok(finish(
        chain,
        cost,
        res.map(|(v, _, events)| (Some(v), events)),
    ))
}

/// Evaluate a snippet's expressions (no definitions) as one transaction.
pub fn snippet(
    chain: &mut Chain,
    id: &QualifiedContractIdentifier,
    source: &str,
    sender: &PrincipalData,
) -> std::result::Result<Outcome, NotRun> {
    chain.store.take_writes();
    let version = chain.clarity_version;
    let analyzed = match analyze_step(chain, id, source, version) {
        Ok(a) => a,
        Err(o) => return Ok(o),
    };
    let loaded = compile_and_load(chain, &analyzed)?;
    let context = ContractContext::new(id.clone(), version);
    let contracts = chain.wasm_contracts.clone();
    let sponsor = chain.sponsor.clone();
    let (res, cost) = with_meter(chain, |env, meter| {
        env.execute_in_env(sender.clone(), sponsor, Some(context), |exec| {
            let mut inst = Instance::new(&loaded, &contracts)?;
            let mut last = Value::none();
            for top in &loaded.meta.top_level {
                if let TopLevel::Expr { export, ty } = top {
                    meter.depth = 0;
                    last = inst.call(exec, meter, export, &[], [], ty)?;
                } else {
                    return Err(internal("definitions are not allowed in a snippet"));
                }
            }
            Ok::<_, ClarityError>(last)
        })
    })?;
    Ok(finish(
        chain,
        cost,
        res.map(|(v, _, events)| (Some(v), events)),
    ))
}

fn finish(
    chain: &mut Chain,
    cost: Option<ExecutionCost>,
    res: Result<(
        Option<Value>,
        Vec<clarity::vm::events::StacksTransactionEvent>,
    )>,
) -> Outcome {
    match res {
        Ok((value, events)) => Outcome {
            result: Ok(value),
            events: events.iter().map(describe_event).collect(),
            writes: chain.store.take_writes(),
            cost,
        },
        Err(e) => Outcome {
            result: Err(ErrorDesc::from_clarity(&e)),
            events: vec![],
            writes: chain.store.take_writes(),
            cost,
        },
    }
}

/// The interpreter's deployment (`interp::publish`, as Clarinet makes it), with Wasm
/// evaluating the expressions.
#[allow(clippy::too_many_arguments)]
fn initialize_contract(
    exec: &mut Environment,
    meter: &mut TxMeter,
    id: &QualifiedContractIdentifier,
    version: ClarityVersion,
    expressions: &[SymbolicExpression],
    source: &str,
    loaded: &LoadedContract,
    contracts: &Arc<WasmContracts>,
) -> Result<()> {
    if exec.global_context.database.has_contract(id) {
        return Err(CheckErrors::ContractAlreadyExists(id.to_string()).into());
    }
    let mut contract_context = ContractContext::new(id.clone(), version);
    exec.global_context.execute(|g| {
        eval_all(
            expressions,
            &mut contract_context,
            g,
            meter,
            loaded,
            contracts,
        )
    })?;
    loaded.set_context(contract_context.clone());
    crate::interp::store_contract(exec, id, source, contract_context)
}

/// clarity-vm's `eval_all` with its charges made on the meter: definitions are read by
/// `define.rs`, values (constants, initial values, a token's supply, top-level
/// expressions) come from the module's top-level functions.
fn eval_all(
    expressions: &[SymbolicExpression],
    contract_context: &mut ContractContext,
    global_context: &mut GlobalContext,
    meter: &mut TxMeter,
    loaded: &LoadedContract,
    contracts: &Arc<WasmContracts>,
) -> Result<()> {
    use ClarityCostFunction as C;
    let publisher: PrincipalData = contract_context.contract_identifier.issuer.clone().into();
    let mut inst = Instance::new(loaded, contracts)?;
    let mut total_memory_use = 0;
    let meta = loaded.meta.clone();
    let epoch = global_context.epoch_id;
    let result = (|| {
        for (exp, top) in expressions.iter().zip(meta.top_level.iter()) {
            // Runs `f` in a fresh Environment over the contract being built, inside a
            // nested transaction, as eval_all does for each expression.
            macro_rules! in_env {
                (|$env:ident| $body:expr) => {
                    global_context.execute(|g| {
                        let mut call_stack = CallStack::new();
                        let mut $env = Environment::new(
                            g,
                            contract_context,
                            &mut call_stack,
                            Some(publisher.clone()),
                            Some(publisher.clone()),
                            None,
                        );
                        $body
                    })
                };
            }
            meter.depth = 0;
            match top {
                TopLevel::Define(kind) => {
                    match define::read(*kind, exp, contract_context, epoch, meter)? {
                        Definition::Function(name, value) => {
                            meter.charge(C::BindName, 0)?;
                            contract_context.functions.insert(name, value);
                        }
                        Definition::Map(name, key_type, value_type) => {
                            meter.charge(
                                C::CreateMap,
                                u64::from(key_type.size()) + u64::from(value_type.size()),
                            )?;
                            contract_context.persisted_names.insert(name.clone());
                            meter.leak_memory(type_size(&key_type)?)?;
                            meter.leak_memory(type_size(&value_type)?)?;
                            let data_type = global_context.database.create_map(
                                &contract_context.contract_identifier,
                                &name,
                                key_type,
                                value_type,
                            );
                            contract_context.meta_data_map.insert(name, data_type);
                        }
                        Definition::NonFungibleToken(name, asset_type) => {
                            meter.charge(C::CreateNft, asset_type.size() as u64)?;
                            contract_context.persisted_names.insert(name.clone());
                            meter.leak_memory(type_size(&asset_type)?)?;
                            let data_type = global_context.database.create_non_fungible_token(
                                &contract_context.contract_identifier,
                                &name,
                                &asset_type,
                            );
                            contract_context.meta_nft.insert(name, data_type);
                        }
                        Definition::Trait(name, trait_type) => {
                            contract_context.defined_traits.insert(name, trait_type);
                        }
                        Definition::ImplTrait(trait_identifier) => {
                            contract_context.implemented_traits.insert(trait_identifier);
                        }
                        Definition::Nothing => {}
                    }
                }
                TopLevel::FungibleToken { name, supply } => {
                    define::check_name(name, contract_context)?;
                    let total_supply = match supply {
                        Some(export) => {
                            let uint = TypeSignature::UIntType;
                            match in_env!(|env| inst.call(&mut env, meter, export, &[], [], &uint))?
                            {
                                Value::UInt(n) => Some(n),
                                v => return Err(CheckErrors::TypeValueError(uint, v).into()),
                            }
                        }
                        None => None,
                    };
                    let name: clarity::vm::ClarityName = name.as_str().into();
                    meter.charge(C::CreateFt, 0)?;
                    contract_context.persisted_names.insert(name.clone());
                    meter.leak_memory(type_size(&TypeSignature::UIntType)?)?;
                    let data_type = global_context.database.create_fungible_token(
                        &contract_context.contract_identifier,
                        &name,
                        &total_supply,
                    );
                    contract_context.meta_ft.insert(name, data_type);
                }
                TopLevel::Constant {
                    name,
                    export,
                    ty,
                    slot,
                } => {
                    let value = in_env!(|env| inst.call(&mut env, meter, export, &[], [], ty))?;
                    meter.charge(C::BindName, 0)?;
                    let value_memory_use = value.get_memory_use();
                    meter.add_memory(value_memory_use)?;
                    total_memory_use += value_memory_use;
                    inst.set_constant(*slot, &value)?;
                    contract_context
                        .variables
                        .insert(name.as_str().into(), value);
                }
                TopLevel::DataVar { name, export, ty } => {
                    let type_expr = exp
                        .match_list()
                        .and_then(|l| l.get(2))
                        .ok_or_else(|| internal("bad define-data-var"))?;
                    let value_type =
                        TypeSignature::parse_type_repr(epoch, type_expr, &mut meter.meter)?;
                    let value = in_env!(|env| inst.call(&mut env, meter, export, &[], [], ty))?;
                    let name: clarity::vm::ClarityName = name.as_str().into();
                    meter.charge(C::CreateVar, value_type.size() as u64)?;
                    contract_context.persisted_names.insert(name.clone());
                    meter.leak_memory(type_size(&value_type)?)?;
                    meter.leak_memory(value.size() as u64)?;
                    let data_type = global_context.database.create_variable(
                        &contract_context.contract_identifier,
                        &name,
                        value_type,
                    );
                    global_context.database.set_variable(
                        &contract_context.contract_identifier,
                        &name,
                        value,
                        &data_type,
                    )?;
                    contract_context.meta_data_var.insert(name, data_type);
                }
                TopLevel::Expr { export, ty } => {
                    in_env!(|env| inst.call(&mut env, meter, export, &[], [], ty).map(|_| ()))?;
                }
            }
        }
        contract_context.data_size = total_memory_use;
        Ok(())
    })();
    meter.drop_memory(total_memory_use);
    result
}

fn type_size(t: &TypeSignature) -> Result<u64> {
    t.type_size()
        .map(u64::from)
        .map_err(|_| internal("type size"))
}

/// `Environment::inner_execute_contract` for a contract deployed on the Wasm path, its
/// charges on the meter. A contract not compiled (a boot contract, say) runs on the
/// interpreter instead, metered there.
pub(crate) fn execute_contract(
    exec: &mut Environment,
    meter: &mut TxMeter,
    contract_id: &QualifiedContractIdentifier,
    tx_name: &str,
    args: &[Value],
    read_only: bool,
    contracts: &Arc<WasmContracts>,
) -> Result<Value> {
    let Some(loaded) = contracts.get(contract_id) else {
        let args: Vec<SymbolicExpression> = args
            .iter()
            .cloned()
            .map(SymbolicExpression::atom_value)
            .collect();
        return on_interpreter(exec, meter, |e| {
            e.execute_contract(contract_id, tx_name, &args, read_only)
        });
    };
    let contract_size = loaded.size(&mut exec.global_context.database, contract_id)?;
    meter.charge(ClarityCostFunction::LoadContract, contract_size)?;
    meter.add_memory(contract_size)?;
    let result = (|| {
        // The deployed contract, as the interpreter would read it back (shared, see
        // `LoadedContract::context`).
        let contract = match loaded.context() {
            Some(c) => c,
            None => Arc::new(
                exec.global_context
                    .database
                    .get_contract(contract_id)?
                    .contract_context,
            ),
        };
        // Borrowed, not `lookup_function`'s clone of the whole definition.
        let func = contract
            .functions
            .get(tx_name)
            .ok_or_else(|| CheckErrors::UndefinedFunction(tx_name.to_string()))?;
        if !func.is_public() {
            return Err(CheckErrors::NoSuchPublicFunction(
                contract_id.to_string(),
                tx_name.to_string(),
            )
            .into());
        } else if read_only && !func.is_read_only() {
            return Err(CheckErrors::PublicFunctionNotReadOnly(
                contract_id.to_string(),
                tx_name.to_string(),
            )
            .into());
        }
        let func_identifier = func.get_identifier();
        // The call stack of a Wasm transaction is the meter's (see `TxMeter::frames`).
        if meter.frames.contains(&func_identifier) {
            return Err(CheckErrors::CircularReference(vec![func_identifier.to_string()]).into());
        }
        meter.frames.push(func_identifier);
        meter.depth += 1;
        let res = execute_function_as_transaction(
            exec, meter, func, tx_name, args, &contract, loaded, contracts,
        );
        meter.depth -= 1;
        meter.frames.pop();
        res
    })();
    meter.drop_memory(contract_size);
    result
}

#[allow(clippy::too_many_arguments)]
fn execute_function_as_transaction(
    exec: &mut Environment,
    meter: &mut TxMeter,
    function: &clarity::vm::callables::DefinedFunction,
    name: &str,
    args: &[Value],
    contract_context: &ContractContext,
    loaded: &LoadedContract,
    contracts: &Arc<WasmContracts>,
) -> Result<Value> {
    let make_read_only = function.is_read_only();
    if make_read_only {
        exec.global_context.begin_read_only();
    } else {
        exec.global_context.begin();
    }
    let result = {
        let mut nested = Environment::new(
            exec.global_context,
            contract_context,
            exec.call_stack,
            exec.sender.clone(),
            exec.caller.clone(),
            exec.sponsor.clone(),
        );
        execute_apply(&mut nested, meter, function, name, args, loaded, contracts)
    };
    if make_read_only {
        exec.global_context.roll_back();
        result
    } else {
        exec.global_context.handle_tx_result(result)
    }
}

/// `DefinedFunction::execute_apply`'s charges and checks, then the function's Wasm.
fn execute_apply(
    env: &mut Environment,
    meter: &mut TxMeter,
    function: &clarity::vm::callables::DefinedFunction,
    name: &str,
    args: &[Value],
    loaded: &LoadedContract,
    contracts: &Arc<WasmContracts>,
) -> Result<Value> {
    let arg_types = function.get_arg_types();
    meter.charge(
        ClarityCostFunction::UserFunctionApplication,
        arg_types.len() as u64,
    )?;
    for t in arg_types {
        meter.charge(ClarityCostFunction::InnerTypeCheckCost, t.size() as u64)?;
    }
    if args.len() != arg_types.len() {
        return Err(CheckErrors::IncorrectArgumentCount(arg_types.len(), args.len()).into());
    }
    let clarity2 = *env.contract_context.get_clarity_version() >= ClarityVersion::Clarity2;
    for (t, v) in arg_types.iter().zip(args) {
        if is_trait_argument(t, v, *env.epoch(), clarity2) {
            continue;
        }
        let v = if clarity2 {
            super::host::implicit_cast(t, v.clone())?
        } else {
            v.clone()
        };
        if !t.admits(env.epoch(), &v)? {
            return Err(CheckErrors::TypeValueError(t.clone(), v).into());
        }
    }
    let meta = loaded
        .meta
        .function(name)
        .ok_or_else(|| internal(format!("no compiled function {name}")))?;
    let mut inst = loaded.checkout(contracts)?;
    let types = meta.args.iter().map(|(_, t)| t);
    let result = inst.call(env, meter, &meta.export, args, types, &meta.returns);
    loaded.checkin(inst);
    result
}

/// A contract passed for a trait-typed parameter: bound as a callable contract without a
/// type check (the type checker and the dynamic call's own checks stand for it), as
/// `execute_apply` does; Clarity 1 knew trait references as `TraitReferenceType` before
/// epoch 2.1.
fn is_trait_argument(t: &TypeSignature, v: &Value, epoch: StacksEpochId, clarity2: bool) -> bool {
    use clarity::vm::types::signatures::CallableSubtype;
    let contract = matches!(v, Value::Principal(PrincipalData::Contract(_)));
    match (t, v) {
        (TypeSignature::CallableType(CallableSubtype::Trait(_)), Value::CallableContract(_)) => {
            true
        }
        (TypeSignature::CallableType(CallableSubtype::Trait(_)), _) if contract => {
            clarity2 || epoch >= StacksEpochId::Epoch21
        }
        (TypeSignature::TraitReferenceType(_), _) if contract => {
            !clarity2 && epoch < StacksEpochId::Epoch21
        }
        _ => false,
    }
}

/// Run `f` on the interpreter within a Wasm transaction (a callee that is not compiled):
/// the interpreter's own tracker is swapped in for the duration, carrying the meter's
/// totals, and the call stack is made as deep as the meter says.
pub(crate) fn on_interpreter<T>(
    exec: &mut Environment,
    meter: &mut TxMeter,
    f: impl FnOnce(&mut Environment) -> Result<T>,
) -> Result<T> {
    let epoch = *exec.epoch();
    let mut tracker = if meter.reported {
        let mut t = LimitedCostTracker::new_mid_block(
            exec.global_context.mainnet,
            exec.global_context.chain_id,
            meter.meter.limit().clone(),
            &mut exec.global_context.database,
            epoch,
        )
        .map_err(|e| internal(format!("cannot create the cost tracker: {e:?}")))?;
        t.set_total(meter.meter.total().clone());
        t.add_memory(meter.meter.memory())
            .map_err(ClarityError::from)?;
        t
    } else {
        LimitedCostTracker::new_free()
    };
    std::mem::swap(&mut exec.global_context.cost_track, &mut tracker);
    for f in &meter.frames {
        exec.call_stack.insert(f, true);
    }
    let extra = (meter.depth as usize).saturating_sub(exec.call_stack.depth());
    for _ in 0..extra {
        exec.call_stack.incr_apply_depth();
    }
    let r = f(exec);
    for _ in 0..extra {
        exec.call_stack.decr_apply_depth();
    }
    let removed = meter
        .frames
        .iter()
        .rev()
        .try_for_each(|f| exec.call_stack.remove(f, true));
    std::mem::swap(&mut exec.global_context.cost_track, &mut tracker);
    if meter.reported {
        meter.meter.set_total(tracker.get_total());
        meter.meter.set_memory(tracker.get_memory());
    }
    removed?;
    r
}
