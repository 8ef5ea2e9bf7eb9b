//! The host interface: every function a compiled module imports (module `clarity`), with
//! its Wasm signature. The runtime implements exactly these; this list is the contract
//! between the two crates.

use walrus::ValType::{self, I32, I64};

/// (name, params, results)
pub const IMPORTS: &[(&str, &[ValType], &[ValType])] = &[
    // 128-bit arithmetic with the interpreter's checks; operands as (low, high) halves.
    ("add-int", &[I64, I64, I64, I64], &[I64, I64]),
    ("add-uint", &[I64, I64, I64, I64], &[I64, I64]),
    ("sub-int", &[I64, I64, I64, I64], &[I64, I64]),
    ("sub-uint", &[I64, I64, I64, I64], &[I64, I64]),
    ("mul-int", &[I64, I64, I64, I64], &[I64, I64]),
    ("mul-uint", &[I64, I64, I64, I64], &[I64, I64]),
    ("div-int", &[I64, I64, I64, I64], &[I64, I64]),
    ("div-uint", &[I64, I64, I64, I64], &[I64, I64]),
    ("mod-int", &[I64, I64, I64, I64], &[I64, I64]),
    ("mod-uint", &[I64, I64, I64, I64], &[I64, I64]),
    ("pow-int", &[I64, I64, I64, I64], &[I64, I64]),
    ("pow-uint", &[I64, I64, I64, I64], &[I64, I64]),
    ("neg-int", &[I64, I64], &[I64, I64]),
    ("neg-uint", &[I64, I64], &[I64, I64]),
    ("sqrti-int", &[I64, I64], &[I64, I64]),
    ("sqrti-uint", &[I64, I64], &[I64, I64]),
    ("log2-int", &[I64, I64], &[I64, I64]),
    ("log2-uint", &[I64, I64], &[I64, I64]),
    ("to-int", &[I64, I64], &[I64, I64]),
    ("to-uint", &[I64, I64], &[I64, I64]),
    // -1, 0 or 1
    ("cmp-int", &[I64, I64, I64, I64], &[I32]),
    ("cmp-uint", &[I64, I64, I64, I64], &[I32]),
    ("cmp-bytes", &[I32, I32, I32, I32], &[I32]),
    // Values in memory form: (type id, address). Type ids index `Metadata::types`.
    ("eq-values", &[I32, I32, I32], &[I32]),
    ("print", &[I32, I32], &[]),
    ("convert", &[I32, I32, I32, I32], &[]),
    // rtypes (see `abi`): the type a list or tuple (type id, address) gets from its
    // contents; a tuple's with another's fields merged over it; the size of one.
    ("rtype-of", &[I32, I32], &[I32]),
    ("rtype-merge", &[I32, I32], &[I32]),
    ("rtype-size", &[I32], &[I64]),
    // Clarity 2's implicit cast of a function argument (declared type id, representation
    // type id, source address, destination address).
    ("implicit-cast", &[I32, I32, I32, I32], &[]),
    // `Value::serialized_size` of a value (type id, address).
    ("serialized-size", &[I32, I32], &[I64]),
    // Data: (name id, type id, address ...). Name ids index `Metadata::names`.
    ("var-get", &[I32, I32, I32], &[]),
    ("var-set", &[I32, I32, I32], &[]),
    ("map-get", &[I32, I32, I32, I32, I32], &[]),
    ("map-set", &[I32, I32, I32, I32, I32], &[I32]),
    ("map-insert", &[I32, I32, I32, I32, I32], &[I32]),
    ("map-delete", &[I32, I32, I32], &[I32]),
    // `contract-call?`: (callee principal offset, length, function name id, address of n
    // (type id, address) argument pairs, n, result type id, result address, trait type
    // id: -1 for a literal callee, else the callee's trait type for dynamic dispatch).
    (
        "contract-call",
        &[I32, I32, I32, I32, I32, I32, I32, I32],
        &[],
    ),
    // `contract-of`: (principal offset, length); fails unless the contract exists.
    ("contract-of", &[I32, I32], &[]),
    // A public or read-only function called from its own contract: a nested transaction
    // (read-only flag), then its end (1 = commit, 0 = roll back).
    ("begin-call", &[I32], &[]),
    ("end-call", &[I32], &[]),
    // A word the host implements: (word name id, address of n (kind, id, address)
    // argument triples, n, result type id, result address); kind 0 = a value of type id
    // at address, 1 = a name (name id), 2 = a type (type id).
    ("call-native", &[I32, I32, I32, I32, I32], &[]),
    // A hash (kind: `natives::HASHES` index) of a buffer (offset, length) or of an
    // integer (low, high halves), charged in Wasm: the digest's (offset, length).
    ("hash-buff", &[I32, I32, I32], &[I32, I32]),
    ("hash-int", &[I32, I64, I64], &[I32, I32]),
    // A buffer argument that must be exactly n bytes: (offset, length, n); else the
    // interpreter's type error.
    ("expect-buff-length", &[I32, I32, I32], &[]),
    // `as-contract` around its body.
    ("as-contract-begin", &[], &[]),
    ("as-contract-end", &[], &[]),
    // Chain and transaction context.
    ("tx-sender", &[], &[I32, I32]),
    ("contract-caller", &[], &[I32, I32]),
    ("block-height", &[], &[I64]),
    ("burn-block-height", &[], &[I64]),
    ("chain-id", &[], &[I64]),
    ("is-in-mainnet", &[], &[I32]),
    // `stx-liquid-supply` (low, high halves) and `tx-sponsor?` (optional principal).
    ("stx-liquid-supply", &[], &[I64, I64]),
    ("tx-sponsor", &[], &[I32, I32, I32]),
    // `at-block` around its body: (block id offset, length), then its end.
    ("at-block-begin", &[I32, I32], &[]),
    ("at-block-end", &[], &[]),
    ("is-in-regtest", &[], &[I32]),
    // Errors: a runtime error by code (see `ErrorCode`), or a short return outside a
    // function (kind, type id, address of the value).
    ("runtime-error", &[I32], &[]),
    // `IncorrectArgumentCount(expected, got)`: `map`'s function given fewer arguments.
    ("argument-count", &[I32, I32], &[]),
    ("short-return", &[I32, I32, I32], &[]),
    // Metering (see `meter.rs`): a charge whose input is known only at run time (cost
    // function, input); the failure of a batch of charges (its id in
    // `Metadata::batches`); `add_memory` past the limit (amount); the call stack too deep
    // (batch id, number of its charges made before the check).
    ("charge", &[I32, I64], &[]),
    ("meter-exceeded", &[I32], &[]),
    ("memory-exceeded", &[I64], &[]),
    ("depth-exceeded", &[I32, I32], &[]),
    // The console's `::trace` (modules from `Options::tracing` only, see `trace.rs`): a
    // call begins; its function (name id) and arguments (address of n (type id,
    // address) pairs, n); its result (type id, address).
    ("trace-begin", &[], &[]),
    ("trace-call", &[I32, I32, I32], &[]),
    ("trace-end", &[I32, I32], &[]),
];

