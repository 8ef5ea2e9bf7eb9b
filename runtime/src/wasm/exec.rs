//! Deploy, call and snippet on the Wasm path. Each mirrors, step for step, what clarity-vm
//! does for the same transaction (`initialize_contract_from_ast` + `eval_all`,
//! `inner_execute_contract` + `execute_function_as_transaction` + `execute_apply`), with
//! Wasm in place of `eval`: same nesting of begin/commit/rollback, same checks, same
//! errors, same cost calls, same database writes.

use std::sync::Arc;

use clarinet_wasm_compiler::{CompileError, TopLevel};
use clarity::vm::contexts::{CallStack, ContractContext, Environment, GlobalContext};
use clarity::vm::costs::cost_functions::ClarityCostFunction;
use clarity::vm::costs::{runtime_cost, CostTracker, MemoryConsumer};
use clarity::vm::errors::{CheckErrors, Error as ClarityError};
use clarity::vm::functions::define::{evaluate_define, DefineResult};
use clarity::vm::types::{PrincipalData, QualifiedContractIdentifier, TypeSignature};
use clarity::vm::{ClarityVersion, SymbolicExpression, Value};

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
}

impl std::fmt::Display for NotRun {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotRun::Unsupported(e) => write!(f, "{e}"),
            NotRun::NotCompiled(c) => write!(f, "{c} is not compiled to Wasm"),
        }
    }
}

/// Compile `analyzed` and load it on wasmtime.
pub fn compile_and_load(analyzed: &Analyzed) -> std::result::Result<Arc<LoadedContract>, NotRun> {
    let compiled =
        clarinet_wasm_compiler::compile(&analyzed.analysis).map_err(NotRun::Unsupported)?;
    load(compiled).map(Arc::new).map_err(|e| {
        NotRun::Unsupported(CompileError {
            message: format!("invalid module (compiler bug): {e}"),
            line: 0,
            column: 0,
        })
    })
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
    let loaded = compile_and_load(&analyzed)?;
    let sender: PrincipalData = id.issuer.clone().into();
    let contracts = Arc::new(chain.wasm_contracts.clone());
    let res = chain.with_env(|env| {
        env.execute_in_env(
            sender,
            None,
            Some(ContractContext::new(
                QualifiedContractIdentifier::transient(),
                version,
            )),
            |exec| {
                initialize_contract(
                    exec,
                    id,
                    version,
                    &analyzed.ast.expressions,
                    source,
                    &loaded,
                    &contracts,
                )
            },
        )
    });
    Ok(match res {
        Ok(((), _, events)) => {
            save_analysis(&mut chain.store, id, &analyzed.analysis);
            chain.wasm_contracts.insert(id.clone(), loaded);
            finish(chain, Ok((None, events)))
        }
        Err(e) => finish(chain, Err(e)),
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
    let contracts = Arc::new(chain.wasm_contracts.clone());
    let res = chain.with_env(|env| {
        env.execute_in_env(sender.clone(), None, None, |exec| {
            execute_contract(exec, contract, function, args, read_only, &contracts)
        })
    });
    Ok(finish(chain, res.map(|(v, _, events)| (Some(v), events))))
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
    let loaded = compile_and_load(&analyzed)?;
    let context = ContractContext::new(id.clone(), version);
    let contracts = Arc::new(chain.wasm_contracts.clone());
    let res = chain.with_env(|env| {
        env.execute_in_env(sender.clone(), None, Some(context), |exec| {
            let mut inst = Instance::new(&loaded, &contracts)?;
            let mut last = Value::none();
            for top in &loaded.meta.top_level {
                if let TopLevel::Expr { export, ty } = top {
                    last = inst.call(exec, export, &[], &[], ty)?;
                } else {
                    return Err(internal("definitions are not allowed in a snippet"));
                }
            }
            Ok::<_, ClarityError>(last)
        })
    });
    Ok(finish(chain, res.map(|(v, _, events)| (Some(v), events))))
}

fn finish(
    chain: &mut Chain,
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
            cost: None,
        },
        Err(e) => Outcome {
            result: Err(ErrorDesc::from_clarity(&e)),
            events: vec![],
            writes: chain.store.take_writes(),
            cost: None,
        },
    }
}

