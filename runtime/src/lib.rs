//! clarinet-wasm's runtime: runs contracts on the interpreter (the reference) and on
//! wasmtime (compiled by `clarinet-wasm-compiler`), over the same chain state, and
//! compares the two.

pub mod analyze;
pub mod chain;
pub mod dual;
pub mod interp;
pub mod outcome;
pub mod store;
pub mod wasm;

pub use chain::Chain;
pub use outcome::{ErrorDesc, Outcome};