/// Address of the meter block: the metering state of the transaction while Wasm runs,
/// little-endian `u64`s at these offsets. The runtime writes it before entering the
/// module and reads it back after (and around every host function that meters).
pub const METER_ADDR: u32 = 8;

pub mod meter {
    pub const RUNTIME: u32 = 0;
    pub const READ_COUNT: u32 = 8;
    pub const READ_LENGTH: u32 = 16;
    pub const WRITE_COUNT: u32 = 24;
    pub const WRITE_LENGTH: u32 = 32;
    /// Memory accounted (`add_memory`), and how much of it is never given back in the
    /// transaction (data writes).
    pub const MEMORY: u32 = 40;
    pub const LEAK: u32 = 48;
    /// The interpreter's call-stack depth where a callee starts.
    pub const DEPTH: u32 = 56;
    pub const LIMIT_RUNTIME: u32 = 64;
    pub const LIMIT_READ_COUNT: u32 = 72;
    pub const LIMIT_READ_LENGTH: u32 = 80;
    pub const LIMIT_WRITE_COUNT: u32 = 88;
    pub const LIMIT_WRITE_LENGTH: u32 = 96;
    pub const LIMIT_MEMORY: u32 = 104;
    pub const SIZE: u32 = 112;
}

pub const MODULE: &str = "clarity";

/// Codes for `runtime-error`.
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    UnwrapFailure = 1,
    /// The module's linear memory could not grow (the runtime's bound).
    MemoryExhausted = 2,
}

/// Kinds for `short-return`, as the interpreter's `ShortReturnType`.
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShortReturnKind {
    ExpectedValue = 0,
    AssertionFailed = 1,
}

/// Exports every module has besides the contract's functions.
pub const MEMORY_EXPORT: &str = "memory";
pub const HEAP_EXPORT: &str = "heap";

/// The export name of the function evaluating top-level expression `i`.
pub fn top_level_export(i: usize) -> String {
    format!(".top.{i}")
}