/// The interpreter's deployment (`interp::publish`, as Clarinet makes it), with Wasm
/// evaluating the expressions.
fn initialize_contract(
    exec: &mut Environment,
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
        eval_all(expressions, &mut contract_context, g, None, loaded, contracts)
    })?;
    loaded.set_context(contract_context.clone());
    crate::interp::store_contract(exec, id, source, contract_context)
}

/// clarity-vm's `eval_all`: definitions go through `evaluate_define` (they evaluate
/// nothing), values come from the module's top-level functions.
fn eval_all(
    expressions: &[SymbolicExpression],
    contract_context: &mut ContractContext,
    global_context: &mut GlobalContext,
    sponsor: Option<PrincipalData>,
    loaded: &LoadedContract,
    contracts: &Arc<WasmContracts>,
) -> Result<()> {
    let publisher: PrincipalData = contract_context.contract_identifier.issuer.clone().into();
    let mut inst = Instance::new(loaded, contracts)?;
    let mut total_memory_use = 0;
    let meta = loaded.meta.clone();
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
                            sponsor.clone(),
                        );
                        $body
                    })
                };
            }
            match top {
                TopLevel::Define => {
                    let define = in_env!(|env| evaluate_define(exp, &mut env))?;
                    apply_define(define, contract_context, global_context)?;
                }
                TopLevel::Constant {
                    name,
                    export,
                    ty,
                    slot,
                } => {
                    let value = in_env!(|env| inst.call(&mut env, export, &[], &[], ty))?;
                    runtime_cost(ClarityCostFunction::BindName, global_context, 0)?;
                    let value_memory_use = value.get_memory_use();
                    global_context.add_memory(value_memory_use)?;
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
                    let epoch = global_context.epoch_id;
                    let (value_type, value) = in_env!(|env| {
                        let value_type =
                            TypeSignature::parse_type_repr(epoch, type_expr, &mut env)?;
                        let value = inst.call(&mut env, export, &[], &[], ty)?;
                        Ok::<_, ClarityError>((value_type, value))
                    })?;
                    let name: clarity::vm::ClarityName = name.as_str().into();
                    runtime_cost(
                        ClarityCostFunction::CreateVar,
                        global_context,
                        value_type.size(),
                    )?;
                    contract_context.persisted_names.insert(name.clone());
                    global_context.add_memory(
                        value_type.type_size().map_err(|_| internal("type size"))? as u64,
                    )?;
                    global_context.add_memory(value.size() as u64)?;
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
                    in_env!(|env| inst.call(&mut env, export, &[], &[], ty).map(|_| ()))?;
                }
            }
        }
        contract_context.data_size = total_memory_use;
        Ok(())
    })();
    global_context.drop_memory(total_memory_use);
    result
}

