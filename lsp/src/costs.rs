//! What each function of a document costs: a static upper bound from the analysis and
//! the chain's cost functions, and what calls cost in the last `test --costs` run (read
//! from the project's cache, `<cache>/wasm/measured-costs.json`).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use clarinet_wasm_compiler::{function_bounds, with_contract_load};
use clarinet_wasm_costs::CostTable;
use clarinet_wasm_project::Project;
use clarinet_wasm_runtime::analyze::{analyze, Analyzed};
use clarinet_wasm_runtime::chain::Chain;
use clarity::vm::analysis::{AnalysisDatabase, ContractAnalysis};
use clarity::vm::costs::ExecutionCost;
use clarity::vm::database::ClarityDatabase;
use clarity::vm::representations::SymbolicExpressionType;
use clarity::vm::types::{PrincipalData, QualifiedContractIdentifier, Value};
use clarity::vm::SymbolicExpression;

use crate::workspace::{kind_word, signature_of, Checked, FunctionInfo};

pub use clarinet_wasm_project::measured::Measured;

pub fn measured(p: &Project) -> Measured {
    clarinet_wasm_project::measured::read(&p.cache_dir)
}

pub fn functions(
    chain: &mut Chain,
    analyzed: &Analyzed,
    out: &Checked,
    measured: &Measured,
) -> Vec<FunctionInfo> {
    let a = &analyzed.analysis;
    let bounds = bounds(chain, analyzed);
    let mut fns = vec![];
    for (kind, table) in [
        ("public", &a.public_function_types),
        ("read-only", &a.read_only_function_types),
        ("private", &a.private_function_types),
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
                kind: meta.map(|m| kind_word(m.kind)).unwrap_or(kind),
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
) -> BTreeMap<String, (ExecutionCost, Vec<String>)> {
    let Ok(table) = clarinet_wasm_runtime::costs::table_for(chain) else {
        return BTreeMap::new();
    };
    let callees = callee_bounds(chain, &analyzed.analysis, &table, 2);
    let lookup = |id: &QualifiedContractIdentifier, f: &str| {
        callees.get(&(id.clone(), f.to_string())).cloned()
    };
    function_bounds(&analyzed.analysis, &table, chain.epoch, &lookup)
        .into_iter()
        .map(|b| (b.name, (b.cost, b.unbounded)))
        .collect()
}

type CalleeBounds = HashMap<(QualifiedContractIdentifier, String), ExecutionCost>;

/// The bounds of the functions of the contracts `analysis` calls statically (from outside,
/// `LoadContract` included), themselves bounded `depth` calls deep: the deployed source
/// of each is analysed again for its types.
fn callee_bounds(
    chain: &mut Chain,
    analysis: &ContractAnalysis,
    table: &CostTable,
    depth: u32,
) -> CalleeBounds {
    let mut out = CalleeBounds::new();
    if depth == 0 {
        return out;
    }
    let mut called = BTreeSet::new();
    for e in &analysis.expressions {
        static_callees(e, &mut called);
    }
    for id in called {
        let (source, size, version) = {
            let mut db = ClarityDatabase::new(&mut chain.store, &chain.burn, &chain.burn);
            db.begin();
            let src = db.get_contract_src(&id);
            let size = db.get_contract_size(&id).ok();
            db.roll_back();
            let version = {
                let epoch = chain.epoch;
                let mut adb = AnalysisDatabase::new(&mut chain.store);
                adb.begin();
                let v = adb.load_contract(&id, &epoch).map(|a| a.clarity_version);
                adb.roll_back();
                v
            };
            (src, size, version)
        };
        let (Some(source), Some(size), Some(version)) = (source, size, version) else {
            continue;
        };
        let epoch = chain.epoch;
        let Ok(a) = analyze(&mut chain.store, &id, &source, version, epoch) else {
            continue;
        };
        let deeper = callee_bounds(chain, &a.analysis, table, depth - 1);
        let lookup = |c: &QualifiedContractIdentifier, f: &str| {
            deeper.get(&(c.clone(), f.to_string())).cloned()
        };
        for b in function_bounds(&a.analysis, table, epoch, &lookup) {
            if !b.unbounded.is_empty() || b.kind == clarinet_wasm_compiler::FunctionKind::Private {
                continue;
            }
            if let Some(c) = with_contract_load(table, size, &b.cost) {
                out.insert((id.clone(), b.name), c);
            }
        }
    }
    out
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

/// A cost as its non-zero dimensions: `runtime 1234, read_count 2`.
pub fn short(c: &ExecutionCost) -> String {
    let parts: Vec<String> = clarinet_wasm_runtime::dual::dimensions(c)
        .iter()
        .filter(|(_, v)| *v != 0)
        .map(|(n, v)| format!("{n} {v}"))
        .collect();
    if parts.is_empty() {
        "nothing".into()
    } else {
        parts.join(", ")
    }
}
