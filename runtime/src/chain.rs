//! A chain both runtimes can run on: the state store, the burnchain/headers view
//! clarity-repl simulates, the epoch, the funded devnet accounts, and the Wasm modules of
//! contracts deployed on the Wasm path. `Clone` gives each runtime (or each test) its copy.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, OnceLock};

use clarity::types::StacksEpochId;
use clarity::vm::contexts::OwnedEnvironment;
use clarity::vm::costs::{ExecutionCost, LimitedCostTracker};
use clarity::vm::database::ClarityDatabase;
use clarity::vm::types::{PrincipalData, QualifiedContractIdentifier, StandardPrincipalData};
use clarity::vm::ClarityVersion;
use clarity_repl::repl::datastore::{BurnDatastore, StacksConstants};

use crate::store::MemStore;

pub const CHAIN_ID_TESTNET: u32 = 0x8000_0000;
pub const BOOT_TESTNET_ADDRESS: &str = "ST000000000000000000002AMW42H";

/// The standard Clarinet devnet accounts (settings/Devnet.toml of a new project).
pub const DEVNET_ACCOUNTS: [(&str, &str); 10] = [
    ("deployer", "ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM"),
    ("wallet_1", "ST1SJ3DTE5DN7X54YDH5D64R3BCB6A2AG2ZQ8YPD5"),
    ("wallet_2", "ST2CY5V39NHDPWSXMW9QDT3HC3GD6Q6XX4CFRK9AG"),
    ("wallet_3", "ST2JHG361ZXG51QTKY2NQCVBPPRRE2KZB1HR05NNC"),
    ("wallet_4", "ST2NEB84ASENDXKYGJPQW86YXQCEFEX2ZQPG87ND"),
    ("wallet_5", "ST2REHHS5J3CERCRBEPMGH7921Q6PYKAADT7JP2VB"),
    ("wallet_6", "ST3AM1A56AK2C1XAFJ4115ZSV26EB49BVQ10MGCS0"),
    ("wallet_7", "ST3PF13W7Z0RRM42A8VZRVFQ75SV1K26RXEP8YGKJ"),
    ("wallet_8", "ST3NBRSFKX28FQ2ZJ1MAKX58HKHSDGNV5N7R21XCP"),
    ("faucet", "STNHKEPYEPJ8ET55ZZ0M5A34J0R3N5FM2CMMMAZ6"),
];
pub const DEVNET_BALANCE: u128 = 100_000_000_000_000;

#[derive(Clone, Debug)]
pub struct Account {
    pub name: String,
    pub address: StandardPrincipalData,
    pub balance: u128,
}

/// A contract deployed on the Wasm path: its compiled module and metadata.
pub type WasmContracts = BTreeMap<QualifiedContractIdentifier, Arc<crate::wasm::LoadedContract>>;

#[derive(Clone)]
pub struct Chain {
    pub store: MemStore,
    pub burn: BurnDatastore,
    pub epoch: StacksEpochId,
    pub clarity_version: ClarityVersion,
    pub accounts: Vec<Account>,
    /// Shared by copies of the chain until one deploys (copy on write).
    pub wasm_contracts: Arc<WasmContracts>,
    /// Meter costs (on by default), against `cost_limit`.
    pub metering: bool,
    /// The budget of one transaction: the mainnet block limit unless set smaller.
    pub cost_limit: ExecutionCost,
    /// Compile without charges on the Wasm path: for measuring what metering costs (the
    /// benchmark), never for comparing costs.
    pub wasm_charges: bool,
    /// The Wasm path's cost table, and the state it was made for (see `costs.rs`).
    pub cost_table: Option<(crate::costs::TableKey, Arc<clarinet_wasm_costs::CostTable>)>,
    /// Count the lines the interpreter evaluates.
    pub coverage: Option<Arc<Mutex<Coverage>>>,
    /// The sponsor of the transactions run from now on (`tx-sponsor?`), if any.
    pub sponsor: Option<PrincipalData>,
}

/// Lines evaluated, per contract: the interpreter's `EvalHook` view.
#[derive(Default, Debug)]
pub struct Coverage {
    pub lines: BTreeMap<QualifiedContractIdentifier, BTreeMap<u32, u64>>,
}

