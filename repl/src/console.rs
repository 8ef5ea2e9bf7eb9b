//! A console session: both runtimes over one chain each, the project deployed on them, the
//! sender, and what to show. `input` takes one complete input (a form or a `::` command)
//! and returns what to print; the terminal and script front-ends only move text.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use clarinet_wasm_project::deploy::{self, Applied};
use clarinet_wasm_project::Project;
use clarinet_wasm_runtime::chain::{devnet_accounts, Account};
use clarinet_wasm_runtime::dual::{Dual, Runtimes};
use clarinet_wasm_runtime::Chain;
use clarity::vm::types::{PrincipalData, QualifiedContractIdentifier, StandardPrincipalData};
use colored::Colorize;

use crate::render::{self, Show};

/// What one input printed, and whether it failed (an error, a mismatch, a bad command).
pub struct Reply {
    pub text: String,
    pub failed: bool,
}

impl Reply {
    pub fn ok(text: impl Into<String>) -> Reply {
        Reply {
            text: text.into(),
            failed: false,
        }
    }

    pub fn error(text: impl std::fmt::Display) -> Reply {
        Reply {
            text: format!("{}\n", text.to_string().red()),
            failed: true,
        }
    }
}

pub struct Console {
    pub(crate) dual: Dual,
    pub(crate) sender: PrincipalData,
    pub(crate) accounts: Vec<Account>,
    /// Every contract deployed, in order: the project's, then those typed in.
    pub(crate) contracts: Vec<QualifiedContractIdentifier>,
    pub(crate) show: Show,
    pub(crate) project: Option<Project>,
    /// Which runtimes were asked for at the start (what `::reload` restores).
    pub(crate) start_runtimes: Runtimes,
    /// Set when a state-changing input ran on one runtime only: the chains have parted.
    pub(crate) parted: bool,
    /// What deploying the project said (failures, contracts not deployed).
    pub(crate) startup: Vec<String>,
    /// Whether deploying the project failed somewhere (an error or a mismatch).
    pub(crate) startup_failed: bool,
    /// In a terminal (what `::debug` needs).
    pub interactive: bool,
}

impl Console {
    /// A session over a fresh chain: the project's plan applied on it when there is one.
    pub fn new(project: Option<Project>, runtimes: Runtimes) -> Console {
        let (chain, accounts) = match &project {
            Some(p) => (p.chain(), p.accounts.clone()),
            None => (Chain::devnet(), devnet_accounts()),
        };
        let sender = PrincipalData::Standard(chain.deployer());
        let mut c = Console {
            dual: Dual::new(chain, runtimes),
            sender,
            accounts,
            contracts: vec![],
            show: Show::default(),
            project,
            start_runtimes: runtimes,
            parted: false,
            startup: vec![],
            startup_failed: false,
            interactive: false,
        };
        c.deploy_project();
        c
    }

    fn deploy_project(&mut self) {
        let Some(project) = self.project.take() else {
            return;
        };
        let mut deployed = vec![];
        let mut notes = vec![];
        let mut failures = false;
        deploy::apply(&mut self.dual, &project, |a: &Applied| {
            let Some(contract) = a.contract else {
                return;
            };
            match &a.outcome {
                deploy::Outcome::Ran { report, .. } => {
                    deployed.push(contract.id.clone());
                    let (text, failed) = render::step(report, Show::default());
                    if failed {
                        failures = true;
                        notes.push(format!("{}: {}", contract.name(), text.trim_end()));
                    }
                }
                deploy::Outcome::Invalid(e) => {
                    failures = true;
                    notes.push(e.clone())
                }
                deploy::Outcome::Refused(why) => {
                    notes.push(format!("{}: not deployed: {why}", contract.name()))
                }
                deploy::Outcome::BadArgument(e) => {
                    failures = true;
                    notes.push(e.clone())
                }
            }
        });
        self.contracts = deployed;
        self.startup = notes;
        self.startup_failed = failures;
        self.project = Some(project);
    }

