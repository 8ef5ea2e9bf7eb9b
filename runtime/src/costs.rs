//! The cost functions a chain's transactions are charged with on the Wasm path, found the
//! way clarity-vm's tracker finds them (`LimitedCostTracker::new`): the boot cost contract
//! of the chain's epoch, with the replacements that the cost-voting contract confirmed.
//! Each is translated natively (clarinet-wasm-costs) from the contract source the chain
//! holds, once per distinct state.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use clarinet_wasm_costs::{default_cost_contract, CostTable};
use clarity::types::StacksEpochId;
use clarity::vm::costs::cost_functions::ClarityCostFunction;
use clarity::vm::costs::{ClarityCostFunctionReference, LimitedCostTracker};
use clarity::vm::database::ClarityDatabase;
use clarity::vm::types::{QualifiedContractIdentifier, TypeSignature};
use clarity::vm::{ClarityName, Value};

use crate::chain::{parse_standard, Chain, BOOT_TESTNET_ADDRESS, CHAIN_ID_TESTNET};

/// Why the Wasm path cannot meter a chain.
pub type TableError = String;

/// What decides a chain's cost table: its epoch and how many proposals the cost-voting
/// contract confirmed and the tracker has processed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableKey {
    epoch: StacksEpochId,
    confirmed: u128,
    processed: u128,
    /// The store's `cost_generation` when this was read: unchanged, nothing above can
    /// have changed either.
    generation: u64,
}

impl TableKey {
    fn same_state(&self, other: &TableKey) -> bool {
        (self.epoch, self.confirmed, self.processed)
            == (other.epoch, other.confirmed, other.processed)
    }
}

/// The cost table the interpreter's tracker would use on `chain` now. Confirmed
/// proposals not yet processed are processed first exactly as the tracker does (its
/// bookkeeping writes are part of the transaction on both runtimes).
pub fn table_for(chain: &mut Chain) -> Result<Arc<CostTable>, TableError> {
    let generation = chain.store.cost_generation();
    if let Some((k, t)) = &chain.cost_table {
        if k.generation == generation {
            return Ok(t.clone());
        }
    }
    let key = {
        let mut db = ClarityDatabase::new(&mut chain.store, &chain.burn, &chain.burn);
        db.begin();
        let k = key_of(&mut db, generation);
        db.roll_back();
        k?
    };
    if key.confirmed > key.processed && chain.metering {
        // Let clarity-vm's own tracker process them (it records the new summary).
        let epoch = chain.epoch;
        let limit = chain.cost_limit.clone();
        let mut db = ClarityDatabase::new(&mut chain.store, &chain.burn, &chain.burn);
        LimitedCostTracker::new(false, CHAIN_ID_TESTNET, limit, &mut db, epoch)
            .map_err(|e| format!("the cost-voting proposals cannot be applied: {e:?}"))?;
        return table_for(chain);
    }
    if let Some((k, t)) = &chain.cost_table {
        if k.same_state(&key) {
            let t = t.clone();
            chain.cost_table = Some((key, t.clone()));
            return Ok(t);
        }
    }
    let mut db = ClarityDatabase::new(&mut chain.store, &chain.burn, &chain.burn);
    db.begin();
    let table = build(&mut db, &key);
    db.roll_back();
    let table = table?;
    chain.cost_table = Some((key, table.clone()));
    Ok(table)
}

fn boot_id(name: &str) -> QualifiedContractIdentifier {
    QualifiedContractIdentifier::new(parse_standard(BOOT_TESTNET_ADDRESS), name.into())
}