struct CoverageHook(Arc<Mutex<Coverage>>);

impl clarity::vm::EvalHook for CoverageHook {
    fn will_begin_eval(
        &mut self,
        env: &mut clarity::vm::contexts::Environment,
        _context: &clarity::vm::contexts::LocalContext,
        expr: &clarity::vm::SymbolicExpression,
    ) {
        // A list is counted through its parts, as clarity-vm's own reporter does.
        if expr.match_list().is_some() || expr.span.start_line == 0 {
            return;
        }
        let mut c = self.0.lock().unwrap();
        *c.lines
            .entry(env.contract_context.contract_identifier.clone())
            .or_default()
            .entry(expr.span.start_line)
            .or_default() += 1;
    }

    fn did_finish_eval(
        &mut self,
        _env: &mut clarity::vm::contexts::Environment,
        _context: &clarity::vm::contexts::LocalContext,
        _expr: &clarity::vm::SymbolicExpression,
        _res: &Result<clarity::vm::Value, clarity::vm::errors::Error>,
    ) {
    }

    fn did_complete(&mut self, _result: Result<&mut clarity::vm::ExecutionResult, String>) {}
}

impl Chain {
    /// A chain in `epoch`, with the testnet boot contracts deployed and `accounts` funded.
    pub fn new(
        epoch: StacksEpochId,
        clarity_version: ClarityVersion,
        accounts: &[Account],
    ) -> Chain {
        let mut chain = booted(epoch).clone();
        chain.clarity_version = clarity_version;
        for a in accounts {
            chain.mint_stx(&PrincipalData::Standard(a.address.clone()), a.balance);
        }
        chain.accounts = accounts.to_vec();
        chain.metering = true;
        chain.store.take_writes();
        chain
    }

    /// The default chain: Clarity 2, epoch 2.4, the devnet accounts.
    pub fn devnet() -> Chain {
        Chain::new(
            StacksEpochId::Epoch24,
            ClarityVersion::Clarity2,
            &devnet_accounts(),
        )
    }