/// The part of `eval_all` that records a definition in the contract.
fn apply_define(
    define: DefineResult,
    contract_context: &mut ContractContext,
    global_context: &mut GlobalContext,
) -> Result<()> {
    use clarity::vm::costs::cost_functions::ClarityCostFunction as C;
    match define {
        DefineResult::Function(name, value) => {
            runtime_cost(C::BindName, global_context, 0)?;
            contract_context.functions.insert(name, value);
        }
        DefineResult::Map(name, key_type, value_type) => {
            runtime_cost(
                C::CreateMap,
                global_context,
                u64::from(key_type.size()) + u64::from(value_type.size()),
            )?;
            contract_context.persisted_names.insert(name.clone());
            global_context
                .add_memory(key_type.type_size().map_err(|_| internal("type size"))? as u64)?;
            global_context
                .add_memory(value_type.type_size().map_err(|_| internal("type size"))? as u64)?;
            let data_type = global_context.database.create_map(
                &contract_context.contract_identifier,
                &name,
                key_type,
                value_type,
            );
            contract_context.meta_data_map.insert(name, data_type);
        }
        DefineResult::FungibleToken(name, total_supply) => {
            runtime_cost(C::CreateFt, global_context, 0)?;
            contract_context.persisted_names.insert(name.clone());
            global_context.add_memory(
                TypeSignature::UIntType
                    .type_size()
                    .map_err(|_| internal("type size"))? as u64,
            )?;
            let data_type = global_context.database.create_fungible_token(
                &contract_context.contract_identifier,
                &name,
                &total_supply,
            );
            contract_context.meta_ft.insert(name, data_type);
        }
        DefineResult::NonFungibleAsset(name, asset_type) => {
            runtime_cost(C::CreateNft, global_context, asset_type.size())?;
            contract_context.persisted_names.insert(name.clone());
            global_context
                .add_memory(asset_type.type_size().map_err(|_| internal("type size"))? as u64)?;
            let data_type = global_context.database.create_non_fungible_token(
                &contract_context.contract_identifier,
                &name,
                &asset_type,
            );
            contract_context.meta_nft.insert(name, data_type);
        }
        DefineResult::Trait(name, trait_type) => {
            contract_context.defined_traits.insert(name, trait_type);
        }
        DefineResult::UseTrait(..) => {}
        DefineResult::ImplTrait(trait_identifier) => {
            contract_context.implemented_traits.insert(trait_identifier);
        }
        _ => return Err(internal("definition kind not handled on the Wasm path")),
    }
    Ok(())
}

/// `Environment::inner_execute_contract` for a contract deployed on the Wasm path. A
/// contract not compiled (a boot contract, say) runs on the interpreter instead.
pub(crate) fn execute_contract(
    exec: &mut Environment,
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
        return exec.execute_contract(contract_id, tx_name, &args, read_only);
    };
    let contract_size = exec
        .global_context
        .database
        .get_contract_size(contract_id)?;
    runtime_cost(ClarityCostFunction::LoadContract, exec, contract_size)?;
    exec.global_context.add_memory(contract_size)?;
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
        let func = contract
            .lookup_function(tx_name)
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
        if exec.call_stack.contains(&func_identifier) {
            return Err(CheckErrors::CircularReference(vec![func_identifier.to_string()]).into());
        }
        exec.call_stack.insert(&func_identifier, true);
        let res = execute_function_as_transaction(
            exec, &func, tx_name, args, &contract, loaded, contracts,
        );
        exec.call_stack.remove(&func_identifier, true)?;
        res
    })();
    exec.global_context.drop_memory(contract_size);
    result
}

fn execute_function_as_transaction(
    exec: &mut Environment,
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
        execute_apply(&mut nested, function, name, args, loaded, contracts)
    };
    if make_read_only {
        exec.global_context.roll_back();
        result
    } else {
        exec.global_context.handle_tx_result(result)
    }
}

/// `DefinedFunction::execute_apply`'s checks, then the function's Wasm.
fn execute_apply(
    env: &mut Environment,
    function: &clarity::vm::callables::DefinedFunction,
    name: &str,
    args: &[Value],
    loaded: &LoadedContract,
    contracts: &Arc<WasmContracts>,
) -> Result<Value> {
    let arg_types = function.get_arg_types();
    runtime_cost(
        ClarityCostFunction::UserFunctionApplication,
        env,
        arg_types.len(),
    )?;
    for t in arg_types {
        runtime_cost(ClarityCostFunction::InnerTypeCheckCost, env, t.size())?;
    }
    if args.len() != arg_types.len() {
        return Err(CheckErrors::IncorrectArgumentCount(arg_types.len(), args.len()).into());
    }
    for (t, v) in arg_types.iter().zip(args) {
        if !t.admits(env.epoch(), v)? {
            return Err(CheckErrors::TypeValueError(t.clone(), v.clone()).into());
        }
    }
    let meta = loaded
        .meta
        .function(name)
        .ok_or_else(|| internal(format!("no compiled function {name}")))?;
    let types: Vec<TypeSignature> = meta.args.iter().map(|(_, t)| t.clone()).collect();
    let mut inst = loaded.checkout(contracts)?;
    let result = inst.call(env, &meta.export, args, &types, &meta.returns);
    loaded.checkin(inst);
    result
}
