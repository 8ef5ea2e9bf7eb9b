//! The reference: clarity-vm's interpreter, driven the way a Stacks node drives it.

use clarity::vm::contexts::ContractContext;
use clarity::vm::contracts::Contract;
use clarity::vm::errors::CheckErrors;
use clarity::vm::types::{PrincipalData, QualifiedContractIdentifier};
use clarity::vm::{eval, eval_all, ClarityVersion, LocalContext, SymbolicExpression, Value};

use crate::analyze::{analyze_step, save_analysis};
use crate::chain::Chain;
use crate::outcome::{describe_event, ErrorDesc, Outcome};

/// Deploy `source` as `id` (the issuer is the sender).
pub fn deploy(
    chain: &mut Chain,
    id: &QualifiedContractIdentifier,
    source: &str,
    version: ClarityVersion,
) -> Outcome {
    chain.store.take_writes();
    let analyzed = match analyze_step(chain, id, source, version) {
        Ok(a) => a,
        Err(o) => return o,
    };
    let sender: PrincipalData = id.issuer.clone().into();
    let sponsor = chain.sponsor.clone();
    let run = chain.with_interpreter_env(|env| {
        env.execute_in_env(sender, sponsor, None, |exec| {
            publish(exec, id, version, &analyzed.ast.expressions, source)
        })
    });
    let (res, cost) = match run {
        Ok(r) => r,
        Err(e) => return Outcome::error(e),
    };
    finish(
        chain,
        cost,
        res.map(|((), _, events)| (None, events)),
        |chain| save_analysis(&mut chain.store, id, &analyzed.analysis),
    )
}

/// A deployment as Clarinet's own interpreter (clarity-repl's `Session`) makes it: the
/// top-level expressions through `eval_all` (metered), then the contract stored with a
/// recorded data size of 0. This is what `clarinet test --costs` reports; a Stacks node
/// would also charge the source's storage and analysis, and record the constants' size,
/// which later makes loading the contract cost more. Clarinet's numbers are the reference.
pub(crate) fn publish(
    exec: &mut clarity::vm::contexts::Environment,
    id: &QualifiedContractIdentifier,
    version: ClarityVersion,
    expressions: &[SymbolicExpression],
    source: &str,
) -> Result<(), clarity::vm::errors::Error> {
    if exec.global_context.database.has_contract(id) {
        return Err(CheckErrors::ContractAlreadyExists(id.to_string()).into());
    }
    let mut contract_context = ContractContext::new(id.clone(), version);
    exec.global_context
        .execute(|g| eval_all(expressions, &mut contract_context, g, None))?;
    store_contract(exec, id, source, contract_context)
}

/// Record a deployed contract the way `Session` does (shared by both runtimes).
pub(crate) fn store_contract(
    exec: &mut clarity::vm::contexts::Environment,
    id: &QualifiedContractIdentifier,
    source: &str,
    contract_context: ContractContext,
) -> Result<(), clarity::vm::errors::Error> {
    let db = &mut exec.global_context.database;
    db.insert_contract_hash(id, source)?;
    db.insert_contract(id, Contract { contract_context });
    db.set_contract_data_size(id, 0)
}

/// Call a public or read-only function as a transaction from `sender`.
pub fn call(
    chain: &mut Chain,
    contract: &QualifiedContractIdentifier,
    function: &str,
    args: &[Value],
    sender: &PrincipalData,
    read_only: bool,
) -> Outcome {
    chain.store.take_writes();
    if let Some(missing) = crate::chain::missing_contract(chain, contract) {
        return missing;
    }
    let args: Vec<SymbolicExpression> = args
        .iter()
        .cloned()
        .map(SymbolicExpression::atom_value)
        .collect();
    let sponsor = chain.sponsor.clone();
    let run = chain.with_interpreter_env(|env| {
        env.execute_in_env(sender.clone(), sponsor, None, |exec| {
            exec.execute_contract(contract, function, &args, read_only)
        })
    });
    let (res, cost) = match run {
        Ok(r) => r,
        Err(e) => return Outcome::error(e),
    };
    finish(
        chain,
        cost,
        res.map(|(v, _, events)| (Some(v), events)),
        |_| {},
    )
}

/// Evaluate the expressions of a snippet (no definitions) as one transaction from `sender`,
/// in a transient contract context named `id`.
pub fn snippet(
    chain: &mut Chain,
    id: &QualifiedContractIdentifier,
    source: &str,
    sender: &PrincipalData,
) -> Outcome {
    chain.store.take_writes();
    let version = chain.clarity_version;
    let analyzed = match analyze_step(chain, id, source, version) {
        Ok(a) => a,
        Err(o) => return o,
    };
    let context = ContractContext::new(id.clone(), version);
    let sponsor = chain.sponsor.clone();
    let run = chain.with_interpreter_env(|env| {
        env.execute_in_env(sender.clone(), sponsor, Some(context), |exec| {
            let local = LocalContext::new();
            let mut last = Value::none();
            for e in &analyzed.ast.expressions {
                last = eval(e, exec, &local)?;
            }
            Ok::<_, clarity::vm::errors::Error>(last)
        })
    });
    let (res, cost) = match run {
        Ok(r) => r,
        Err(e) => return Outcome::error(e),
    };
    finish(
        chain,
        cost,
        res.map(|(v, _, events)| (Some(v), events)),
        |_| {},
    )
}

fn finish(
    chain: &mut Chain,
    cost: Option<clarity::vm::costs::ExecutionCost>,
    res: Result<
        (
            Option<Value>,
            Vec<clarity::vm::events::StacksTransactionEvent>,
        ),
        clarity::vm::errors::Error,
    >,
    on_ok: impl FnOnce(&mut Chain),
) -> Outcome {
    match res {
        Ok((value, events)) => {
            on_ok(chain);
            Outcome {
                result: Ok(value),
                events: events.iter().map(describe_event).collect(),
                writes: chain.store.take_writes(),
                cost,
            }
        }
        Err(e) => Outcome {
            result: Err(ErrorDesc::from_clarity(&e)),
            events: vec![],
            writes: chain.store.take_writes(),
            cost,
        },
    }
}
