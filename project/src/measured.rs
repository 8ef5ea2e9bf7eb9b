//! Measured costs: the most one call of each contract function cost in a `test --costs`
//! run, kept in the project's cache for the language server to show beside the code.
//!
//! The interpreter's call tree of each test (`runtime::trace`) gives every user function
//! call and `contract-call?` with its cost from its beginning to its end, arguments
//! included.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clarinet_wasm_runtime::trace::{Item, Node};
use clarity::vm::costs::ExecutionCost;

/// (contract id, function) → the most one call cost.
pub type Measured = BTreeMap<(String, String), ExecutionCost>;

pub fn path(cache_dir: &Path) -> PathBuf {
    cache_dir.join("wasm").join("measured-costs.json")
}

/// Add the calls of a tree, keeping each function's largest cost per dimension.
pub fn record(into: &mut Measured, tree: &Node) {
    if let Some((contract, function)) = &tree.function {
        let e = into
            .entry((contract.to_string(), function.clone()))
            .or_insert_with(ExecutionCost::zero);
        e.runtime = e.runtime.max(tree.cost.runtime);
        e.read_count = e.read_count.max(tree.cost.read_count);
        e.read_length = e.read_length.max(tree.cost.read_length);
        e.write_count = e.write_count.max(tree.cost.write_count);
        e.write_length = e.write_length.max(tree.cost.write_length);
    }
    for item in &tree.items {
        if let Item::Call(n) = item {
            record(into, n);
        }
    }
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Row {
    contract: String,
    function: String,
    runtime: u64,
    read_count: u64,
    read_length: u64,
    write_count: u64,
    write_length: u64,
}

pub fn to_json(m: &Measured) -> String {
    let rows: Vec<Row> = m
        .iter()
        .map(|((contract, function), c)| Row {
            contract: contract.clone(),
            function: function.clone(),
            runtime: c.runtime,
            read_count: c.read_count,
            read_length: c.read_length,
            write_count: c.write_count,
            write_length: c.write_length,
        })
        .collect();
    serde_json::to_string_pretty(&rows).expect("rows serialize")
}

pub fn parse(text: &str) -> Result<Measured, String> {
    let rows: Vec<Row> = serde_json::from_str(text).map_err(|e| e.to_string())?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                (r.contract, r.function),
                ExecutionCost {
                    runtime: r.runtime,
                    read_count: r.read_count,
                    read_length: r.read_length,
                    write_count: r.write_count,
                    write_length: r.write_length,
                },
            )
        })
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
