//! The reference: clarity-vm's interpreter, driven the way a Stacks node drives it.

use clarity::vm::contexts::ContractContext;
use clarity::vm::types::{PrincipalData, QualifiedContractIdentifier};
use clarity::vm::{eval, ClarityVersion, LocalContext, SymbolicExpression, Value};

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
    let (res, cost) = chain.with_interpreter_env(|env| {
        env.execute_in_env(
            sender,
            None,
            Some(ContractContext::new(
                QualifiedContractIdentifier::transient(),
                version,
            )),
            |exec| exec.initialize_contract_from_ast(id.clone(), version, &analyzed.ast, source),
        )
    });
    finish(
        chain,
        cost,
        res.map(|((), _, events)| (None, events)),
        |chain| save_analysis(&mut chain.store, id, &analyzed.analysis),
    )
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
    let (res, cost) = chain.with_interpreter_env(|env| {
        env.execute_in_env(sender.clone(), None, None, |exec| {
            exec.execute_contract(contract, function, &args, read_only)
        })
    });
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
    let (res, cost) = chain.with_interpreter_env(|env| {
        env.execute_in_env(sender.clone(), None, Some(context), |exec| {
            let local = LocalContext::new();
            let mut last = Value::none();
            for e in &analyzed.ast.expressions {
                last = eval(e, exec, &local)?;
            }
            Ok::<_, clarity::vm::errors::Error>(last)
        })
    });
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
