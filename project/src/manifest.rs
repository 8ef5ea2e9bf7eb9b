//! A Clarinet project on disk: Clarinet.toml, settings/Devnet.toml, the requirements
//! cache, and the deployment order (the simnet plan when present, else dependencies).

use std::collections::{BTreeMap, BTreeSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use clarinet_files::chainhook_types::{BitcoinNetwork, StacksNetwork};
use clarinet_files::{
    FileLocation, NetworkManifest, NetworkManifestFile, ProjectManifest, ProjectManifestFile,
};
use clarinet_wasm_runtime::chain::{devnet_accounts, Account};
use clarity::types::StacksEpochId;
use clarity::vm::types::{PrincipalData, QualifiedContractIdentifier, StandardPrincipalData};
use clarity::vm::ClarityVersion;
use clarity_repl::repl::{ClarityCodeSource, ContractDeployer};

use crate::deps;

/// A broken project: one message, meant for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectError(pub String);

impl std::fmt::Display for ProjectError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ProjectError {}

fn err<T>(msg: impl Into<String>) -> Result<T, ProjectError> {
    Err(ProjectError(msg.into()))
}

/// A contract to deploy: one of the project's, or a requirement from the cache.
#[derive(Debug, Clone)]
pub struct ProjectContract {
    pub id: QualifiedContractIdentifier,
    pub path: PathBuf,
    pub source: String,
    pub version: ClarityVersion,
    pub epoch: StacksEpochId,
    pub is_requirement: bool,
}

impl ProjectContract {
    pub fn name(&self) -> &str {
        self.id.name.as_str()
    }
}

#[derive(Debug, Clone)]
pub struct Project {
    pub root: PathBuf,
    pub manifest_path: PathBuf,
    pub name: String,
    /// Requirements then project contracts, in deployment order.
    pub contracts: Vec<ProjectContract>,
    pub accounts: Vec<Account>,
    pub cache_dir: PathBuf,
}

impl Project {
    pub fn deployer(&self) -> StandardPrincipalData {
        self.account("deployer")
            .map(|a| a.address.clone())
            .unwrap_or_else(|| devnet_accounts()[0].address.clone())
    }

    pub fn account(&self, name: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| a.name == name)
    }

    /// The epoch the project's chain runs in: the latest any contract asks for.
    pub fn epoch(&self) -> StacksEpochId {
        self.contracts
            .iter()
            .map(|c| c.epoch)
            .max()
            .unwrap_or(StacksEpochId::Epoch24)
    }

    /// The Clarity version of what is not in the manifest (test files): the newest the
    /// project's epoch allows.
    pub fn clarity_version(&self) -> ClarityVersion {
        if self.epoch() >= StacksEpochId::Epoch21 {
            ClarityVersion::Clarity2
        } else {
            ClarityVersion::Clarity1
        }
    }

    /// A chain for this project: its epoch, its accounts funded, nothing deployed yet.
    pub fn chain(&self) -> clarinet_wasm_runtime::Chain {
        clarinet_wasm_runtime::Chain::new(self.epoch(), self.clarity_version(), &self.accounts)
    }

    /// A principal from an account name or an address.
    pub fn principal(&self, s: &str) -> Option<PrincipalData> {
        if let Some(a) = self.account(s) {
            return Some(PrincipalData::Standard(a.address.clone()));
        }
        PrincipalData::parse(s.trim_start_matches('\'')).ok()
    }

    /// Path relative to the project root, for messages.
    pub fn relative(&self, p: &Path) -> String {
        p.strip_prefix(&self.root)
            .unwrap_or(p)
            .display()
            .to_string()
    }
}

/// `explicit` if given, else the first Clarinet.toml from `start` upwards.
pub fn find_manifest(start: &Path, explicit: Option<&Path>) -> Result<PathBuf, ProjectError> {
    if let Some(p) = explicit {
        let p = if p.is_dir() {
            p.join("Clarinet.toml")
        } else {
            p.to_path_buf()
        };
        if !p.is_file() {
            return err(format!("{}: no such manifest", p.display()));
        }
        return Ok(p);
    }
    let mut dir = start.to_path_buf();
    loop {
        let candidate = dir.join("Clarinet.toml");
        if candidate.is_file() {
            return Ok(candidate);
        }
        if !dir.pop() {
            return err(format!(
                "no Clarinet.toml in {} or any parent directory (use --manifest-path, or `clarinet-wasm new NAME`)",
                start.display()
            ));
        }
    }
}

/// clarinet-files panics on some bad input; turn that into an error.
fn guarded<T>(what: &str, f: impl FnOnce() -> Result<T, String>) -> Result<T, ProjectError> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let r = catch_unwind(AssertUnwindSafe(f));
    std::panic::set_hook(hook);
    match r {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => err(format!("{what}: {e}")),
        Err(_) => err(format!("{what}: invalid content")),
    }
}

