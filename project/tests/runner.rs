//! The unit-test runner on fixture projects, both runtimes.

use std::path::{Path, PathBuf};

use clarinet_wasm_project::runner::{run, RunOptions, RunReport, Status, TestResult};
use clarinet_wasm_project::{load, ProjectError};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/projects")
        .join(name)
        .join("Clarinet.toml")
}

fn run_fixture(name: &str, wasm: bool) -> RunReport {
    let project = load(&fixture(name)).unwrap();
    run(
        &project,
        &RunOptions {
            wasm,
            costs: true,
            ..Default::default()
        },
        |_| {},
    )
    .unwrap()
}

fn result<'a>(r: &'a RunReport, name: &str) -> &'a TestResult {
    r.results
        .iter()
        .find(|t| t.name == name)
        .unwrap_or_else(|| panic!("no test {name}: {:#?}", r.results))
}

#[test]
fn all_passing_on_both_runtimes() {
    let r = run_fixture("passing", true);
    assert_eq!(r.results.len(), 6, "{:#?}", r.results);
    for t in &r.results {
        assert_eq!(t.status, Status::Pass, "{t:#?}");
        assert!(t.interpreter_only.is_none());
        assert!(t.cost.is_some(), "costs are tracked on the interpreter");
    }
    // Annotations: @name renames, functions that are not test-* are not tests.
    assert!(r
        .results
        .iter()
        .any(|t| t.name == "twice through the front" && t.function == "test-front"));
    assert!(!r.results.iter().any(|t| t.function == "not-a-test"));
    assert_eq!(r.passed(), 6);
    assert_eq!(r.failed(), 0);
}

#[test]
fn prepare_runs_before_each_test_unless_no_prepare() {
    let r = run_fixture("passing", true);
    assert_eq!(result(&r, "test-prepare-ran").status, Status::Pass);
    assert_eq!(result(&r, "test-no-prepare").status, Status::Pass);
}

#[test]
fn callers_by_account_name_and_by_principal() {
    let r = run_fixture("passing", true);
    assert_eq!(result(&r, "caller by account name").status, Status::Pass);
    assert_eq!(result(&r, "caller by principal").status, Status::Pass);
    assert_eq!(result(&r, "test-mined").status, Status::Pass);
}

#[test]
fn failing_assertion_runtime_error_and_bad_annotation() {
    let r = run_fixture("failing", true);
    assert_eq!(result(&r, "test-add").status, Status::Pass);
    let wrong = result(&r, "a failing assertion");
    assert_eq!(wrong.status, Status::Fail);
    assert_eq!(wrong.message, "(err u42)");
    let div = result(&r, "a runtime error");
    assert_eq!(div.status, Status::Fail);
    assert!(div.message.contains("DivisionByZero"), "{}", div.message);
    let bad = result(&r, "test-bad-annotation");
    assert_eq!(bad.status, Status::Fail);
    assert!(
        bad.message.contains("unknown annotation @frobnicate"),
        "{}",
        bad.message
    );
    // hasher uses at-block: compiled like the rest, so every test ran on both.
    assert!(r.unsupported.is_empty(), "{:#?}", r.unsupported);
    assert!(r.results.iter().all(|t| t.interpreter_only.is_none()));
    assert_eq!(result(&r, "test-digest").status, Status::Pass);
    assert_eq!(r.mismatches(), 0);
}

#[test]
fn interpreter_alone_without_wasm() {
    let r = run_fixture("failing", false);
    assert!(r.unsupported.is_empty());
    assert!(r.results.iter().all(|t| t.interpreter_only.is_none()));
    assert_eq!(r.passed(), 2);
    assert_eq!(r.failed(), 3);
}

#[test]
fn filter_selects_tests() {
    let project = load(&fixture("passing")).unwrap();
    let r = run(
        &project,
        &RunOptions {
            wasm: true,
            filter: Some("caller".into()),
            ..Default::default()
        },
        |_| {},
    )
    .unwrap();
    assert_eq!(r.results.len(), 2);
}

/// A project written to a fresh directory.
fn scratch(files: &[(&str, &str)]) -> PathBuf {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "clarinet-wasm-broken-{}-{}",
        std::process::id(),
        N.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir.join("Clarinet.toml")
}

const HEAD: &str = "[project]\nname = \"broken\"\nrequirements = []\n";

fn load_err(files: &[(&str, &str)]) -> String {
    let ProjectError(msg) = load(&scratch(files)).unwrap_err();
    msg
}

