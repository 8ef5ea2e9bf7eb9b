//! Real Clarinet project shapes, through the binary: dependencies by Clarinet's detector,
//! simnet plans, requirement caches, epochs and versions beyond the reference, `deploy`
//! and `plan`.

mod support;
use support::*;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../project/tests/projects")
        .join(name)
}

/// A copy of a fixture in a scratch directory (commands may write plans and caches).
fn copy_of(name: &str) -> PathBuf {
    let to = std::env::temp_dir().join(format!(
        "clarinet-wasm-projects-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&to);
    copy_dir(&fixture(name), &to);
    to
}

fn run(args: &[&str], project: &Path) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_clarinet-wasm"));
    // Fixtures live in the source tree: no module cache there (the generated project,
    // in a scratch directory, keeps one).
    if project.starts_with(env!("CARGO_MANIFEST_DIR")) || project.starts_with(fixture("")) {
        c.env("CLARINET_WASM_MODULE_CACHE", "off");
    }
    c.env("NO_COLOR", "1")
        .args(args)
        .arg("--manifest-path")
        .arg(project)
        .output()
        .expect("binary runs")
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// `test --wasm` passes every test with no mismatch; returns stdout and stderr.
fn tests_pass(project: &Path, passed: usize) -> (String, String) {
    let o = run(&["test", "--wasm"], project);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{out}{err}");
    assert!(
        out.contains("0 mismatch(es), 0 test(s) on the interpreter only"),
        "{out}"
    );
    assert_eq!(
        out.trim_end().lines().last(),
        Some(format!("{passed} passed, 0 failed").as_str()),
        "{out}"
    );
    (out, err)
}

fn deploy_json(project: &Path) -> (serde_json::Value, Output) {
    let o = run(&["deploy", "--format", "json"], project);
    let (out, err) = text(&o);
    let v = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    (v, o)
}

fn verdicts(v: &serde_json::Value) -> Vec<(String, String)> {
    v["contracts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let id = c["contract"].as_str().unwrap();
            let name = id.rsplit('.').next().unwrap().to_string();
            (name, c["verdict"].as_str().unwrap().to_string())
        })
        .collect()
}

#[test]
fn principals_as_values_both_ways_are_not_a_cycle() {
    let p = fixture("principal-values");
    tests_pass(&p, 2);
    let (v, o) = deploy_json(&p);
    assert!(o.status.success());
    // The ledger, which the registry calls, comes first; the vault and the registry only
    // name each other by value, so their order is Clarinet's (by identifier).
    assert_eq!(
        verdicts(&v),
        [
            ("ledger", "agree"),
            ("registry", "agree"),
            ("vault", "agree")
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    assert_eq!(
        (v["agree"].as_u64(), v["mismatch"].as_u64()),
        (Some(3), Some(0))
    );
    for c in v["contracts"].as_array().unwrap() {
        assert!(c["cost"]["runtime"].as_u64().unwrap() > 0, "{c}");
        assert!(c["wasm_bytes"].as_u64().unwrap() > 0, "{c}");
        assert!(c["compile_ms"].as_f64().is_some(), "{c}");
        assert!(c["reason"].is_null(), "{c}");
    }
}

#[test]
fn traits_across_contracts_deploy_in_dependency_order() {
    let p = fixture("traits");
    tests_pass(&p, 3);
    let (v, _) = deploy_json(&p);
    let names: Vec<String> = verdicts(&v).into_iter().map(|(n, _)| n).collect();
    let at = |n: &str| names.iter().position(|x| x == n).unwrap();
    assert!(at("math-trait") < at("adder") && at("math-trait") < at("doubler"));
    // `(route .adder n)` passes the adder where a trait is expected: a dependency.
    assert!(at("adder") < at("router"), "{names:?}");
}

#[test]
fn a_real_cycle_is_an_error_naming_it() {
    let o = run(&["test", "--wasm"], &fixture("cycle"));
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}{err}");
    assert!(
        err.contains("dependency cycle between contracts: ping -> pong -> ping"),
        "{err}"
    );
    let o = run(&["deploy"], &fixture("cycle"));
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).1.contains("ping -> pong -> ping"));
}

