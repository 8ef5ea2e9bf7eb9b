//! A contract the Wasm path cannot take (forced through the test-only fault injection:
//! `at-block` refused) is reported per contract, and the tests that need it run on the
//! interpreter alone, marked so; the others still run on both. Alone in its file: the
//! fault is process-wide.

use std::path::Path;

use clarinet_wasm_project::load;
use clarinet_wasm_project::runner::{run, RunOptions, Status};

#[test]
fn an_uncompiled_contract_keeps_its_tests_on_the_interpreter() {
    std::env::set_var("CLARINET_WASM_FAULT", "refuse:at-block");
    let manifest =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/projects/failing/Clarinet.toml");
    let project = load(&manifest).unwrap();
    let r = run(
        &project,
        &RunOptions {
            wasm: true,
            costs: true,
            ..Default::default()
        },
        |_| {},
    )
    .unwrap();
    assert_eq!(r.unsupported.len(), 1, "{:#?}", r.unsupported);
    assert!(r.unsupported[0]
        .reason
        .contains("not supported yet: at-block"));
    let result = |name: &str| r.results.iter().find(|t| t.name == name).unwrap();
    let digest = result("test-digest");
    assert_eq!(digest.status, Status::Pass);
    assert!(digest
        .interpreter_only
        .as_deref()
        .unwrap_or_default()
        .contains("hasher"));
    // The math tests do not need hasher: they ran on both.
    assert!(result("test-add").interpreter_only.is_none());
    assert_eq!(r.mismatches(), 0);
}