    pub fn account(&self, name: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| a.name == name)
    }

    pub fn deployer(&self) -> StandardPrincipalData {
        self.account("deployer")
            .map(|a| a.address.clone())
            .unwrap_or_else(|| parse_standard(DEVNET_ACCOUNTS[0].1))
    }

    /// Move the chain to `epoch` (a deployment plan's batch): what runs from now on runs
    /// in it, and the database records it, as clarity-repl's simnet does per batch.
    pub fn set_epoch(&mut self, epoch: StacksEpochId) {
        if self.epoch == epoch {
            return;
        }
        let mut db = ClarityDatabase::new(&mut self.store, &self.burn, &self.burn);
        db.begin();
        db.set_clarity_epoch_version(epoch);
        db.commit();
        self.epoch = epoch;
        self.cost_table = None;
        self.store.take_writes();
    }

    pub fn advance_blocks(&mut self, count: u32) -> u32 {
        self.burn.advance_chain_tip(count);
        self.store.advance_chain_tip(count)
    }

    /// Run `f` in an `OwnedEnvironment` over this chain (free cost tracking). While a
    /// step is traced on Wasm, what the interpreter evaluates in it (a callee the compiler
    /// refused, a boot contract) goes into the Wasm call tree too.
    pub fn with_env<R>(&mut self, f: impl FnOnce(&mut OwnedEnvironment) -> R) -> R {
        let epoch = self.epoch;
        let mut tracer = crate::trace::wasm_recorder().map(crate::trace::InterpreterTracer::new);
        let db = ClarityDatabase::new(&mut self.store, &self.burn, &self.burn);
        let mut env = OwnedEnvironment::new_cost_limited(
            false,
            CHAIN_ID_TESTNET,
            db,
            LimitedCostTracker::new_free(),
            epoch,
        );
        if let Some(t) = tracer.as_mut() {
            env.add_eval_hook(t);
        }
        f(&mut env)
    }

    /// As `with_env`, for the interpreter: metered when `metering` is on (the cost is
    /// returned), with the coverage hook when `coverage` is set. A tracker that cannot be
    /// created is an error, never a silent switch to free tracking.
    pub fn with_interpreter_env<R>(
        &mut self,
        f: impl FnOnce(&mut OwnedEnvironment) -> R,
    ) -> Result<(R, Option<ExecutionCost>), String> {
        let epoch = self.epoch;
        let mut db = ClarityDatabase::new(&mut self.store, &self.burn, &self.burn);
        let tracker = if self.metering {
            LimitedCostTracker::new(
                false,
                CHAIN_ID_TESTNET,
                self.cost_limit.clone(),
                &mut db,
                epoch,
            )
            .map_err(|e| format!("cannot create the cost tracker: {e:?}"))?
        } else {
            LimitedCostTracker::new_free()
        };
        let mut env =
            OwnedEnvironment::new_cost_limited(false, CHAIN_ID_TESTNET, db, tracker, epoch);
        let mut hook = self.coverage.clone().map(CoverageHook);
        if let Some(h) = hook.as_mut() {
            env.add_eval_hook(h);
        }
        let mut extra = INTERPRETER_HOOK.with(|h| h.borrow_mut().take());
        if let Some(h) = extra.as_mut() {
            env.add_eval_hook(h.as_mut());
        }
        let r = f(&mut env);
        let cost = if self.metering {
            Some(env.get_cost_total())
        } else {
            None
        };
        drop(env);
        INTERPRETER_HOOK.with(|h| *h.borrow_mut() = extra);
        Ok((r, cost))
    }

    /// The stored analysis of a deployed contract (its functions' types, tokens, ...).
    pub fn analysis_of(
        &mut self,
        id: &QualifiedContractIdentifier,
    ) -> Option<clarity::vm::analysis::ContractAnalysis> {
        let epoch = self.epoch;
        let mut db = clarity::vm::analysis::AnalysisDatabase::new(&mut self.store);
        db.begin();
        let a = db.load_contract(id, &epoch);
        db.roll_back();
        a
    }

    /// A deployed contract's source and its size as the database records it (what
    /// `LoadContract` is charged for).
    pub fn source_of(&mut self, id: &QualifiedContractIdentifier) -> Option<(String, u64)> {
        let mut db = ClarityDatabase::new(&mut self.store, &self.burn, &self.burn);
        db.begin();
        let r = db.get_contract_src(id).zip(db.get_contract_size(id).ok());
        db.roll_back();
        r
    }

    /// Credit `amount` µSTX to `who`, outside any transaction (genesis, the console's
    /// `::mint_stx`).
    pub fn mint_stx(&mut self, who: &PrincipalData, amount: u128) {
        let mut db = ClarityDatabase::new(&mut self.store, &self.burn, &self.burn);
        db.begin();
        let mut snapshot = db.get_stx_balance_snapshot(who);
        snapshot.credit(amount);
        snapshot.save();
        db.increment_ustx_liquid_supply(amount)
            .expect("liquid supply");
        db.commit();
    }
}

thread_local! {
    /// An evaluation hook for the interpreter runs of this thread (see `with_interpreter_hook`).
    static INTERPRETER_HOOK: std::cell::RefCell<Option<Box<dyn clarity::vm::EvalHook>>> =
        const { std::cell::RefCell::new(None) };
}

/// Run `f` with `hook` seeing every expression the interpreter evaluates on this thread
/// (clarity-repl's tracer and debugger for the console); the hook is handed back.
pub fn with_interpreter_hook<R>(
    hook: Box<dyn clarity::vm::EvalHook>,
    f: impl FnOnce() -> R,
) -> (R, Box<dyn clarity::vm::EvalHook>) {
    INTERPRETER_HOOK.with(|h| *h.borrow_mut() = Some(hook));
    let r = f();
    let hook = INTERPRETER_HOOK
        .with(|h| h.borrow_mut().take())
        .expect("the hook is put back after each run");
    (r, hook)
}

/// The budget a transaction gets by default: the mainnet block limit, as Clarinet uses.
pub fn block_limit() -> ExecutionCost {
    clarity_repl::repl::interpreter::BLOCK_LIMIT_MAINNET.clone()
}

