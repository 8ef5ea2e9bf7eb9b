//! `contract-call?` (static or through a trait) and `contract-of`: the interpreter's
//! `special_contract_call` and `special_contract_of`, with the callee run on its own
//! module (or on the interpreter when it is not compiled).

use clarity::vm::callables::DefineType;
use clarity::vm::contexts::{ContractContext, Environment};
use clarity::vm::errors::{CheckErrors, Error as ClarityError};
use clarity::vm::types::signatures::CallableSubtype;
use clarity::vm::types::{
    PrincipalData, QualifiedContractIdentifier, TraitIdentifier, TypeSignature,
};
use std::sync::Arc;
use wasmtime::{Caller, Linker};

use super::{
    check, env, metered, name_in, raise, read_arg_block, type_in, type_of, write, HostResult,
};
use crate::chain::WasmContracts;
use crate::wasm::{exec, internal, values, HostState};

const M: &str = clarinet_wasm_compiler::host::MODULE;

pub fn define(l: &mut Linker<HostState>) -> wasmtime::Result<()> {
    l.func_wrap(
        M,
        "contract-call",
        |mut c: Caller<'_, HostState>,
         cp: i32,
         cl: i32,
         name: i32,
         args_at: i32,
         n: i32,
         rt: i32,
         dest: i32,
         trait_ty: i32|
         -> HostResult<()> {
            let trait_id = if trait_ty < 0 {
                None
            } else {
                match type_of(&c, trait_ty)? {
                    TypeSignature::CallableType(CallableSubtype::Trait(t))
                    | TypeSignature::TraitReferenceType(t) => Some(t),
                    _ => return raise(internal("contract-call? through a non-trait type")),
                }
            };
            let mem = c.data().memory.expect("memory").data(&c);
            let callee_bytes = mem.get(cp as usize..(cp + cl) as usize).ok_or_else(|| {
                wasmtime::Error::new(crate::wasm::HostError(internal("callee outside memory")))
            })?;
            let callee = match values::decode_principal(callee_bytes) {
                Ok(PrincipalData::Contract(id)) => id,
                _ => {
                    return raise(internal(
                        "contract-call? target is not a contract principal",
                    ))
                }
            };
            // Names and types borrowed from the module's metadata, not copied.
            let meta = c.data().meta.clone();
            let function = name_in(&meta, name)?;
            let args = read_arg_block(&c, &meta, args_at, n)?;
            let contracts = c.data().contracts.clone();
            crate::trace::on_wasm_recorder(|r| {
                let text = crate::trace::contract_call_text(&callee, function, &args);
                r.name(text, (callee.clone(), function.to_string()))
            });
            // `ContractCall` was charged in Wasm, before the arguments; the rest is
            // `execute_contract`'s. Contract-call circuits of cost voting are refused when
            // the chain's cost table is made, so no call is short-circuited here.
            let v = metered(&mut c, |e, m| {
                let returns = match &trait_id {
                    Some(t) => check_dynamic(e, &callee, t, function, &contracts)?,
                    None => None,
                };
                let caller_principal: PrincipalData =
                    e.contract_context.contract_identifier.clone().into();
                let mut nested = e.nest_with_caller(caller_principal);
                let v = exec::execute_contract(
                    &mut nested,
                    m,
                    &callee,
                    function,
                    &args,
                    false,
                    &contracts,
                )?;
                // What the trait promises must admit what the callee gave.
                if let Some(expected) = returns {
                    let actual = TypeSignature::type_of(&v);
                    if !expected.admits_type(e.epoch(), &actual)? {
                        return Err(CheckErrors::ReturnTypesMustMatch(expected, actual).into());
                    }
                }
                Ok(v)
            })?;
            write(&mut c, type_in(&meta, rt)?, dest, &v)
        },
    )?;
    l.func_wrap(
        M,
        "contract-of",
        |c: Caller<'_, HostState>, at: i32, len: i32| -> HostResult<()> {
            let mem = c.data().memory.expect("memory").data(&c);
            let bytes = mem.get(at as usize..(at + len) as usize).unwrap_or(&[]);
            let Ok(PrincipalData::Contract(id)) = values::decode_principal(bytes) else {
                return raise(ClarityError::from(CheckErrors::ContractOfExpectsTrait));
            };
            let e = env(&c)?;
            if !e.global_context.database.has_contract(&id) {
                return raise(ClarityError::from(CheckErrors::NoSuchContract(
                    id.to_string(),
                )));
            }
            Ok(())
        },
    )?;
    // Nested transactions for a contract's calls to its own public and read-only functions
    // (`execute_function_as_transaction`). The count of open ones lets a trap unwind them.
    l.func_wrap(
        M,
        "begin-call",
        |mut c: Caller<'_, HostState>, read_only: i32| -> HostResult<()> {
            let e = env(&c)?;
            if read_only != 0 {
                e.global_context.begin_read_only();
            } else {
                e.global_context.begin();
            }
            c.data_mut().open_txs += 1;
            Ok(())
        },
    )?;
    l.func_wrap(
        M,
        "end-call",
        |mut c: Caller<'_, HostState>, commit: i32| -> HostResult<()> {
            let e = env(&c)?;
            c.data_mut().open_txs -= 1;
            if commit != 0 {
                check(e.global_context.commit().map(|_| ()))
            } else {
                e.global_context.roll_back();
                Ok(())
            }
        },
    )?;
    Ok(())
}

