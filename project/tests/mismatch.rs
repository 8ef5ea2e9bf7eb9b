//! A mismatch, forced through the Wasm path's test-only fault injection (feature
//! `fault-injection`): addition on Wasm is off by one, the interpreter is right, and the
//! runner must say so, test by test. Alone in its file: the fault is process-wide.

use std::path::Path;

use clarinet_wasm_project::load;
use clarinet_wasm_project::runner::{run, RunOptions, Status};

#[test]
fn a_wasm_fault_is_reported_as_a_mismatch() {
    std::env::set_var("CLARINET_WASM_FAULT", "add");
    let manifest =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/projects/passing/Clarinet.toml");
    let project = load(&manifest).unwrap();
    let r = run(
        &project,
        &RunOptions {
            wasm: true,
            ..Default::default()
        },
        |_| {},
    )
    .unwrap();
    let front = r
        .results
        .iter()
        .find(|t| t.function == "test-front")
        .unwrap();
    assert_eq!(front.status, Status::Mismatch, "{front:#?}");
    let m = front.mismatch.as_ref().unwrap();
    assert!(!m.part.is_empty() && m.interpreter != m.wasm, "{m:#?}");
    assert!(r.mismatches() >= 1);
    assert_eq!(r.failed(), r.results.len() - r.passed());
    // Without --wasm, the interpreter alone runs: no fault, no mismatch.
    let alone = run(&project, &RunOptions::default(), |_| {}).unwrap();
    assert_eq!(alone.mismatches(), 0);
    assert_eq!(alone.failed(), 0);
}
