//! Clarinet projects: loading a project from its files, and running its Clarity unit
//! tests on the interpreter and on Wasm. Front-ends (the CLI now, the LSP and devnet
//! later) share this; it stands on the runtime.

mod deps;
pub mod manifest;
pub mod unit_tests;
pub mod runner;

pub use manifest::{find_manifest, load, Project, ProjectContract, ProjectError};
