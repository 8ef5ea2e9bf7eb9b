//! What several subcommands share: chain options, reading contracts, naming them.

use std::path::Path;

use clap::Args;
use clarinet_wasm_runtime::chain::{devnet_accounts, Chain};
use clarity::types::StacksEpochId;
use clarity::vm::types::{PrincipalData, StandardPrincipalData};
use clarity::vm::{ClarityVersion, ContractName};

#[derive(Args, Clone)]
pub struct ChainArgs {
    /// Clarity version of the contracts.
    #[arg(long, value_parser = ["1", "2"], default_value = "2")]
    pub clarity: String,
    /// Stacks epoch of the chain.
    #[arg(long, value_parser = ["2.0", "2.05", "2.1", "2.2", "2.3", "2.4"], default_value = "2.4")]
    pub epoch: String,
    /// A smaller budget per transaction than the mainnet block limit, for both runtimes:
    /// `runtime=N,read_count=N,read_length=N,write_count=N,write_length=N` (any subset).
    #[arg(long, value_name = "DIM=N,...")]
    pub cost_limit: Option<String>,
}

impl ChainArgs {
    pub fn version(&self) -> ClarityVersion {
        if self.clarity == "1" {
            ClarityVersion::Clarity1
        } else {
            ClarityVersion::Clarity2
        }
    }

    pub fn epoch(&self) -> StacksEpochId {
        match self.epoch.as_str() {
            "2.0" => StacksEpochId::Epoch20,
            "2.05" => StacksEpochId::Epoch2_05,
            "2.1" => StacksEpochId::Epoch21,
            "2.2" => StacksEpochId::Epoch22,
            "2.3" => StacksEpochId::Epoch23,
            _ => StacksEpochId::Epoch24,
        }
    }

    /// A devnet chain with these settings; Clarity 2 needs epoch 2.1 or later.
    pub fn chain(&self) -> Result<Chain, String> {
        if self.version() == ClarityVersion::Clarity2 && self.epoch() < StacksEpochId::Epoch21 {
            return Err(format!(
                "Clarity 2 needs epoch 2.1 or later (got --epoch {}); use --clarity 1",
                self.epoch
            ));
        }
        let mut chain = Chain::new(self.epoch(), self.version(), &devnet_accounts());
        if let Some(s) = &self.cost_limit {
            chain.cost_limit = clarinet_wasm_runtime::chain::parse_cost_limit(s)
                .map_err(|e| format!("--cost-limit: {e}"))?;
        }
        Ok(chain)
    }
}

/// A contract file: its source and the contract name its stem gives.
pub fn read_contract(path: &Path) -> Result<(String, ContractName), String> {
    let source = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string();
    let name = ContractName::try_from(stem.clone()).map_err(|_| {
        format!(
            "{}: '{stem}' is not a valid contract name (a letter, then letters, digits, '-' or '_', at most 40 characters)",
            path.display()
        )
    })?;
    Ok((source, name))
}

/// A principal given as an address or as a devnet account name.
pub fn parse_sender(chain: &Chain, s: Option<&str>) -> Result<PrincipalData, String> {
    match s {
        None => Ok(PrincipalData::Standard(chain.deployer())),
        Some(s) => parse_principal(chain, s, "--sender"),
    }
}

/// A principal, or the name of a devnet account; `flag` names the option in errors.
pub fn parse_principal(chain: &Chain, s: &str, flag: &str) -> Result<PrincipalData, String> {
    if let Some(a) = chain.account(s) {
        return Ok(PrincipalData::Standard(a.address.clone()));
    }
    PrincipalData::parse(s.trim_start_matches('\''))
        .map_err(|_| format!("{flag}: '{s}' is neither a principal nor a devnet account name"))
}

pub fn standard_of(p: &PrincipalData) -> StandardPrincipalData {
    match p {
        PrincipalData::Standard(s) => s.clone(),
        PrincipalData::Contract(c) => c.issuer.clone(),
    }
}
