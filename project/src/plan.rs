//! Simnet deployment plans in Clarinet's format (`deployments/default.simnet-plan.yaml`):
//! read, built as Clarinet builds the default one, and written. A plan is batches, each
//! with an epoch, of the transactions a simnet admits: `emulated-contract-publish`,
//! `emulated-contract-call` and `stx-transfer`. After each batch the chain tip advances
//! one block, as in Clarinet's simnet.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clarity::types::StacksEpochId;
use clarity::vm::types::{PrincipalData, QualifiedContractIdentifier, StandardPrincipalData};
use serde::{Deserialize, Serialize};

use clarinet_wasm_runtime::chain::Account;

use crate::manifest::{ProjectContract, ProjectError};
use crate::versions::Epoch;

pub const DEFAULT_PLAN: &str = "deployments/default.simnet-plan.yaml";
const PLAN_NAME: &str = "Simulated deployment, used as a default for `clarinet console`, `clarinet test` and `clarinet check`";
/// Clarinet puts at most this many transactions in a batch.
const BATCH_SIZE: usize = 25;
/// The boot contracts a clarity-repl 2.0.0 simnet starts with, as Clarinet lists them.
const GENESIS_CONTRACTS: [&str; 9] = [
    "costs",
    "pox",
    "pox-2",
    "pox-3",
    "lockup",
    "costs-2",
    "costs-3",
    "cost-voting",
    "bns",
];

#[derive(Debug, Clone, PartialEq)]
pub enum Tx {
    Publish {
        id: QualifiedContractIdentifier,
        /// As written in the plan (relative to the project root).
        path: String,
        /// 1 to 4 (3 and 4 are refused when deployed).
        version: u8,
    },
    Call {
        contract: QualifiedContractIdentifier,
        sender: StandardPrincipalData,
        method: String,
        /// Clarity expressions.
        parameters: Vec<String>,
    },
    StxTransfer {
        sender: StandardPrincipalData,
        recipient: PrincipalData,
        amount: u64,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    pub id: usize,
    pub epoch: Epoch,
    pub transactions: Vec<Tx>,
}

#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub batches: Vec<Batch>,
    /// The genesis wallets the plan funds, when it lists them.
    pub wallets: Option<Vec<Account>>,
    /// Where it was read from (`None`: built).
    pub file: Option<PathBuf>,
}

impl Plan {
    pub fn publishes(&self) -> impl Iterator<Item = &QualifiedContractIdentifier> {
        self.batches
            .iter()
            .flat_map(|b| &b.transactions)
            .filter_map(|t| match t {
                Tx::Publish { id, .. } => Some(id),
                _ => None,
            })
    }
}

// The file format (field names as Clarinet writes them).

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct PlanFile {
    #[serde(default)]
    id: Option<u32>,
    name: String,
    network: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    genesis: Option<GenesisFile>,
    #[serde(default)]
    plan: Option<BatchesFile>,
}