/// Parse `runtime=N,read_count=N,...` into a budget; dimensions not named keep the block
/// limit.
pub fn parse_cost_limit(s: &str) -> Result<ExecutionCost, String> {
    let mut limit = block_limit();
    for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (k, v) = part
            .split_once('=')
            .ok_or_else(|| format!("'{part}': expected DIMENSION=N"))?;
        let n: u64 = v
            .trim()
            .replace('_', "")
            .parse()
            .map_err(|_| format!("'{part}': '{v}' is not a whole number"))?;
        let slot = match k.trim() {
            "runtime" => &mut limit.runtime,
            "read_count" => &mut limit.read_count,
            "read_length" => &mut limit.read_length,
            "write_count" => &mut limit.write_count,
            "write_length" => &mut limit.write_length,
            other => {
                return Err(format!(
                    "'{other}' is not a cost dimension (runtime, read_count, read_length, write_count, write_length)"
                ))
            }
        };
        *slot = n;
    }
    Ok(limit)
}

pub fn parse_standard(s: &str) -> StandardPrincipalData {
    PrincipalData::parse_standard_principal(s).expect("valid built-in address")
}

pub fn devnet_accounts() -> Vec<Account> {
    DEVNET_ACCOUNTS
        .iter()
        .map(|(name, addr)| Account {
            name: name.to_string(),
            address: parse_standard(addr),
            balance: DEVNET_BALANCE,
        })
        .collect()
}

/// The boot contracts are deployed once per process and epoch, by the interpreter (the
/// reference), then the chain is cloned: both runtimes start from the same bytes.
fn booted(epoch: StacksEpochId) -> &'static Chain {
    static BOOTED: OnceLock<std::sync::Mutex<BTreeMap<u32, &'static Chain>>> = OnceLock::new();
    let cell = BOOTED.get_or_init(Default::default);
    let mut map = cell.lock().unwrap();
    let key = epoch as u32;
    if let Some(c) = map.get(&key) {
        return c;
    }
    let mut chain = Chain {
        store: MemStore::new(),
        burn: BurnDatastore::new(StacksConstants {
            burn_start_height: 0,
            pox_prepare_length: 0,
            pox_reward_cycle_length: 0,
            pox_rejection_fraction: 0,
            epoch_21_start_height: 0,
        }),
        epoch,
        clarity_version: ClarityVersion::Clarity2,
        accounts: vec![],
        wasm_contracts: Arc::new(BTreeMap::new()),
        metering: false,
        cost_limit: block_limit(),
        wasm_charges: true,
        cost_table: None,
        coverage: None,
        sponsor: None,
    };
    {
        let mut db = ClarityDatabase::new(&mut chain.store, &chain.burn, &chain.burn);
        db.begin();
        db.set_clarity_epoch_version(epoch);
        db.commit();
    }
    let boot = parse_standard(BOOT_TESTNET_ADDRESS);
    for (name, code) in clarity_repl::repl::boot::STACKS_BOOT_CODE_TESTNET.iter() {
        let (boot_epoch, version) = match *name {
            "pox-3" => (StacksEpochId::Epoch24, ClarityVersion::Clarity2),
            "pox-2" | "costs-3" => (StacksEpochId::Epoch21, ClarityVersion::Clarity2),
            _ => (StacksEpochId::Epoch20, ClarityVersion::Clarity1),
        };
        if boot_epoch > epoch {
            continue;
        }
        let id = QualifiedContractIdentifier::new(boot.clone(), (*name).into());
        let out = crate::interp::deploy(&mut chain, &id, code, version);
        if let Err(e) = out.result {
            panic!("boot contract {name} failed to deploy: {e}");
        }
    }
    chain.store.take_writes();
    let leaked: &'static Chain = Box::leak(Box::new(chain));
    map.insert(key, leaked);
    leaked
}

/// The outcome of calling a contract that was never deployed (clarity-vm itself would
/// panic on the missing metadata): the error its type checker gives for it.
pub fn missing_contract(
    chain: &mut Chain,
    contract: &QualifiedContractIdentifier,
) -> Option<crate::Outcome> {
    let exists = {
        let mut db = ClarityDatabase::new(&mut chain.store, &chain.burn, &chain.burn);
        db.begin();
        let r = db.has_contract(contract);
        db.roll_back();
        r
    };
    (!exists).then(|| {
        crate::Outcome::error(
            crate::ErrorDesc::from_clarity(
                &clarity::vm::errors::CheckErrors::NoSuchContract(contract.to_string()).into(),
            )
            .kind,
        )
    })
}