fn toml_error(path: &Path, e: &toml::de::Error) -> ProjectError {
    match e.line_col() {
        Some((l, c)) => ProjectError(format!(
            "{}:{}:{}: invalid TOML: {e}",
            path.display(),
            l + 1,
            c + 1
        )),
        None => ProjectError(format!("{}: invalid TOML: {e}", path.display())),
    }
}

pub fn load(manifest_path: &Path) -> Result<Project, ProjectError> {
    let manifest_path = manifest_path
        .canonicalize()
        .map_err(|e| ProjectError(format!("{}: {e}", manifest_path.display())))?;
    let root = manifest_path
        .parent()
        .unwrap_or(Path::new("."))
        .to_path_buf();
    let text = std::fs::read_to_string(&manifest_path)
        .map_err(|e| ProjectError(format!("{}: {e}", manifest_path.display())))?;
    toml::from_str::<toml::Value>(&text).map_err(|e| toml_error(&manifest_path, &e))?;
    let file: ProjectManifestFile =
        toml::from_str(&text).map_err(|e| toml_error(&manifest_path, &e))?;
    let location = FileLocation::from_path(manifest_path.clone());
    let manifest = guarded("Clarinet.toml", || {
        ProjectManifest::from_project_manifest_file(file, &location)
    })?;

    let accounts = load_accounts(&root)?;
    let account_address = |label: &str| {
        accounts
            .iter()
            .find(|a| a.name == label)
            .map(|a| a.address.clone())
    };
    let deployer =
        account_address("deployer").unwrap_or_else(|| devnet_accounts()[0].address.clone());

    let mut contracts = vec![];
    for (name, c) in &manifest.contracts {
        let rel = match &c.code_source {
            ClarityCodeSource::ContractOnDisk(p) => p.clone(),
            _ => return err(format!("contract '{name}': no path")),
        };
        let path = root.join(&rel);
        let source = std::fs::read_to_string(&path).map_err(|e| {
            ProjectError(format!(
                "contract '{name}': cannot read {}: {e}",
                rel.display()
            ))
        })?;
        let issuer = match &c.deployer {
            ContractDeployer::LabeledDeployer(label) => account_address(label).ok_or_else(|| {
                ProjectError(format!("contract '{name}': unknown deployer account '{label}' (not in settings/Devnet.toml)"))
            })?,
            _ => deployer.clone(),
        };
        let cname = clarity::vm::ContractName::try_from(name.clone())
            .map_err(|_| ProjectError(format!("contract '{name}': not a valid contract name")))?;
        contracts.push(ProjectContract {
            id: QualifiedContractIdentifier::new(issuer, cname),
            path,
            source,
            version: c.clarity_version,
            epoch: c.epoch,
            is_requirement: false,
        });
    }

    let requirements = load_requirements(&manifest, &root)?;
    let mut all: Vec<ProjectContract> = requirements;
    all.extend(contracts);
    let ordered = order(&root, all)?;
    Ok(Project {
        root: root.clone(),
        manifest_path,
        name: manifest.project.name.clone(),
        contracts: ordered,
        accounts,
        cache_dir: location_path(&manifest.project.cache_location)
            .unwrap_or_else(|| root.join(".cache")),
    })
}

fn location_path(l: &FileLocation) -> Option<PathBuf> {
    match l {
        FileLocation::FileSystem { path } => Some(path.clone()),
        _ => None,
    }
}

fn load_accounts(root: &Path) -> Result<Vec<Account>, ProjectError> {
    let path = root.join("settings").join("Devnet.toml");
    if !path.is_file() {
        return Ok(devnet_accounts());
    }
    let text = std::fs::read_to_string(&path)
        .map_err(|e| ProjectError(format!("{}: {e}", path.display())))?;
    toml::from_str::<toml::Value>(&text).map_err(|e| toml_error(&path, &e))?;
    let mut file: NetworkManifestFile = toml::from_str(&text).map_err(|e| toml_error(&path, &e))?;
    let manifest = guarded("settings/Devnet.toml", || {
        NetworkManifest::from_network_manifest_file(
            &mut file,
            &(BitcoinNetwork::Regtest, StacksNetwork::Devnet),
            None,
            None,
        )
    })?;
    let mut accounts = vec![];
    for (name, a) in &manifest.accounts {
        let address = PrincipalData::parse_standard_principal(&a.stx_address).map_err(|_| {
            ProjectError(format!(
                "settings/Devnet.toml: account '{name}' has an invalid address"
            ))
        })?;
        accounts.push(Account {
            name: name.clone(),
            address,
            balance: a.balance as u128,
        });
    }
    // The deployer first, then wallets in order, as a devnet lists them.
    accounts.sort_by_key(|a| (a.name != "deployer", a.name.clone()));
    Ok(accounts)
}

