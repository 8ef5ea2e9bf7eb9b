//! Measured costs: the most each contract function cost, per dimension, in a
//! `test --costs` run, kept in the project's cache for the language server to show beside the code.
//!
//! The interpreter's call tree of each test (`runtime::trace`) gives every user function
//! call and `contract-call?` with its cost from its beginning to its end, arguments
//! included.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clarinet_wasm_runtime::trace::{Item, Node};
use clarity::vm::costs::ExecutionCost;

/// (contract id, function) → the most its calls cost, per dimension.
pub type Measured = BTreeMap<(String, String), ExecutionCost>;

pub fn path(cache_dir: &Path) -> PathBuf {
    cache_dir.join("wasm").join("measured-costs.json")
}

/// Add the calls of a tree, keeping each function's largest cost per dimension (the
/// dimensions may come from different calls).
pub fn record(into: &mut Measured, tree: &Node) {
    if let Some((contract, function)) = &tree.function {
        let e = into
            .entry((contract.to_string(), function.clone()))
            .or_insert_with(ExecutionCost::zero);
        *e = ExecutionCost::max_cost(e.clone(), tree.cost.clone());
    }
    for item in &tree.items {
        if let Item::Call(n) = item {
            record(into, n);
        }
    }
}

/// One function's figures in the file: its cost's five dimensions beside its names.
#[derive(serde::Serialize, serde::Deserialize)]
struct Row {
    contract: String,
    function: String,
    #[serde(flatten)]
    cost: ExecutionCost,
}

pub fn to_json(m: &Measured) -> String {
    let rows: Vec<Row> = m
        .iter()
        .map(|((contract, function), cost)| Row {
            contract: contract.clone(),
            function: function.clone(),
            cost: cost.clone(),
        })
        .collect();
    serde_json::to_string_pretty(&rows).expect("rows serialize")
}

pub fn parse(text: &str) -> Result<Measured, String> {
    let rows: Vec<Row> = serde_json::from_str(text).map_err(|e| e.to_string())?;
    Ok(rows
        .into_iter()
        .map(|r| ((r.contract, r.function), r.cost))
        .collect())
}

/// Read what the last run left (nothing when there is no file or it does not parse).
pub fn read(cache_dir: &Path) -> Measured {
    std::fs::read_to_string(path(cache_dir))
        .ok()
        .and_then(|t| parse(&t).ok())
        .unwrap_or_default()
}

pub fn write(cache_dir: &Path, m: &Measured) -> Result<(), String> {
    let p = path(cache_dir);
    if let Some(dir) = p.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&p, to_json(m)).map_err(|e| format!("{}: {e}", p.display()))
}
