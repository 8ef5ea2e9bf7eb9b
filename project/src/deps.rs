//! Which contracts a contract needs deployed first, and a deployment order: Clarinet's own
//! dependency detector (clarity-repl's `ASTDependencyDetector`: contract calls, trait
//! imports and implementations, principals passed where a trait is expected), with the
//! boot contracts preloaded as Clarinet preloads them. A principal that is only a value
//! (in a constant, a tuple, an argument of a non-trait type) is not a dependency.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use clarity::types::StacksEpochId;
use clarity::vm::ast::{build_ast_with_rules, ASTRules, ContractAST};
use clarity::vm::types::QualifiedContractIdentifier;
use clarity::vm::ClarityVersion;
use clarity_repl::analysis::ast_dependency_detector::ASTDependencyDetector;
use clarity_repl::repl::session::BOOT_CONTRACTS_DATA;

use crate::manifest::ProjectError;

pub type Dependencies =
    BTreeMap<QualifiedContractIdentifier, BTreeSet<QualifiedContractIdentifier>>;

/// A contract as the detector sees it.
pub struct Source<'a> {
    pub id: &'a QualifiedContractIdentifier,
    pub source: &'a str,
    pub version: ClarityVersion,
    pub epoch: StacksEpochId,
}

type Asts = BTreeMap<QualifiedContractIdentifier, (ClarityVersion, ContractAST)>;

fn boot_asts() -> &'static Asts {
    static BOOT: std::sync::OnceLock<Asts> = std::sync::OnceLock::new();
    BOOT.get_or_init(|| {
        BOOT_CONTRACTS_DATA
            .iter()
            .map(|(id, (c, ast))| (id.clone(), (c.clarity_version, ast.clone())))
            .collect()
    })
}

pub fn is_boot(id: &QualifiedContractIdentifier) -> bool {
    boot_asts().contains_key(id)
}

/// The dependencies of each contract (a contract that does not parse has none: its parse
/// error is reported when it is deployed). Dependencies on contracts not in `contracts`
/// (boot contracts, or missing ones) are kept; callers decide what they mean.
pub fn detect(contracts: &[Source]) -> Dependencies {
    let mut asts: Asts = BTreeMap::new();
    for c in contracts {
        if let Ok(ast) = build_ast_with_rules(
            c.id,
            c.source,
            &mut (),
            c.version,
            c.epoch,
            ASTRules::PrecheckSize,
        ) {
            asts.insert(c.id.clone(), (c.version, ast));
        }
    }
    // Unresolved dependencies (a call into a contract nobody defines) come back as an
    // error with what could be inferred; the deployment reports the missing contract.
    let found = match ASTDependencyDetector::detect_dependencies(&asts, boot_asts()) {
        Ok(d) => d,
        Err((d, _)) => d,
    };
    let mut out: Dependencies = contracts
        .iter()
        .map(|c| (c.id.clone(), BTreeSet::new()))
        .collect();
    for (id, set) in found {
        let deps = out.entry(id.clone()).or_default();
        deps.extend(set.iter().map(|d| d.contract_id.clone()));
        deps.remove(&id);
    }
    out
}

/// Clarinet's deployment order for `deps` (its `order_contracts`: by identifier, each
/// after what it needs; a dependency in a later epoch is an error), or the cycle, named
/// in order (`a -> b -> a`).
pub fn order(
    deps: &Dependencies,
    epochs: &HashMap<QualifiedContractIdentifier, StacksEpochId>,
) -> Result<Vec<QualifiedContractIdentifier>, ProjectError> {
    let sets: BTreeMap<_, _> = deps
        .iter()
        .map(|(id, ds)| {
            let mut set = clarity_repl::analysis::ast_dependency_detector::DependencySet::new();
            for d in ds {
                set.add_dependency(d.clone(), true);
            }
            (id.clone(), set)
        })
        .collect();
    match ASTDependencyDetector::order_contracts(&sets, epochs) {
        Ok(ids) => Ok(ids.into_iter().cloned().collect()),
        Err(e) => Err(ProjectError(match cycle(deps) {
            Some(names) => format!("dependency cycle between contracts: {}", names.join(" -> ")),
            None => format!("cannot order the contracts: {}", e.err),
        })),
    }
}

/// The first cycle a depth-first walk finds, as contract names (the detector reports the
/// contracts involved as an unordered set).
fn cycle(deps: &Dependencies) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        OnPath,
        Done,
    }
    let ids: Vec<&QualifiedContractIdentifier> = deps.keys().collect();
    let index: BTreeMap<_, _> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut mark = vec![Mark::New; ids.len()];
    fn walk(
        i: usize,
        ids: &[&QualifiedContractIdentifier],
        index: &BTreeMap<&QualifiedContractIdentifier, usize>,
        deps: &Dependencies,
        mark: &mut [Mark],
        path: &mut Vec<usize>,
    ) -> Option<Vec<usize>> {
        match mark[i] {
            Mark::Done => return None,
            Mark::OnPath => {
                let start = path.iter().position(|&p| p == i).unwrap_or(0);
                let mut c = path[start..].to_vec();
                c.push(i);
                return Some(c);
            }
            Mark::New => {}
        }
        mark[i] = Mark::OnPath;
        path.push(i);
        for d in &deps[ids[i]] {
            if let Some(&j) = index.get(d) {
                if let Some(c) = walk(j, ids, index, deps, mark, path) {
                    return Some(c);
                }
            }
        }
        path.pop();
        mark[i] = Mark::Done;
        None
    }
    (0..ids.len()).find_map(|i| {
        walk(i, &ids, &index, deps, &mut mark, &mut vec![])
            .map(|c| c.iter().map(|&k| ids[k].name.to_string()).collect())
    })
}
