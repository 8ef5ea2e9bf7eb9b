//! The cost functions a chain's transactions are charged with on the Wasm path: the boot
//! cost contract of the chain's epoch, found the way clarity-vm's tracker finds it, read
//! from the chain's own database and translated natively once per distinct source.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use clarinet_wasm_costs::{default_cost_contract, CostTable};
use clarity::vm::database::ClarityDatabase;
use clarity::vm::types::QualifiedContractIdentifier;

use crate::chain::{parse_standard, Chain, BOOT_TESTNET_ADDRESS};

/// Why the Wasm path cannot meter a chain.
pub type TableError = String;

/// The cost table the interpreter's tracker would use on `chain` now.
pub fn table_for(chain: &mut Chain) -> Result<Arc<CostTable>, TableError> {
    let mut db = ClarityDatabase::new(&mut chain.store, &chain.burn, &chain.burn);
    db.begin();
    let r = table_in(&mut db);
    db.roll_back();
    r
}

fn table_in(db: &mut ClarityDatabase) -> Result<Arc<CostTable>, TableError> {
    let epoch = db.get_clarity_epoch_version();
    let name = default_cost_contract(epoch).ok_or("no cost contract before epoch 2.0")?;
    let boot = parse_standard(BOOT_TESTNET_ADDRESS);
    let id = QualifiedContractIdentifier::new(boot.clone(), name.into());
    // A cost function replaced by a confirmed cost-voting proposal would be evaluated
    // from the proposal's contract; the Wasm path does not apply such replacements and
    // says so rather than charge with the wrong function.
    let voting = QualifiedContractIdentifier::new(boot, "cost-voting".into());
    if db.has_contract(&voting) {
        let confirmed = db
            .lookup_variable_unknown_descriptor(&voting, "confirmed-proposal-count")
            .map_err(|e| format!("cannot read the cost-voting contract: {e}"))?;
        if let clarity::vm::Value::UInt(n) = confirmed {
            if n > 0 {
                return Err(format!(
                    "the cost-voting contract has confirmed {n} change(s) to cost functions; \
                     the Wasm path meters with the boot cost contract only"
                ));
            }
        }
    }
    let source = db
        .get_contract_src(&id)
        .ok_or_else(|| format!("cost contract {id} is not deployed"))?;
    cached(&id, &source)
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