/// The interpreter's run-time checks of a call through a trait, in its order; the return
/// type the trait promises when the callee does not declare it implements the trait.
fn check_dynamic(
    e: &mut Environment,
    callee: &QualifiedContractIdentifier,
    trait_id: &TraitIdentifier,
    function: &str,
    contracts: &WasmContracts,
) -> Result<Option<TypeSignature>, ClarityError> {
    if *callee == e.contract_context.contract_identifier {
        return Err(CheckErrors::CircularReference(vec![callee.name.to_string()]).into());
    }
    let target = contract(e, callee, contracts)?;
    // `is_explicitly_implementing_trait`, scanning the few entries instead of hashing.
    if target.implemented_traits.iter().any(|t| t == trait_id) {
        return Ok(None);
    }
    let trait_name = trait_id.name.to_string();
    let defining = contract(e, &trait_id.contract_identifier, contracts)?;
    let f = target
        .functions
        .get(function)
        .ok_or_else(|| CheckErrors::BadTraitImplementation(trait_name.clone(), function.into()))?;
    if e.global_context.is_read_only() {
        return Err(CheckErrors::TraitBasedContractCallInReadOnly.into());
    }
    if f.define_type == DefineType::Private {
        return Err(CheckErrors::NoSuchPublicFunction(callee.to_string(), function.into()).into());
    }
    f.check_trait_expectations(e.epoch(), &defining, trait_id)?;
    let functions = defining
        .defined_traits
        .get(trait_name.as_str())
        .ok_or_else(|| CheckErrors::TraitReferenceUnknown(trait_name.clone()))?;
    let signature = functions
        .get(function)
        .ok_or_else(|| CheckErrors::TraitMethodUnknown(trait_name.clone(), function.into()))?;
    Ok(Some(signature.returns.clone()))
}

/// A deployed contract's context, as the interpreter reads it back from the database; for
/// a contract deployed on Wasm, the copy kept beside its module (the same context, without
/// decoding it again on every call).
fn contract(
    e: &mut Environment,
    id: &QualifiedContractIdentifier,
    contracts: &WasmContracts,
) -> Result<Arc<ContractContext>, ClarityError> {
    if let Some(c) = contracts.get(id).and_then(|l| l.context()) {
        return Ok(c);
    }
    e.global_context
        .database
        .get_contract(id)
        .map(|c| Arc::new(c.contract_context))
        .map_err(|_| CheckErrors::NoSuchContract(id.to_string()).into())
}
