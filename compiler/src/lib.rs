//! clarinet-wasm's compiler: a type-checked Clarity contract in, a Wasm module out.
//!
//! Input: the AST and type map of clarity-vm's analysis. Output: a module built with
//! walrus and its [`Metadata`]. The value ABI is in [`abi`], the host interface in
//! [`host`]. Start reading at [`compile`], then `codegen.rs` (the dispatch), then the
//! files under `words/`, one per family of Clarity words.
//!
//! This crate knows nothing of wasmtime or of the database: it never runs code.

pub mod abi;
pub mod bound;
mod codegen;
pub mod host;
mod metadata;
pub mod meter;
mod rtypes;
mod text;
mod trace;
mod types;
mod words;

pub use bound::{function_bounds, with_contract_load, FunctionBound};
pub use codegen::{compile, compile_with, unsupported, Options};

/// Test-only (the runtime's fault injection): compile `+`, `-` and integer comparisons as
/// calls of the host's functions, as they were before they ran inline.
pub fn set_host_arithmetic(on: bool) {
    words::arithmetic::HOST_ARITHMETIC.store(on, std::sync::atomic::Ordering::Relaxed);
}
pub use metadata::{
    ChargeItem, CompileError, Compiled, ConstantMeta, DefineKind, FunctionKind, FunctionMeta,
    Metadata, TopLevel,
};