#[test]
fn broken_projects_give_one_clear_message() {
    let missing = load_err(&[(
        "Clarinet.toml",
        &format!("{HEAD}[contracts.a]\npath = \"contracts/a.clar\"\n"),
    )]);
    assert!(
        missing.contains("contract 'a': cannot read contracts/a.clar"),
        "{missing}"
    );

    let bad_toml = load_err(&[("Clarinet.toml", "[project\nname = 1")]);
    assert!(bad_toml.contains("invalid TOML"), "{bad_toml}");
    assert!(bad_toml.contains("Clarinet.toml:1:"), "{bad_toml}");

    let unknown = load_err(&[
        (
            "Clarinet.toml",
            &format!(
                "{HEAD}[contracts.a]\npath = \"contracts/a.clar\"\ndeployer = \"wallet_99\"\n"
            ),
        ),
        ("contracts/a.clar", "(define-read-only (f) u1)"),
    ]);
    assert!(
        unknown.contains("unknown deployer account 'wallet_99'"),
        "{unknown}"
    );

    let cycle = load_err(&[
        ("Clarinet.toml", &format!("{HEAD}[contracts.a]\npath = \"contracts/a.clar\"\n[contracts.b]\npath = \"contracts/b.clar\"\n")),
        ("contracts/a.clar", "(define-public (f) (contract-call? .b g))"),
        ("contracts/b.clar", "(define-public (g) (contract-call? .a f))"),
    ]);
    assert!(
        cycle.contains("dependency cycle between contracts: a -> b -> a")
            || cycle.contains("b -> a -> b"),
        "{cycle}"
    );

    let bad_devnet = load_err(&[
        ("Clarinet.toml", HEAD),
        ("settings/Devnet.toml", "[network]\nname = \"devnet\"\n[accounts.deployer]\nmnemonic = \"not a mnemonic\"\nbalance = 1\n"),
    ]);
    assert!(bad_devnet.contains("settings/Devnet.toml"), "{bad_devnet}");

    let requirement = load_err(&[("Clarinet.toml", "[project]\nname = \"r\"\n[[project.requirements]]\ncontract_id = \"SP3FBR2AGK5H9QBDH3EEN6DF8EK8JY7RX8QJ5SVTE.sip-010-trait-ft-standard\"\n")]);
    assert!(
        requirement.contains("SP3FBR2AGK5H9QBDH3EEN6DF8EK8JY7RX8QJ5SVTE.sip-010-trait-ft-standard"),
        "{requirement}"
    );
    assert!(requirement.contains("cache"), "{requirement}");
}

#[test]
fn a_contract_with_a_type_error_stops_the_run_with_its_position() {
    let manifest = scratch(&[
        ("Clarinet.toml", &format!("{HEAD}[contracts.a]\npath = \"contracts/a.clar\"\nclarity_version = 2\nepoch = 2.4\n")),
        ("contracts/a.clar", "(define-read-only (f)\n  (+ 1 u1))"),
    ]);
    let project = load(&manifest).unwrap();
    let err = run(&project, &RunOptions::default(), |_| {}).unwrap_err();
    assert!(err.0.starts_with("contracts/a.clar:2:3: error:"), "{err}");
}

#[test]
fn requirements_come_from_the_cache() {
    let manifest = scratch(&[
        (
            "Clarinet.toml",
            "[project]\nname = \"r\"\n[[project.requirements]]\ncontract_id = \"SP000000000000000000002Q6VF78.helper\"\n[contracts.user]\npath = \"contracts/user.clar\"\nclarity_version = 2\nepoch = 2.4\n",
        ),
        (".cache/requirements/SP000000000000000000002Q6VF78.helper.clar", "(define-read-only (seven) u7)"),
        (".cache/requirements/SP000000000000000000002Q6VF78.helper.json", "{\"epoch\":\"2.4\",\"clarity_version\":2}"),
        ("contracts/user.clar", "(define-read-only (use) (contract-call? 'SP000000000000000000002Q6VF78.helper seven))"),
        ("tests/user_test.clar", "(define-public (test-use) (ok (asserts! (is-eq (contract-call? .user use) u7) (err u1))))"),
    ]);
    let project = load(&manifest).unwrap();
    assert_eq!(project.contracts[0].name(), "helper");
    assert!(project.contracts[0].is_requirement);
    let r = run(
        &project,
        &RunOptions {
            wasm: true,
            ..Default::default()
        },
        |_| {},
    )
    .unwrap();
    assert_eq!(r.passed(), 1, "{:#?}", r.results);
}
