//! The chain state both runtimes read and write: a `ClarityBackingStore` of our own.
//!
//! clarity-repl's `Datastore` keeps its maps private; this one is `Clone` (a test or a
//! dual run starts from a copy), can list every key (the state diff), and records what
//! was written since the last `take_writes` (the "state written" of a step).

use std::collections::BTreeMap;

use clarity::types::chainstate::StacksBlockId;
use clarity::util::hash::Sha512Trunc256Sum;
use clarity::vm::database::ClarityBackingStore;
use clarity::vm::errors::InterpreterResult;
use clarity::vm::types::QualifiedContractIdentifier;

/// A key written by a step: the data store or a contract's metadata.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub enum StateKey {
    Data(String),
    Metadata(String, String),
}

#[derive(Clone, Debug, Default)]
pub struct MemStore {
    data: BTreeMap<String, String>,
    metadata: BTreeMap<(String, String), String>,
    chain_height: u32,
    /// The block reads are served from (changes under `at-block`).
    current_height: u32,
    writes: BTreeMap<StateKey, String>,
    /// Counts writes to what decides the cost functions (the epoch, the cost-voting
    /// contract's state, the tracker's own bookkeeping), so that a cached cost table can
    /// be trusted without reading the database.
    cost_generation: u64,
}

/// A value's consensus serialization in hex: the text the database stores
/// (`Value::serialize`, without its formatter call per byte: the hot part of every map and
/// data-var write on the Wasm path). Also how values are shown as bytes (`::encode`).
pub fn value_hex(v: &clarity::vm::Value) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut bytes = Vec::new();
    v.serialize_write(&mut bytes)
        .expect("writing to a Vec cannot fail");
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    out
}

/// The block id clarity-repl's `BurnDatastore` answers header queries for: both sides must
/// agree on it, so it is computed the same way (sha512/256 of the big-endian height).
pub fn height_to_id(height: u32) -> StacksBlockId {
    StacksBlockId(Sha512Trunc256Sum::from_data(&height.to_be_bytes()).0)
}

impl MemStore {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn advance_chain_tip(&mut self, count: u32) -> u32 {
        self.chain_height += count;
        self.current_height = self.chain_height;
        self.chain_height
    }

    /// The chain tip's height (`block-height` at the tip).
    pub fn chain_height(&self) -> u32 {
        self.chain_height
    }

    pub fn cost_generation(&self) -> u64 {
        self.cost_generation
    }

    /// The owner of every asset of non-fungible token `name` of `contract` (burned ones
    /// left out): the database keeps an owner per asset under `make_key_for_quad`'s key
    /// for the token, and no index per owner, so the keys are scanned.
    pub fn nft_owners(
        &self,
        contract: &QualifiedContractIdentifier,
        name: &str,
    ) -> Vec<clarity::vm::types::PrincipalData> {
        use clarity::vm::database::{ClarityDatabase, StoreType};
        use clarity::vm::Value;
        let prefix =
            ClarityDatabase::make_key_for_quad(contract, StoreType::NonFungibleToken, name, "");
        self.data
            .range(prefix.clone()..)
            .take_while(|(k, _)| k.starts_with(&prefix))
            .filter_map(|(_, v)| match Value::try_deserialize_hex_untyped(v).ok()? {
                Value::Optional(o) => match o.data.map(|b| *b) {
                    Some(Value::Principal(p)) => Some(p),
                    _ => None,
                },
                _ => None,
            })
            .collect()
    }

    /// Every key/value written since the previous call.
    pub fn take_writes(&mut self) -> BTreeMap<StateKey, String> {
        std::mem::take(&mut self.writes)
    }
}

thread_local! {
    // clarity-vm asks every backing store for a SQLite side store; nothing we run uses it,
    // so one empty in-memory connection per thread serves all stores.
    static SIDE_STORE: &'static clarity::rusqlite::Connection = Box::leak(Box::new(
        clarity::rusqlite::Connection::open_in_memory().expect("in-memory sqlite"),
    ));
}

impl ClarityBackingStore for MemStore {
    fn put_all(&mut self, items: Vec<(String, String)>) {
        for (key, value) in items {
            if key.starts_with("vm-epoch::")
                || key.starts_with("vm-costs::")
                || key.contains(".cost-voting::")
            {
                self.cost_generation += 1;
            }
            self.writes
                .insert(StateKey::Data(key.clone()), value.clone());
            self.data.insert(key, value);
        }
    }

    fn get(&mut self, key: &str) -> Option<String> {
        self.data.get(key).cloned()
    }

    fn get_with_proof(&mut self, key: &str) -> Option<(String, Vec<u8>)> {
        self.get(key).map(|v| (v, vec![]))
    }

    fn set_block_hash(&mut self, bhh: StacksBlockId) -> InterpreterResult<StacksBlockId> {
        let prior = height_to_id(self.current_height);
        // Heights are few; find the one whose id this is. An id of no block is the error
        // a node's store gives (clarity-repl's own datastore panics on the next read).
        let Some(h) = (0..=self.chain_height).find(|h| height_to_id(*h) == bhh) else {
            return Err(
                clarity::vm::errors::RuntimeErrorType::UnknownBlockHeaderHash(
                    clarity::types::chainstate::BlockHeaderHash(bhh.0),
                )
                .into(),
            );
        };
        self.current_height = h;
        Ok(prior)
    }

    fn get_block_at_height(&mut self, height: u32) -> Option<StacksBlockId> {
        Some(height_to_id(height))
    }

    fn get_current_block_height(&mut self) -> u32 {
        self.current_height
    }

    fn get_open_chain_tip_height(&mut self) -> u32 {
        self.chain_height
    }

    fn get_open_chain_tip(&mut self) -> StacksBlockId {
        height_to_id(self.chain_height)
    }

    fn get_side_store(&mut self) -> &clarity::rusqlite::Connection {
        SIDE_STORE.with(|c| *c)
    }

    fn make_contract_commitment(&mut self, _contract_hash: Sha512Trunc256Sum) -> String {
        // As clarity-repl's datastore: the commitment is not consulted off-chain.
        String::new()
    }

    fn get_contract_hash(
        &mut self,
        contract: &QualifiedContractIdentifier,
    ) -> InterpreterResult<(StacksBlockId, Sha512Trunc256Sum)> {
        Err(clarity::vm::errors::InterpreterError::DBError(format!(
            "no contract hash for {contract}"
        ))
        .into())
    }

    fn insert_metadata(&mut self, contract: &QualifiedContractIdentifier, key: &str, value: &str) {
        let k = (contract.to_string(), key.to_string());
        if k.0.ends_with(".cost-voting") {
            self.cost_generation += 1;
        }
        self.writes.insert(
            StateKey::Metadata(k.0.clone(), k.1.clone()),
            value.to_string(),
        );
        self.metadata.insert(k, value.to_string());
    }

    fn get_metadata(
        &mut self,
        contract: &QualifiedContractIdentifier,
        key: &str,
    ) -> InterpreterResult<Option<String>> {
        Ok(self
            .metadata
            .get(&(contract.to_string(), key.to_string()))
            .cloned())
    }

    fn get_metadata_manual(
        &mut self,
        _at_height: u32,
        contract: &QualifiedContractIdentifier,
        key: &str,
    ) -> InterpreterResult<Option<String>> {
        self.get_metadata(contract, key)
    }
}