#[test]
fn a_simnet_plan_with_epochs_a_requirement_a_call_and_a_transfer() {
    let p = fixture("simnet-plan");
    tests_pass(&p, 4);
    let o = run(&["deploy"], &p);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{out}{err}");
    assert!(
        out.contains("plan: deployments/default.simnet-plan.yaml"),
        "{out}"
    );
    // Each batch in its epoch; the requirements under their own addresses.
    let batch = |n: usize, e: &str| format!("batch {n} (epoch {e})");
    for (n, e) in [(0, "2.05"), (1, "2.1"), (2, "2.4")] {
        assert!(out.contains(&batch(n, e)), "{out}");
    }
    assert!(
        out.contains(
            "agree            SP3FBR2AGK5H9QBDH3EEN6DF8EK8JY7RX8QJ5SVTE.sip-010-trait-ft-standard"
        ),
        "{out}"
    );
    // The call into the contract deployed at 2.05 is charged at 2.4 on both runtimes.
    assert!(
        out.contains("agree            (old-counter increment u3)"),
        "{out}"
    );
    assert!(
        out.contains(
            "agree            stx-transfer 1000 to ST2CY5V39NHDPWSXMW9QDT3HC3GD6Q6XX4CFRK9AG"
        ),
        "{out}"
    );
    assert!(
        out.trim_end()
            .ends_with("4 contracts: 4 agree, 0 mismatch, 0 interpreter only"),
        "{out}"
    );
}

#[test]
fn plan_writes_what_clarinet_would_and_keeps_hand_made_calls() {
    // No plan: `plan` writes one, and the project then loads from it, unchanged.
    let p = copy_of("traits");
    let o = run(&["plan"], &p);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{out}{err}");
    assert!(
        out.contains("wrote deployments/default.simnet-plan.yaml: 1 batches, 4 transactions"),
        "{out}"
    );
    let yaml = std::fs::read_to_string(p.join("deployments/default.simnet-plan.yaml")).unwrap();
    for needle in [
        "network: simnet",
        "emulated-contract-publish:",
        "contract-name: math-trait",
        "emulated-sender: ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM",
        "path: contracts/router.clar",
        "clarity-version: 2",
        "epoch: '2.4'",
    ] {
        assert!(yaml.contains(needle), "{needle} in\n{yaml}");
    }
    assert!(text(&run(&["plan"], &p)).0.contains("is up to date"));
    tests_pass(&p, 3);
    let _ = std::fs::remove_dir_all(&p);

    // A plan with a call and a transfer is not overwritten without --force.
    let p = copy_of("simnet-plan");
    let o = run(&["plan"], &p);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o).1.contains("2 call(s) or transfer(s)"),
        "{}",
        text(&o).1
    );
    // The built plan: requirements first, grouped by epoch.
    let o = run(&["plan", "--stdout"], &p);
    let yaml = text(&o).0;
    let at = |s: &str| yaml.find(s).unwrap_or_else(|| panic!("{s} in\n{yaml}"));
    assert!(at("contract-name: sip-010-trait-ft-standard") < at("contract-name: old-counter"));
    assert!(at("epoch: '2.05'") < at("contract-name: wrapped-token"));
    assert!(at("contract-name: wrapped-token") < at("epoch: '2.1'"));
    assert!(at("contract-name: shop") > at("epoch: '2.1'"));
    let _ = std::fs::remove_dir_all(&p);
}