#[derive(Serialize, Deserialize)]
struct GenesisFile {
    wallets: Vec<WalletFile>,
    #[serde(default)]
    contracts: Vec<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct WalletFile {
    name: String,
    address: String,
    balance: String,
}

#[derive(Serialize, Deserialize)]
struct BatchesFile {
    #[serde(default)]
    batches: Vec<BatchFile>,
}

#[derive(Serialize, Deserialize)]
struct BatchFile {
    id: usize,
    #[serde(with = "serde_yaml::with::singleton_map_recursive")]
    transactions: Vec<TxFile>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    epoch: Option<serde_yaml::Value>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum TxFile {
    EmulatedContractPublish(PublishFile),
    EmulatedContractCall(CallFile),
    StxTransfer(TransferFile),
    // What other networks' plans hold; named in the error when found in a simnet plan.
    ContractPublish(serde_yaml::Value),
    ContractCall(serde_yaml::Value),
    RequirementPublish(serde_yaml::Value),
    BtcTransfer(serde_yaml::Value),
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct PublishFile {
    contract_name: String,
    emulated_sender: String,
    path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    clarity_version: Option<u8>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct CallFile {
    contract_id: String,
    emulated_sender: String,
    method: String,
    #[serde(default)]
    parameters: Vec<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct TransferFile {
    expected_sender: String,
    recipient: String,
    mstx_amount: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    memo: Option<String>,
    #[serde(default)]
    cost: u64,
}

/// Read a simnet plan. Errors name the file and the batch.
pub fn read(path: &Path, root: &Path) -> Result<Plan, ProjectError> {
    let rel = path
        .strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ProjectError(format!("{rel}: {e}")))?;
    let file: PlanFile = serde_yaml::from_str(&text).map_err(|e| {
        ProjectError(match e.location() {
            Some(l) => format!("{rel}:{}:{}: {e}", l.line(), l.column()),
            None => format!("{rel}: {e}"),
        })
    })?;
    let err = |m: String| ProjectError(format!("{rel}: {m}"));
    if file.network != "simnet" {
        return Err(err(format!("a {} plan, not a simnet plan", file.network)));
    }
    let standard = |s: &str, what: &str| {
        PrincipalData::parse_standard_principal(s.trim_start_matches('\''))
            .map_err(|_| err(format!("{what}: '{s}' is not a standard principal")))
    };
    let wallets = match &file.genesis {
        None => None,
        Some(g) => Some(
            g.wallets
                .iter()
                .map(|w| {
                    Ok(Account {
                        name: w.name.clone(),
                        address: standard(&w.address, &format!("wallet {}", w.name))?,
                        balance: w.balance.trim().parse().map_err(|_| {
                            err(format!(
                                "wallet {}: balance '{}' is not a number",
                                w.name, w.balance
                            ))
                        })?,
                    })
                })
                .collect::<Result<Vec<_>, ProjectError>>()?,
        ),
    };
    let mut batches = vec![];
    for b in file.plan.map(|p| p.batches).unwrap_or_default() {
        let at = |m: String| err(format!("batch {}: {m}", b.id));
        let epoch = match &b.epoch {
            None => Epoch::Known(clarity_repl::repl::DEFAULT_EPOCH),
            Some(v) => {
                let t = match v {
                    serde_yaml::Value::String(s) => s.clone(),
                    serde_yaml::Value::Number(n) => n.to_string(),
                    _ => String::new(),
                };
                Epoch::parse(&t).ok_or_else(|| at(format!("unknown epoch {t:?}")))?
            }
        };
        let mut transactions = vec![];
        for t in b.transactions {
            transactions.push(match t {
                TxFile::EmulatedContractPublish(p) => {
                    let sender = standard(&p.emulated_sender, &p.contract_name)?;
                    let name = clarity::vm::ContractName::try_from(p.contract_name.clone())
                        .map_err(|_| at(format!("'{}' is not a contract name", p.contract_name)))?;
                    let version = match p.clarity_version {
                        None => 2,
                        Some(v @ 1..=4) => v,
                        Some(v) => {
                            return Err(at(format!(
                                "{}: unknown Clarity version {v}",
                                p.contract_name
                            )))
                        }
                    };
                    Tx::Publish {
                        id: QualifiedContractIdentifier::new(sender, name),
                        path: p.path,
                        version,
                    }
                }
                TxFile::EmulatedContractCall(c) => Tx::Call {
                    contract: QualifiedContractIdentifier::parse(&c.contract_id).map_err(|_| {
                        at(format!("'{}' is not a contract identifier", c.contract_id))
                    })?,
                    sender: standard(&c.emulated_sender, &c.method)?,
                    method: c.method,
                    parameters: c.parameters,
                },
                TxFile::StxTransfer(s) => Tx::StxTransfer {
                    sender: standard(&s.expected_sender, "stx-transfer")?,
                    recipient: PrincipalData::parse(s.recipient.trim_start_matches('\''))
                        .map_err(|_| at(format!("'{}' is not a principal", s.recipient)))?,
                    amount: s.mstx_amount,
                },
                other => {
                    let kind = match other {
                        TxFile::ContractPublish(_) => "contract-publish",
                        TxFile::ContractCall(_) => "contract-call",
                        TxFile::RequirementPublish(_) => "requirement-publish",
                        _ => "btc-transfer",
                    };
                    return Err(at(format!("`{kind}` is not a simnet transaction (a simnet plan holds emulated-contract-publish, emulated-contract-call and stx-transfer)")));
                }
            });
        }
        batches.push(Batch {
            id: b.id,
            epoch,
            transactions,
        });
    }
    Ok(Plan {
        batches,
        wallets,
        file: Some(path.to_path_buf()),
    })
}

/// The plan Clarinet builds: requirements first (in their own order), then the project's
/// contracts in dependency order; transactions grouped by epoch (earliest first), at most
/// 25 per batch. `ordered` is already in dependency order.
pub fn build(ordered: &[ProjectContract], root: &Path) -> Plan {
    let mut by_epoch: BTreeMap<StacksEpochId, Vec<(Tx, String)>> = BTreeMap::new();
    let requirements = ordered.iter().filter(|c| c.is_requirement);
    let own = ordered.iter().filter(|c| !c.is_requirement);
    for c in requirements.chain(own) {
        let path = c.path.strip_prefix(root).unwrap_or(&c.path);
        let tx = Tx::Publish {
            id: c.id.clone(),
            path: path.display().to_string(),
            version: c.settings.asked_version,
        };
        // The epoch as declared (a later one is kept in the plan, as Clarinet writes it).
        let asked = c.settings.asked_epoch.to_string();
        by_epoch.entry(c.epoch).or_default().push((tx, asked));
    }
    let mut batches = vec![];
    for (_, txs) in by_epoch {
        // Contracts running at 2.4 may have asked for different later epochs: one batch
        // per asked epoch, in order.
        let mut groups: BTreeMap<String, Vec<Tx>> = BTreeMap::new();
        for (tx, asked) in txs {
            groups.entry(asked).or_default().push(tx);
        }
        for (asked, txs) in groups {
            for chunk in txs.chunks(BATCH_SIZE) {
                batches.push(Batch {
                    id: batches.len(),
                    epoch: Epoch::parse(&asked).unwrap_or(Epoch::Known(StacksEpochId::Epoch24)),
                    transactions: chunk.to_vec(),
                });
            }
        }
    }
    Plan {
        batches,
        wallets: None,
        file: None,
    }
}

/// The plan as Clarinet writes it.
pub fn to_yaml(plan: &Plan, accounts: &[Account]) -> String {
    let file = PlanFile {
        id: Some(0),
        name: PLAN_NAME.into(),
        network: "simnet".into(),
        genesis: Some(GenesisFile {
            wallets: accounts
                .iter()
                .map(|a| WalletFile {
                    name: a.name.clone(),
                    address: a.address.to_address(),
                    balance: a.balance.to_string(),
                })
                .collect(),
            contracts: GENESIS_CONTRACTS.iter().map(|s| s.to_string()).collect(),
        }),
        plan: Some(BatchesFile {
            batches: plan
                .batches
                .iter()
                .map(|b| BatchFile {
                    id: b.id,
                    transactions: b.transactions.iter().map(tx_file).collect(),
                    epoch: Some(serde_yaml::Value::String(b.epoch.to_string())),
                })
                .collect(),
        }),
    };
    let body = serde_yaml::to_string(&file).expect("a plan serializes");
    format!("---\n{body}")
}

fn tx_file(t: &Tx) -> TxFile {
    match t {
        Tx::Publish { id, path, version } => TxFile::EmulatedContractPublish(PublishFile {
            contract_name: id.name.to_string(),
            emulated_sender: id.issuer.to_address(),
            path: path.clone(),
            clarity_version: Some(*version),
        }),
        Tx::Call {
            contract,
            sender,
            method,
            parameters,
        } => TxFile::EmulatedContractCall(CallFile {
            contract_id: contract.to_string(),
            emulated_sender: sender.to_address(),
            method: method.clone(),
            parameters: parameters.clone(),
        }),
        Tx::StxTransfer {
            sender,
            recipient,
            amount,
        } => TxFile::StxTransfer(TransferFile {
            expected_sender: sender.to_address(),
            recipient: recipient.to_string(),
            mstx_amount: *amount,
            memo: None,
            cost: 0,
        }),
    }
}
