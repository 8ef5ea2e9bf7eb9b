//! A Clarinet project on disk: Clarinet.toml, settings/Devnet.toml, the requirements
//! cache, and the deployment plan (`deployments/default.simnet-plan.yaml` when present,
//! else the one Clarinet would build).

use std::collections::{BTreeMap, BTreeSet, HashMap};
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

use crate::plan::{self, Plan, Tx};
use crate::versions::{self, Settings, Support};
use crate::{deps, requirements};

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
    /// What it runs as here.
    pub version: ClarityVersion,
    pub epoch: StacksEpochId,
    /// What it was declared as, and what that comes to.
    pub settings: Settings,
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
    /// Every contract the plan publishes, in its order (requirements first).
    pub contracts: Vec<ProjectContract>,
    pub plan: Plan,
    /// The plan Clarinet would build from the manifest (what `clarinet-wasm plan` writes).
    pub default_plan: Plan,
    pub accounts: Vec<Account>,
    pub cache_dir: PathBuf,
    /// Contracts that are not deployed here, and why (Clarity 3+, or needing one).
    pub refused: BTreeMap<QualifiedContractIdentifier, String>,
    /// To print once per run (contracts running at an epoch other than declared, …).
    pub warnings: Vec<String>,
    /// clarity-repl's analysis passes the manifest enables (`[repl.analysis]`, e.g.
    /// `check_checker`), with their settings: what Clarinet checks beyond the type checker.
    pub analysis: clarity_repl::analysis::Settings,
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

    /// The epoch the project's chain runs in after deployment: the plan's last (as a
    /// simnet is left), or the latest any contract runs at.
    pub fn epoch(&self) -> StacksEpochId {
        let last = self.plan.batches.iter().map(|b| b.epoch.runs_at()).max();
        let contracts = self.contracts.iter().map(|c| c.epoch).max();
        last.max(contracts).unwrap_or(StacksEpochId::Epoch24)
    }

    pub fn contract(&self, id: &QualifiedContractIdentifier) -> Option<&ProjectContract> {
        self.contracts.iter().find(|c| &c.id == id)
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
    let mut raw =
        toml::from_str::<toml::Value>(&text).map_err(|e| toml_error(&manifest_path, &e))?;
    let settings = contract_settings(&mut raw)?;
    let file: ProjectManifestFile = raw
        .clone()
        .try_into()
        .map_err(|e| toml_error(&manifest_path, &e))?;
    let location = FileLocation::from_path(manifest_path.clone());
    let manifest = guarded("Clarinet.toml", || {
        ProjectManifest::from_project_manifest_file(file, &location)
    })?;

    let mut accounts = load_accounts(&root)?;
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
        let settings = settings[name].clone();
        contracts.push(ProjectContract {
            id: QualifiedContractIdentifier::new(issuer, cname),
            path,
            source,
            version: settings.version,
            epoch: settings.epoch,
            settings,
            is_requirement: false,
        });
    }

    let cache_dir = requirements::cache_dir(&raw, &root);
    let own: BTreeSet<_> = contracts.iter().map(|c| c.id.clone()).collect();
    let mut all = requirements::load(&requirements::listed(&raw)?, &cache_dir, &root, &own)?;
    all.extend(contracts);
    let ordered = order(all)?;

    let default_plan = plan::build(&ordered, &root);
    let plan_path = root.join(plan::DEFAULT_PLAN);
    let mut warnings = vec![];
    let (plan, contracts) = if plan_path.is_file() {
        let mut plan = plan::read(&plan_path, &root)?;
        if let Some(w) = &plan.wallets {
            accounts = w.clone();
        }
        let contracts = plan_contracts(&mut plan, ordered, &root, &mut warnings)?;
        (plan, contracts)
    } else {
        (default_plan.clone(), ordered)
    };
    let refused = refused(&contracts);
    for c in &contracts {
        match &c.settings.support {
            Support::RunsAt24 { asked } => warnings.push(format!(
                "contract '{}' is set to epoch {asked}: it runs at epoch 2.4, the latest the reference runtime knows (its Clarity {} words mean the same there)",
                c.name(),
                c.settings.asked_version
            )),
            Support::Refused(why) => warnings.push(format!(
                "contract '{}' is not deployed: {why}",
                c.name()
            )),
            Support::Runs => {}
        }
    }
    for (id, why) in &refused {
        if matches!(
            contracts
                .iter()
                .find(|c| &c.id == id)
                .map(|c| &c.settings.support),
            Some(Support::Runs | Support::RunsAt24 { .. })
        ) {
            warnings.push(format!("contract '{}' is not deployed: {why}", id.name));
        }
    }
    Ok(Project {
        root: root.clone(),
        manifest_path,
        name: manifest.project.name.clone(),
        contracts,
        plan,
        default_plan,
        accounts,
        cache_dir,
        refused,
        warnings,
        analysis: manifest.repl_settings.analysis.clone(),
    })
}