#[test]
fn requirements_from_the_clarinet_2_cache_layout() {
    let p = fixture("cache-clarinet2");
    tests_pass(&p, 1);
    let (v, _) = deploy_json(&p);
    // The requirement's own requirement (the SIP-010 trait) is found and published first.
    assert_eq!(
        verdicts(&v),
        [
            ("sip-010-trait-ft-standard", "agree"),
            ("wrapped-token", "agree"),
            ("shop", "agree")
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    assert!(v["contracts"][0]["contract"]
        .as_str()
        .unwrap()
        .starts_with("SP3FBR2AGK5H9QBDH3EEN6DF8EK8JY7RX8QJ5SVTE."));
}

#[test]
fn requirements_from_the_clarinet_3_cache_layout() {
    let p = fixture("cache-clarinet3");
    let (_, err) = tests_pass(&p, 1);
    // The requirement's cache JSON says epoch 2.5: run at 2.4, said once.
    let warning = "contract 'wrapped-token' is set to epoch 2.5: it runs at epoch 2.4";
    assert_eq!(err.matches(warning).count(), 1, "{err}");
    let (v, _) = deploy_json(&p);
    assert_eq!(v["agree"].as_u64(), Some(3), "{v}");
}

#[test]
fn missing_requirements_are_named_in_one_error() {
    let o = run(&["test", "--wasm"], &fixture("missing-requirement"));
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}{err}");
    assert!(
        err.starts_with(
            "2 requirements are not in the requirements cache, and cannot be fetched offline"
        ),
        "{err}"
    );
    for id in [
        "SP2C2YFP12AJZB4MABJBAJ55XECVS7E4PMMZ89YZR.wrapped-token",
        "SP1H1733V5MZ3SZ9XRW9FKYGEZT0JDGEB8Y634C7R.miamicoin-token",
    ] {
        assert!(
            err.contains(&format!("{id} (looked for .cache/requirements/{id}.clar)")),
            "{err}"
        );
    }
    // A boot contract named as a requirement is the chain's own, never looked for.
    assert!(!err.contains("pox-3"), "{err}");
}

#[test]
fn a_clarity_2_contract_at_a_later_epoch_runs_at_2_4_with_one_warning() {
    let p = fixture("later-epoch");
    let (_, err) = tests_pass(&p, 1);
    for w in [
        "warning: contract 'counter' is set to epoch 2.5: it runs at epoch 2.4",
        "warning: contract 'meter' is set to epoch 3.0: it runs at epoch 2.4",
    ] {
        assert_eq!(err.matches(w).count(), 1, "{err}");
    }
    let (v, o) = deploy_json(&p);
    assert!(o.status.success());
    assert_eq!(verdicts(&v).len(), 2);
    assert_eq!(v["agree"].as_u64(), Some(2));
}

#[test]
fn clarity_3_contracts_are_refused_and_their_tests_run_nowhere() {
    let p = fixture("clarity3");
    let o = run(&["test", "--wasm"], &p);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{out}{err}");
    assert!(err.contains("warning: contract 'tenure' is not deployed: Clarity 3 (epoch 3.0) is beyond the reference runtime"), "{err}");
    assert!(
        err.contains("warning: contract 'latest' is not deployed: Clarity 4 (epoch latest)"),
        "{err}"
    );
    assert!(
        err.contains("warning: contract 'uses-tenure' is not deployed: it needs contract 'tenure'"),
        "{err}"
    );
    assert!(
        out.contains("pass tests/plain_test.clar:1 test-two"),
        "{out}"
    );
    assert!(out.contains("not run tests/tenure_test.clar:1 test-read  not run on either runtime: it needs contract 'uses-tenure'"), "{out}");
    assert!(out.contains("1 test(s) not run"), "{out}");
    assert_eq!(out.trim_end().lines().last(), Some("1 passed, 0 failed"));

    let (v, o) = deploy_json(&p);
    assert!(o.status.success());
    let mut got = verdicts(&v);
    got.sort();
    assert_eq!(
        got,
        [
            ("latest", "refused"),
            ("plain", "agree"),
            ("tenure", "refused"),
            ("uses-tenure", "refused")
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    assert_eq!(v["refused"].as_u64(), Some(3));
    let tenure = v["contracts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["contract"].as_str().unwrap().ends_with(".tenure"))
        .unwrap();
    assert!(tenure["reason"]
        .as_str()
        .unwrap()
        .contains("set clarity_version = 2"));
    assert!(tenure["cost"].is_null() && tenure["wasm_bytes"].is_null());
}

fn run_with_fault(fault: &str, args: &[&str], project: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clarinet-wasm"))
        .env("NO_COLOR", "1")
        .env("CLARINET_WASM_MODULE_CACHE", "off")
        .env("CLARINET_WASM_FAULT", fault)
        .args(args)
        .arg("--manifest-path")
        .arg(project)
        .output()
        .unwrap()
}

#[test]
fn deploy_reports_a_mismatch_and_exits_1() {
    // Test-only fault injection: Wasm's `+` is off by one, so the plan's call differs.
    let o = run_with_fault("add", &["deploy"], &fixture("simnet-plan"));
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}{err}");
    assert!(
        out.contains("mismatch         (old-counter increment u3)"),
        "{out}"
    );
    assert!(
        out.contains("first difference in result: interpreter (ok u3) | wasm (ok u4)"),
        "{out}"
    );
}

#[test]
fn deploy_reports_a_contract_the_wasm_path_did_not_compile() {
    // Test-only fault injection: the Wasm path refuses `map-set`, used by the vault.
    let p = fixture("principal-values");
    let o = run_with_fault("refuse:map-set", &["deploy"], &p);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{out}{err}");
    assert!(
        out.contains("interpreter-only ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM.vault"),
        "{out}"
    );
    assert!(
        out.trim_end()
            .ends_with("3 contracts: 2 agree, 0 mismatch, 1 interpreter only"),
        "{out}"
    );
    let o = run_with_fault("refuse:map-set", &["deploy", "--format", "json"], &p);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["interpreter_only"].as_u64(), Some(1));
    let vault = &v["contracts"][2];
    assert_eq!(vault["verdict"], "interpreter-only");
    assert!(
        vault["reason"].as_str().unwrap().contains("map-set"),
        "{vault}"
    );
}

/// A project of `n` contracts shaped like large public ones: traits implemented by most
/// contracts, principals of each other held as values both ways, calls down short chains,
/// trait-typed arguments, a test file per ten contracts.
fn generate_project(dir: &Path, n: usize) {
    const D: &str = "ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM";
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir.join("contracts")).unwrap();
    std::fs::create_dir_all(dir.join("tests")).unwrap();
    let mut manifest =
        "[project]\nname = \"big\"\nauthors = []\ntelemetry = false\ncache_dir = \"./.cache\"\n"
            .to_string();
    let mut add = |name: &str, source: String| {
        std::fs::write(dir.join(format!("contracts/{name}.clar")), source).unwrap();
        manifest += &format!(
            "\n[contracts.{name}]\npath = \"contracts/{name}.clar\"\nclarity_version = 2\nepoch = 2.4\n"
        );
    };
    add(
        "vault-trait",
        "(define-trait vault-trait ((deposit (uint) (response uint uint)) (balance () (response uint uint))))\n".into(),
    );
    for i in 0..n {
        let name = format!("c{i:03}");
        let next = format!("c{:03}", (i + 1) % n);
        let prev = format!("c{:03}", (i + n - 1) % n);
        let mut s = String::new();
        if i % 10 != 9 {
            s += "(impl-trait .vault-trait.vault-trait)\n";
        }
        s += "(use-trait vault .vault-trait.vault-trait)\n";
        // Principals held as values, both ways round the ring: not dependencies.
        s += &format!("(define-constant NEXT '{D}.{next})\n(define-constant PREV '{D}.{prev})\n");
        s += &format!("(define-data-var links {{ next: principal, prev: principal }} {{ next: '{D}.{next}, prev: '{D}.{prev} }})\n");
        s += "(define-data-var total uint u0)\n(define-map deposits principal uint)\n";
        s += "(define-public (deposit (amount uint))\n  (begin\n    (asserts! (> amount u0) (err u1))\n    (map-set deposits tx-sender (+ amount (default-to u0 (map-get? deposits tx-sender))))\n    (var-set total (+ (var-get total) amount))\n    (ok (var-get total))))\n";
        s += "(define-public (balance) (ok (var-get total)))\n";
        s += "(define-public (deposit-to (v <vault>) (amount uint)) (contract-call? v deposit amount))\n";
        s += "(define-read-only (links-of) (var-get links))\n";
        // Real calls down chains of ten.
        if i % 10 != 0 {
            s += &format!(
                "(define-public (chain (amount uint))\n  (begin (try! (deposit amount)) (contract-call? .{prev} chain amount)))\n"
            );
        } else {
            s += "(define-public (chain (amount uint)) (deposit amount))\n";
        }
        add(&name, s);
        if i % 10 == 9 {
            let first = format!("c{:03}", i - 9);
            let impl_ = format!("c{:03}", i - 1);
            std::fs::write(
                dir.join(format!("tests/{name}_test.clar")),
                format!(
                    "(define-public (test-chain)\n  (begin\n    (try! (contract-call? .{name} chain u3))\n    (ok (asserts! (is-eq (contract-call? .{first} balance) (ok u3)) (err u1)))))\n\n(define-public (test-trait)\n  (ok (asserts! (is-eq (contract-call? .{name} deposit-to .{impl_} u5) (ok u5)) (err u2))))\n\n(define-public (test-links)\n  (ok (asserts! (is-eq (get next (contract-call? .{name} links-of)) '{D}.{next}) (err u3))))\n"
                ),
            )
            .unwrap();
        }
    }
    std::fs::write(dir.join("Clarinet.toml"), manifest).unwrap();
}

#[test]
fn a_hundred_contract_project_deploys_and_tests_and_reuses_its_modules() {
    let dir = match std::env::var_os("CLARINET_WASM_BIG_PROJECT") {
        Some(d) => PathBuf::from(d),
        None => std::env::temp_dir().join(format!("clarinet-wasm-big-{}", std::process::id())),
    };
    generate_project(&dir, 120);
    let (v, o) = deploy_json(&dir);
    assert!(o.status.success(), "{}", text(&o).1);
    assert_eq!(v["contracts"].as_array().unwrap().len(), 121);
    assert_eq!(v["agree"].as_u64(), Some(121), "{v}");
    let (out, _) = tests_pass(&dir, 36);
    assert!(!out.contains("interpreter only)"), "{out}");
    // The first runs filled the project's cache; the next compiles nothing.
    let modules = dir.join(".cache/wasm/modules");
    let cached = std::fs::read_dir(&modules).map(|d| d.count()).unwrap_or(0);
    assert!(cached >= 121, "{cached} in {}", modules.display());
    let o = run(&["test", "--wasm"], &dir);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{out}{err}");
    assert!(err.contains("wasm modules: 0 compiled, "), "{err}");
    assert!(err.contains(" from the cache (.cache/wasm)"), "{err}");
    if std::env::var_os("CLARINET_WASM_BIG_PROJECT").is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
}
