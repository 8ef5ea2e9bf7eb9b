//! What each function of a document costs: a static upper bound from the analysis and
//! the chain's cost functions, and what calls cost in the last `test --costs` run (read
//! from the project's cache, `<cache>/wasm/measured-costs.json`).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use clarinet_wasm_compiler::{function_bounds, with_contract_load, FunctionKind};
use clarinet_wasm_costs::CostTable;
use clarinet_wasm_project::Project;
use clarinet_wasm_runtime::analyze::{analyze, Analyzed};
use clarinet_wasm_runtime::chain::Chain;
use clarity::vm::analysis::ContractAnalysis;
use clarity::vm::costs::ExecutionCost;
use clarity::vm::representations::SymbolicExpressionType;
use clarity::vm::types::{PrincipalData, QualifiedContractIdentifier, Value};
use clarity::vm::SymbolicExpression;

use crate::workspace::{signature_of, Checked, FunctionInfo};

pub use clarinet_wasm_project::measured::Measured;

pub fn measured(p: &Project) -> Measured {
    clarinet_wasm_project::measured::read(&p.cache_dir)
}

pub fn functions(
    chain: &mut Chain,
    analyzed: &Analyzed,
    out: &Checked,
    measured: &Measured,
    cache: &mut CalleeCache,
) -> Vec<FunctionInfo> {
    let a = &analyzed.analysis;
    let bounds = bounds(chain, analyzed, cache);
    let mut fns = vec![];
    for (kind, table) in [
        (FunctionKind::Public, &a.public_function_types),
        (FunctionKind::ReadOnly, &a.read_only_function_types),
        (FunctionKind::Private, &a.private_function_types),
    ] {
        for (name, t) in table {
            let name = name.to_string();
            let meta = out.compiled.as_ref().and_then(|c| c.meta.function(&name));
            let (bound, unbounded) = match bounds.get(&name) {
                Some((c, why)) => (Some(c.clone()), why.clone()),
                None => (None, vec![]),
            };
            fns.push(FunctionInfo {
                signature: signature_of(&name, t),
                returns: match t {
                    clarity::vm::types::FunctionType::Fixed(f) => f.returns.to_string(),
                    _ => String::new(),
                },
                kind: kind.as_str(),
                wasm_bytes: meta.map(|m| m.code_range.1 - m.code_range.0),
                measured: measured.get(&(out.id.to_string(), name.clone())).cloned(),
                bound,
                unbounded,
                name,
            });
        }
    }
    // In source order.
    let order: Vec<&str> = out.definitions.iter().map(|d| d.name.as_str()).collect();
    fns.sort_by_key(|f| {
        order
            .iter()
            .position(|n| *n == f.name)
            .unwrap_or(usize::MAX)
    });
    fns
}

/// The static bound of each function (`compiler::bound`), and why it is not complete.
fn bounds(
    chain: &mut Chain,
    analyzed: &Analyzed,
    cache: &mut CalleeCache,
) -> BTreeMap<String, (ExecutionCost, Vec<String>)> {
    let Ok(table) = clarinet_wasm_runtime::costs::table_for(chain) else {
        return BTreeMap::new();
    };
    let callees = callee_bounds(chain, &analyzed.analysis, &table, cache);
    let lookup = |id: &QualifiedContractIdentifier, f: &str| {
        callees.get(&(id.clone(), f.to_string())).cloned()
    };
    function_bounds(&analyzed.analysis, &table, chain.epoch, &lookup)
        .into_iter()
        .map(|b| (b.name, (b.cost, b.unbounded)))
        .collect()
}

/// The complete bounds of deployed contracts' public and read-only functions, called from
/// outside (`LoadContract` included). They hold as long as the chain they were made on:
/// a deployed contract, and those it calls, never change.
pub type CalleeCache = HashMap<QualifiedContractIdentifier, Vec<(String, ExecutionCost)>>;

/// The bounds of the functions `analysis` calls statically in other contracts.
fn callee_bounds(
    chain: &mut Chain,
    analysis: &ContractAnalysis,
    table: &CostTable,
    cache: &mut CalleeCache,
) -> HashMap<(QualifiedContractIdentifier, String), ExecutionCost> {
    let mut called = BTreeSet::new();
    for e in &analysis.expressions {
        static_callees(e, &mut called);
    }
    let mut out = HashMap::new();
    for id in called {
        for (f, c) in contract_bounds(chain, &id, table, cache) {
            out.insert((id.clone(), f), c);
        }
    }
    out
}

/// A deployed contract's bounds (see `CalleeCache`): its source analysed again for its
/// types, its own callees first. Deployed contracts call only earlier ones, so this ends.
fn contract_bounds(
    chain: &mut Chain,
    id: &QualifiedContractIdentifier,
    table: &CostTable,
    cache: &mut CalleeCache,
) -> Vec<(String, ExecutionCost)> {
    if let Some(b) = cache.get(id) {
        return b.clone();
    }
    // Empty while in progress: a cycle, were there one, would only lose its bounds.
    cache.insert(id.clone(), vec![]);
    let computed = (|| {
        let (source, size) = chain.source_of(id)?;
        let version = chain.analysis_of(id)?.clarity_version;
        let epoch = chain.epoch;
        let a = analyze(&mut chain.store, id, &source, version, epoch).ok()?;
        let deeper = callee_bounds(chain, &a.analysis, table, cache);
        let lookup = |c: &QualifiedContractIdentifier, f: &str| {
            deeper.get(&(c.clone(), f.to_string())).cloned()
        };
        let complete: Vec<_> = function_bounds(&a.analysis, table, epoch, &lookup)
            .into_iter()
            .filter(|b| b.unbounded.is_empty() && b.kind != FunctionKind::Private)
            .filter_map(|b| Some((b.name, with_contract_load(table, size, &b.cost)?)))
            .collect();
        Some(complete)
    })()
    .unwrap_or_default();
    cache.insert(id.clone(), computed.clone());
    computed
}

/// The contracts named literally in `(contract-call? .c f ...)` under `e`.
fn static_callees(e: &SymbolicExpression, out: &mut BTreeSet<QualifiedContractIdentifier>) {
    let Some(items) = e.match_list() else {
        return;
    };
    if items
        .first()
        .and_then(|h| h.match_atom())
        .map(|h| h.as_str())
        == Some("contract-call?")
    {
        if let Some(SymbolicExpressionType::LiteralValue(Value::Principal(
            PrincipalData::Contract(id),
        ))) = items.get(1).map(|t| &t.expr)
        {
            out.insert(id.clone());
        }
    }
    for i in items {
        static_callees(i, out);
    }
}