/// Requirements from the cache Clarinet keeps (`<cache>/requirements/<id>.clar` and
/// `.json`). Offline, a missing one is an error naming it.
fn load_requirements(
    manifest: &ProjectManifest,
    root: &Path,
) -> Result<Vec<ProjectContract>, ProjectError> {
    let Some(reqs) = &manifest.project.requirements else {
        return Ok(vec![]);
    };
    let cache =
        location_path(&manifest.project.cache_location).unwrap_or_else(|| root.join(".cache"));
    let mut out = vec![];
    for r in reqs {
        let id = QualifiedContractIdentifier::parse(&r.contract_id).map_err(|_| {
            ProjectError(format!(
                "requirement '{}' is not a contract identifier",
                r.contract_id
            ))
        })?;
        let dir = cache.join("requirements");
        let clar = dir.join(format!("{}.clar", r.contract_id));
        let source = std::fs::read_to_string(&clar).map_err(|_| {
            ProjectError(format!(
                "requirement {} is not in the requirements cache ({}) and cannot be fetched offline",
                r.contract_id,
                clar.strip_prefix(root).unwrap_or(&clar).display()
            ))
        })?;
        let (version, epoch) = requirement_settings(&dir.join(format!("{}.json", r.contract_id)));
        out.push(ProjectContract {
            id,
            path: clar,
            source,
            version,
            epoch,
            is_requirement: true,
        });
    }
    Ok(out)
}

/// The clarity version and epoch the cache's JSON records (defaults: Clarity 1, 2.05).
fn requirement_settings(json: &Path) -> (ClarityVersion, StacksEpochId) {
    let mut version = ClarityVersion::Clarity1;
    let mut epoch = StacksEpochId::Epoch2_05;
    if let Ok(text) = std::fs::read_to_string(json) {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) {
            let s = |k: &str| {
                v.get(k)
                    .map(|x| x.to_string().trim_matches('"').to_string())
            };
            if let Some(cv) = s("clarity_version") {
                if cv.ends_with('2') {
                    version = ClarityVersion::Clarity2;
                }
            }
            if let Some(e) = s("epoch") {
                epoch = match e.trim_start_matches("Epoch").replace('_', ".").as_str() {
                    "2.0" | "20" => StacksEpochId::Epoch20,
                    "2.1" | "21" => StacksEpochId::Epoch21,
                    "2.2" | "22" => StacksEpochId::Epoch22,
                    "2.3" | "23" => StacksEpochId::Epoch23,
                    "2.4" | "24" => StacksEpochId::Epoch24,
                    _ => StacksEpochId::Epoch2_05,
                };
            }
        }
    }
    (version, epoch)
}

/// Deployment order: the simnet plan's order when the project has one, dependencies
/// first otherwise (and for anything the plan does not list).
fn order(
    root: &Path,
    contracts: Vec<ProjectContract>,
) -> Result<Vec<ProjectContract>, ProjectError> {
    let by_deps = deps::dependency_order(&contracts)?;
    let plan = root.join("deployments").join("default.simnet-plan.yaml");
    let Ok(text) = std::fs::read_to_string(&plan) else {
        return Ok(by_deps);
    };
    let names = plan_order(&text)
        .map_err(|e| ProjectError(format!("deployments/default.simnet-plan.yaml: {e}")))?;
    let mut out = vec![];
    let mut placed = BTreeSet::new();
    for n in &names {
        if let Some(c) = by_deps
            .iter()
            .find(|c| c.name() == n && !placed.contains(&c.id))
        {
            placed.insert(c.id.clone());
            out.push(c.clone());
        }
    }
    for c in by_deps {
        if !placed.contains(&c.id) {
            out.push(c);
        }
    }
    Ok(out)
}

/// Contract names in publish order from a simnet deployment plan.
fn plan_order(text: &str) -> Result<Vec<String>, String> {
    let doc: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
    let mut names = vec![];
    let batches = doc
        .get("plan")
        .and_then(|p| p.get("batches"))
        .and_then(|b| b.as_sequence())
        .cloned()
        .unwrap_or_default();
    for batch in batches {
        let txs = batch
            .get("transactions")
            .and_then(|t| t.as_sequence())
            .cloned()
            .unwrap_or_default();
        for tx in txs {
            let Some(map) = tx.as_mapping() else { continue };
            for (kind, body) in map {
                let kind = kind.as_str().unwrap_or_default();
                if kind.contains("contract-publish") {
                    if let Some(n) = body.get("contract-name").and_then(|n| n.as_str()) {
                        names.push(n.to_string());
                    }
                }
            }
        }
    }
    Ok(names)
}

/// Map from contract id to the ids it refers to (for per-contract dependency closure).
pub fn dependency_map(
    contracts: &[ProjectContract],
) -> BTreeMap<QualifiedContractIdentifier, BTreeSet<QualifiedContractIdentifier>> {
    contracts
        .iter()
        .map(|c| (c.id.clone(), deps::references(c)))
        .collect()
}
