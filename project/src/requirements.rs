//! Requirements: contracts of other projects, read from the cache Clarinet 2.x and 3.x
//! keep (`<cache>/requirements/<address>.<name>.clar` with its `.json`: epoch and Clarity
//! version), where the cache is `cache_dir`, `[project.cache_location] path`, or `.cache`.
//! A requirement's own dependencies are requirements too, as Clarinet fetches them.
//! Boot contracts are the chain's own. Offline, every missing one is named in one error.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use clarity::vm::types::QualifiedContractIdentifier;

use crate::deps;
use crate::manifest::{ProjectContract, ProjectError};
use crate::versions;

/// The cache directory a manifest names (relative to the project root), or `.cache`.
pub fn cache_dir(manifest: &toml::Value, root: &Path) -> PathBuf {
    let project = manifest.get("project");
    let named = project
        .and_then(|p| p.get("cache_dir"))
        .and_then(|d| d.as_str())
        .or_else(|| {
            project
                .and_then(|p| p.get("cache_location"))
                .and_then(|l| l.get("path"))
                .and_then(|d| d.as_str())
        });
    match named {
        Some(d) => root.join(d),
        None => root.join(".cache"),
    }
}

/// The contract identifiers `[[project.requirements]]` lists.
pub fn listed(manifest: &toml::Value) -> Result<Vec<QualifiedContractIdentifier>, ProjectError> {
    let Some(reqs) = manifest
        .get("project")
        .and_then(|p| p.get("requirements"))
        .and_then(|r| r.as_array())
    else {
        return Ok(vec![]);
    };
    let mut out = vec![];
    for r in reqs {
        let Some(id) = r.get("contract_id").and_then(|i| i.as_str()) else {
            return Err(ProjectError(
                "Clarinet.toml: a [[project.requirements]] entry has no contract_id".into(),
            ));
        };
        out.push(QualifiedContractIdentifier::parse(id).map_err(|_| {
            ProjectError(format!(
                "Clarinet.toml: requirement '{id}' is not a contract identifier"
            ))
        })?);
    }
    Ok(out)
}

/// The requirements `wanted` names and everything they need, from `cache`. `known` are
/// the project's own contracts (a requirement may not need fetching).
pub fn load(
    wanted: &[QualifiedContractIdentifier],
    cache: &Path,
    root: &Path,
    known: &BTreeSet<QualifiedContractIdentifier>,
) -> Result<Vec<ProjectContract>, ProjectError> {
    let mut loaded: BTreeMap<QualifiedContractIdentifier, ProjectContract> = BTreeMap::new();
    let mut missing: Vec<(QualifiedContractIdentifier, PathBuf)> = vec![];
    let mut queue: Vec<QualifiedContractIdentifier> = wanted.to_vec();
    let mut seen = BTreeSet::new();
    while let Some(id) = queue.pop() {
        if !seen.insert(id.clone()) || deps::is_boot(&id) || known.contains(&id) {
            continue;
        }
        match read(&id, cache) {
            Ok(c) => {
                let found = deps::detect(&[deps::Source {
                    id: &c.id,
                    source: &c.source,
                    version: c.version,
                    epoch: c.epoch,
                }]);
                queue.extend(found.into_values().flatten());
                loaded.insert(id, c);
            }
            Err(Missing::NotCached(path)) => missing.push((id, path)),
            Err(Missing::Bad(msg)) => return Err(ProjectError(msg)),
        }
    }
    if !missing.is_empty() {
        let rel = |p: &Path| p.strip_prefix(root).unwrap_or(p).display().to_string();
        let lines: Vec<String> = missing
            .iter()
            .map(|(id, p)| format!("  {id} (looked for {})", rel(p)))
            .collect();
        return Err(ProjectError(format!(
            "{} requirement{} not in the requirements cache, and cannot be fetched offline:\n{}\n(run `clarinet check` once with network access to fill {}, or copy the .clar and .json files there)",
            missing.len(),
            if missing.len() == 1 { " is" } else { "s are" },
            lines.join("\n"),
            rel(&cache.join("requirements")),
        )));
    }
    Ok(loaded.into_values().collect())
}

enum Missing {
    NotCached(PathBuf),
    Bad(String),
}

fn read(id: &QualifiedContractIdentifier, cache: &Path) -> Result<ProjectContract, Missing> {
    let dir = cache.join("requirements");
    let clar = dir.join(format!("{id}.clar"));
    let json = dir.join(format!("{id}.json"));
    // Clarinet needs both files; with either missing it would fetch the contract.
    let (Ok(source), Ok(meta)) = (
        std::fs::read_to_string(&clar),
        std::fs::read_to_string(&json),
    ) else {
        return Err(Missing::NotCached(clar));
    };
    let bad = |m: String| Missing::Bad(format!("{}: {m}", json.display()));
    let v: serde_json::Value =
        serde_json::from_str(&meta).map_err(|e| bad(format!("invalid JSON: {e}")))?;
    let text = |k: &str| {
        v.get(k).and_then(|x| match x {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
    };
    let settings = versions::resolve(
        Some(text("epoch").as_deref().unwrap_or("2.05")),
        Some(text("clarity_version").as_deref().unwrap_or("1")),
    )
    .map_err(bad)?;
    Ok(ProjectContract {
        id: id.clone(),
        path: clar,
        source,
        version: settings.version,
        epoch: settings.epoch,
        settings,
        is_requirement: true,
    })
}