fn key_of(db: &mut ClarityDatabase, generation: u64) -> Result<TableKey, TableError> {
    let epoch = db.get_clarity_epoch_version();
    let voting = boot_id("cost-voting");
    let confirmed = if db.has_contract(&voting) {
        match db
            .lookup_variable_unknown_descriptor(&voting, "confirmed-proposal-count")
            .map_err(|e| format!("cannot read the cost-voting contract: {e}"))?
        {
            Value::UInt(n) => n,
            _ => 0,
        }
    } else {
        0
    };
    let processed = match db.get_value("vm-costs::last_processed_count", &TypeSignature::UIntType) {
        Ok(Some(v)) => match v.value {
            Value::UInt(n) => n,
            _ => 0,
        },
        _ => 0,
    };
    Ok(TableKey {
        epoch,
        confirmed,
        processed,
        generation,
    })
}

/// The summary of confirmed replacements the tracker recorded, as clarity-vm serializes
/// it (`SerializedCostStateSummary`).
#[derive(serde::Deserialize, Default)]
struct Summary {
    contract_call_circuits: Vec<(
        (QualifiedContractIdentifier, ClarityName),
        ClarityCostFunctionReference,
    )>,
    cost_function_references: Vec<(ClarityCostFunction, ClarityCostFunctionReference)>,
}

fn summary(db: &mut ClarityDatabase) -> Result<Summary, TableError> {
    let at = match db.get_value(
        "vm-costs::last-processed-at-height",
        &TypeSignature::UIntType,
    ) {
        Ok(Some(v)) => match v.value {
            Value::UInt(n) => n as u32,
            _ => return Ok(Summary::default()),
        },
        _ => return Ok(Summary::default()),
    };
    let json: Option<String> = db
        .fetch_metadata_manual(at, &boot_id("cost-voting"), "::state_summary")
        .map_err(|e| format!("cannot read the cost-voting summary: {e}"))?;
    match json {
        Some(j) => serde_json::from_str(&j)
            .map_err(|e| format!("cannot read the cost-voting summary: {e}")),
        None => Ok(Summary::default()),
    }
}

fn build(db: &mut ClarityDatabase, key: &TableKey) -> Result<Arc<CostTable>, TableError> {
    let name = default_cost_contract(key.epoch).ok_or("no cost contract before epoch 2.0")?;
    let id = boot_id(name);
    let source = db
        .get_contract_src(&id)
        .ok_or_else(|| format!("cost contract {id} is not deployed"))?;
    let base = cached(&id, &source)?;
    if key.processed == 0 {
        return Ok(base);
    }
    let summary = summary(db)?;
    if let Some(((contract, function), _)) = summary.contract_call_circuits.first() {
        return Err(format!(
            "the cost-voting contract replaced the cost of calling {contract}.{function}; \
             the Wasm path does not short-circuit contract calls"
        ));
    }
    if summary.cost_function_references.is_empty() {
        return Ok(base);
    }
    // Replaced cost functions come from the proposal's contract, translated like the
    // boot ones; a shape the translation does not know is refused, naming it.
    let mut table = (*base).clone();
    for (f, reference) in &summary.cost_function_references {
        let src = db
            .get_contract_src(&reference.contract_id)
            .ok_or_else(|| format!("cost contract {} is not deployed", reference.contract_id))?;
        table
            .with_override(*f, &reference.contract_id, &reference.function_name, &src)
            .map_err(|e| {
                format!(
                    "cost function {} was replaced by vote with {reference}, which the Wasm path cannot compute: {e}",
                    f.get_name()
                )
            })?;
    }
    Ok(Arc::new(table))
}

fn cached(id: &QualifiedContractIdentifier, source: &str) -> Result<Arc<CostTable>, TableError> {
    static CACHE: OnceLock<Mutex<HashMap<(String, String), Arc<CostTable>>>> = OnceLock::new();
    let key = (id.to_string(), source.to_string());
    let mut cache = CACHE.get_or_init(Default::default).lock().unwrap();
    if let Some(t) = cache.get(&key) {
        return Ok(t.clone());
    }
    let table = Arc::new(
        CostTable::from_contract_source(id, source)
            .map_err(|e| format!("cost contract {id}: {e}"))?,
    );
    cache.insert(key, table.clone());
    Ok(table)
}