/// Each contract's declared epoch and Clarity version, resolved; the manifest is then
/// rewritten to what runs here, so that clarinet-files (which knows epochs up to 2.4 and
/// Clarity 1 and 2) reads the rest of it.
fn contract_settings(raw: &mut toml::Value) -> Result<BTreeMap<String, Settings>, ProjectError> {
    let mut out = BTreeMap::new();
    let Some(contracts) = raw.get_mut("contracts").and_then(|c| c.as_table_mut()) else {
        return Ok(out);
    };
    for (name, table) in contracts.iter_mut() {
        let Some(table) = table.as_table_mut() else {
            continue;
        };
        let text = |k: &str| table.get(k).and_then(versions::scalar_text);
        let s = versions::resolve(text("epoch").as_deref(), text("clarity_version").as_deref())
            .map_err(|e| ProjectError(format!("Clarinet.toml: contract '{name}': {e}")))?;
        table.insert("epoch".into(), toml::Value::String(s.epoch.to_string()));
        let v = if s.version == ClarityVersion::Clarity1 {
            1
        } else {
            2
        };
        table.insert("clarity_version".into(), toml::Value::Integer(v));
        out.insert(name.clone(), s);
    }
    Ok(out)
}

/// Dependencies first (Clarinet's order), requirements before the project's contracts.
fn order(all: Vec<ProjectContract>) -> Result<Vec<ProjectContract>, ProjectError> {
    let deps = dependency_map(&all);
    let epochs: HashMap<_, _> = all.iter().map(|c| (c.id.clone(), c.epoch)).collect();
    let ids = deps::order(&deps, &epochs)?;
    let mut by_id: BTreeMap<_, _> = all.into_iter().map(|c| (c.id.clone(), c)).collect();
    let ordered: Vec<ProjectContract> = ids.iter().filter_map(|id| by_id.remove(id)).collect();
    let (mut reqs, own): (Vec<_>, Vec<_>) = ordered.into_iter().partition(|c| c.is_requirement);
    reqs.extend(own);
    Ok(reqs)
}

/// The contracts a plan publishes, in its order: the manifest's (or a requirement's)
/// when the plan names one, else read from the plan's path. The manifest's contracts the
/// plan leaves out are added in a last batch, with a warning.
fn plan_contracts(
    plan: &mut Plan,
    ordered: Vec<ProjectContract>,
    root: &Path,
    warnings: &mut Vec<String>,
) -> Result<Vec<ProjectContract>, ProjectError> {
    let mut by_id: BTreeMap<_, _> = ordered.iter().map(|c| (c.id.clone(), c.clone())).collect();
    let mut out = vec![];
    for b in &plan.batches {
        for t in &b.transactions {
            let Tx::Publish { id, path, version } = t else {
                continue;
            };
            if let Some(c) = by_id.remove(id) {
                out.push(c);
                continue;
            }
            let full = root.join(path);
            let source = std::fs::read_to_string(&full).map_err(|e| {
                ProjectError(format!(
                    "{} (batch {}): contract '{}': cannot read {path}: {e}",
                    plan::DEFAULT_PLAN,
                    b.id,
                    id.name
                ))
            })?;
            let epoch = b.epoch.to_string();
            let settings =
                versions::resolve(Some(&epoch), Some(&version.to_string())).map_err(|e| {
                    ProjectError(format!(
                        "{}: contract '{}': {e}",
                        plan::DEFAULT_PLAN,
                        id.name
                    ))
                })?;
            out.push(ProjectContract {
                id: id.clone(),
                path: full,
                source,
                version: settings.version,
                epoch: settings.epoch,
                settings,
                is_requirement: path.contains("requirements/"),
            });
        }
    }
    let mut left_out = vec![];
    for c in ordered {
        if by_id.contains_key(&c.id) {
            warnings.push(format!(
                "contract '{}' is not in {}: deployed after the plan (`clarinet-wasm plan --force` rewrites it)",
                c.name(),
                plan::DEFAULT_PLAN
            ));
            left_out.push(c);
        }
    }
    if !left_out.is_empty() {
        let last = plan::build(&left_out, root);
        for mut b in last.batches {
            b.id = plan.batches.len();
            plan.batches.push(b);
        }
        out.extend(left_out);
    }
    Ok(out)
}

/// Contracts not deployed here: Clarity 3+ ones, and those that need one of them.
fn refused(contracts: &[ProjectContract]) -> BTreeMap<QualifiedContractIdentifier, String> {
    let mut out: BTreeMap<_, _> = contracts
        .iter()
        .filter_map(|c| match &c.settings.support {
            Support::Refused(why) => Some((c.id.clone(), why.clone())),
            _ => None,
        })
        .collect();
    if out.is_empty() {
        return out;
    }
    let deps = dependency_map(contracts);
    // In deployment order, a contract's dependencies are settled before it.
    for c in contracts {
        if out.contains_key(&c.id) {
            continue;
        }
        if let Some(d) = deps[&c.id].iter().find(|d| out.contains_key(*d)) {
            out.insert(
                c.id.clone(),
                format!("it needs contract '{}', which is not deployed", d.name),
            );
        }
    }
    out
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

/// Each contract's dependencies, by Clarinet's detector.
pub fn dependency_map(contracts: &[ProjectContract]) -> deps::Dependencies {
    let sources: Vec<deps::Source> = contracts
        .iter()
        .map(|c| deps::Source {
            id: &c.id,
            source: &c.source,
            version: c.version,
            epoch: c.epoch,
        })
        .collect();
    deps::detect(&sources)
}