    /// The lines shown at the start: contracts, accounts, epoch, and how to get help.
    pub fn banner(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{} console: every input runs on the interpreter and on Wasm",
            "clarinet-wasm".bold()
        );
        match &self.project {
            Some(p) => {
                let _ = writeln!(
                    s,
                    "project {} ({})",
                    p.name.bold(),
                    p.manifest_path.display()
                );
            }
            None => {
                let _ = writeln!(s, "no project: an empty chain");
            }
        }
        for n in &self.startup {
            let _ = writeln!(s, "{} {n}", "warning:".yellow().bold());
        }
        if !self.contracts.is_empty() {
            let _ = writeln!(s, "contracts:");
            for c in &self.contracts {
                let _ = writeln!(s, "  {c}");
            }
        }
        let _ = writeln!(s, "accounts:");
        for a in &self.accounts {
            let _ = writeln!(s, "  {:<10} {}", a.name, a.address);
        }
        let _ = writeln!(
            s,
            "epoch {}, {}, tx-sender {}",
            self.dual.interp.epoch, self.dual.interp.clarity_version, self.sender
        );
        let _ = writeln!(s, "type ::help for the commands");
        s
    }

    /// Run one complete input: a `::` command, or Clarity.
    pub fn input(&mut self, src: &str) -> Reply {
        let t = src.trim();
        if t.is_empty() {
            return Reply::ok("");
        }
        if t.starts_with("::") {
            return crate::commands::run(self, t);
        }
        self.eval(t, self.show)
    }

    /// Clarity typed in, as Clarinet's console takes it: one expression without
    /// definitions is evaluated; anything else is deployed as the next `contract-N`.
    pub(crate) fn eval(&mut self, src: &str, show: Show) -> Reply {
        let single = crate::forms::top_level_forms(src) == 1 && !src.contains("(define-");
        let report = if single {
            self.dual.eval(src, &self.sender)
        } else {
            let name = format!("contract-{}", self.contracts.len());
            let issuer = self.issuer();
            let version = self.dual.reference().clarity_version;
            let r = self.dual.deploy(&name, src, &issuer, version);
            if r.interpreter.result.is_ok() {
                self.contracts.push(QualifiedContractIdentifier::new(
                    issuer,
                    name.as_str().into(),
                ));
            }
            r
        };
        if self.dual.runtimes != Runtimes::Both && !report.interpreter.writes.is_empty() {
            self.parted = true;
        }
        let (text, failed) = render::step(&report, show);
        Reply { text, failed }
    }

    pub(crate) fn issuer(&self) -> StandardPrincipalData {
        match &self.sender {
            PrincipalData::Standard(s) => s.clone(),
            PrincipalData::Contract(c) => c.issuer.clone(),
        }
    }

    /// A principal, or the name of an account.
    pub(crate) fn principal(&self, s: &str) -> Option<PrincipalData> {
        if let Some(a) = self.accounts.iter().find(|a| a.name == s) {
            return Some(PrincipalData::Standard(a.address.clone()));
        }
        PrincipalData::parse(s.trim_start_matches('\'')).ok()
    }

    /// A contract by its name (the sender's or a project's) or its full identifier.
    pub(crate) fn contract(&self, s: &str) -> Option<QualifiedContractIdentifier> {
        let s = s.trim_start_matches('\'');
        if let Ok(id) = QualifiedContractIdentifier::parse(s) {
            return Some(id);
        }
        let name = s.trim_start_matches('.');
        self.contracts
            .iter()
            .find(|c| c.name.as_str() == name)
            .cloned()
    }

    /// Names for completion: contracts, their functions (`contract.function`), accounts.
    pub fn names(&mut self) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for a in &self.accounts {
            out.insert(a.name.clone());
        }
        let ids = self.contracts.clone();
        for id in ids {
            out.insert(format!(".{}", id.name));
            for f in crate::commands::functions_of(self, &id) {
                out.insert(f.0);
            }
        }
        out
    }
}
