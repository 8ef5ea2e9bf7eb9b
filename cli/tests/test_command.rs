//! `clarinet-wasm test`, `check` and `compile` on fixture projects, through the binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_clarinet-wasm"));
    c.env("NO_COLOR", "1");
    c
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../project/tests/projects")
        .join(name)
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("binary runs")
}

/// Run with the Wasm path refusing `at-block` (test-only fault injection), so that the
/// `failing` fixture's `hasher` stays on the interpreter, as a contract the compiler
/// cannot take would.
fn run_refusing_at_block(args: &[&str]) -> Output {
    bin()
        .env("CLARINET_WASM_FAULT", "refuse:at-block")
        .args(args)
        .output()
        .expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("clarinet-wasm-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn passing_project_text_output() {
    let o = run(&[
        "test",
        "--wasm",
        "--manifest-path",
        fixture("passing").to_str().unwrap(),
    ]);
    let out = stdout(&o);
    assert!(o.status.success(), "{out}{}", stderr(&o));
    assert_eq!(
        out.trim_end().lines().last(),
        Some("6 passed, 0 failed"),
        "{out}"
    );
    assert!(out.contains("0 mismatch(es)"), "{out}");
    assert!(out.contains("twice through the front"), "{out}");
}

#[test]
fn failing_project_exit_code_and_markers() {
    let o = run_refusing_at_block(&[
        "test",
        "--wasm",
        "--manifest-path",
        fixture("failing").to_str().unwrap(),
    ]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert_eq!(
        out.trim_end().lines().last(),
        Some("2 passed, 3 failed"),
        "{out}"
    );
    assert!(out.contains("(interpreter only)"), "{out}");
    assert!(out.contains("not supported yet: at-block"), "{out}");
    assert!(out.contains("(err u42)"), "{out}");
}

#[test]
fn json_output_parses_back() {
    let o = run_refusing_at_block(&[
        "test",
        "--wasm",
        "--format",
        "json",
        "--manifest-path",
        fixture("failing").to_str().unwrap(),
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["passed"], 2);
    assert_eq!(v["failed"], 3);
    assert_eq!(v["mismatches"], 0);
    assert_eq!(
        v["unsupported"][0]["contract"]
            .as_str()
            .unwrap()
            .rsplit('.')
            .next(),
        Some("hasher")
    );
    let tests = v["tests"].as_array().unwrap();
    let wrong = tests
        .iter()
        .find(|t| t["name"] == "a failing assertion")
        .unwrap();
    assert_eq!(wrong["status"], "fail");
    assert_eq!(wrong["message"], "(err u42)");
    let digest = tests
        .iter()
        .find(|t| t["function"] == "test-digest")
        .unwrap();
    assert_eq!(digest["status"], "pass");
    assert!(digest["interpreter_only"].is_string());
}

#[test]
fn junit_output_parses_back() {
    let dir = scratch("junit");
    let file = dir.join("report.xml");
    let o = run(&[
        "test",
        "--wasm",
        "--format",
        "junit",
        "--output",
        file.to_str().unwrap(),
        "--manifest-path",
        fixture("failing").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let xml = std::fs::read_to_string(&file).unwrap();
    let report = quick_junit::Report::deserialize_from_str(&xml).expect("junit xml");
    let cases: Vec<_> = report
        .test_suites
        .iter()
        .flat_map(|s| s.test_cases.iter())
        .collect();
    assert_eq!(cases.len(), 5);
    let failures = cases
        .iter()
        .filter(|c| !matches!(c.status, quick_junit::TestCaseStatus::Success { .. }))
        .count();
    assert_eq!(failures, 3);
}

#[test]
fn costs_and_coverage() {
    let dir = scratch("coverage");
    let lcov = dir.join("lcov.info");
    let o = run(&[
        "test",
        "--costs",
        "--coverage",
        lcov.to_str().unwrap(),
        "--manifest-path",
        fixture("passing").to_str().unwrap(),
    ]);
    let out = stdout(&o);
    assert!(o.status.success(), "{out}");
    assert!(out.contains("\ncosts\n"), "{out}");
    assert!(out.contains(" interpreter "), "{out}");
    // On both runtimes, one row per test when they agree.
    let o = run(&[
        "test",
        "--wasm",
        "--costs",
        "--manifest-path",
        fixture("passing").to_str().unwrap(),
    ]);
    let both = stdout(&o);
    assert!(o.status.success(), "{both}");
    assert!(both.contains(" both "), "{both}");
    assert!(!both.contains(" wasm "), "{both}");
    let text = std::fs::read_to_string(&lcov).unwrap();
    assert!(text.contains("contracts/store.clar"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("DA:") && !l.ends_with(",0")),
        "{text}"
    );
    assert!(text.contains("end_of_record"));
}

#[test]
fn broken_project_is_one_message_and_exit_1() {
    let dir = scratch("broken");
    std::fs::write(
        dir.join("Clarinet.toml"),
        "[project]\nname = \"x\"\n[contracts.a]\npath = \"contracts/a.clar\"\n",
    )
    .unwrap();
    let o = run(&["test", "--manifest-path", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("contract 'a': cannot read contracts/a.clar"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    let none = run(&[
        "test",
        "--manifest-path",
        dir.join("nope").to_str().unwrap(),
    ]);
    assert_eq!(none.status.code(), Some(1));
}

#[test]
fn check_reports_positions_and_levels() {
    let o = run_refusing_at_block(&[
        "check",
        "--manifest-path",
        fixture("failing").to_str().unwrap(),
    ]);
    let out = stdout(&o);
    assert!(o.status.success(), "{out}");
    assert!(out.contains("contracts/hasher.clar:1:"), "{out}");
    assert!(
        out.contains("warning: not supported yet: at-block"),
        "{out}"
    );

    let dir = scratch("check");
    std::fs::create_dir_all(dir.join("contracts")).unwrap();
    std::fs::write(dir.join("Clarinet.toml"), "[project]\nname = \"x\"\n[contracts.a]\npath = \"contracts/a.clar\"\nclarity_version = 2\nepoch = 2.4\n").unwrap();
    std::fs::write(
        dir.join("contracts/a.clar"),
        "(define-read-only (f)\n  (+ 1 u1))\n",
    )
    .unwrap();
    let o = run(&["check", "--manifest-path", dir.to_str().unwrap()]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("contracts/a.clar:2:3: error:"), "{out}");
    assert!(out.contains("(+ 1 u1)"), "the excerpt is shown: {out}");
}

#[test]
fn check_runs_the_analysis_passes_the_manifest_enables() {
    let dir = scratch("check-checker");
    std::fs::create_dir_all(dir.join("contracts")).unwrap();
    let manifest = "[project]\nname = \"x\"\n[contracts.a]\npath = \"contracts/a.clar\"\n\
                    clarity_version = 2\nepoch = 2.4\n[repl.analysis]\npasses = [\"check_checker\"]\n";
    std::fs::write(dir.join("Clarinet.toml"), manifest).unwrap();
    std::fs::write(
        dir.join("contracts/a.clar"),
        "(define-data-var owner principal tx-sender)\n\
         (define-public (set-owner (who principal))\n  (ok (var-set owner who)))\n",
    )
    .unwrap();
    let o = run(&["check", "--manifest-path", dir.to_str().unwrap()]);
    let out = stdout(&o);
    assert!(o.status.success(), "{out}");
    assert!(
        out.contains("contracts/a.clar:3:22: warning: use of potentially unchecked data"),
        "{out}"
    );
    assert!(
        out.contains("contracts/a.clar:2:28: note: source of untrusted input here"),
        "{out}"
    );
    assert!(
        out.contains("1 contract checked: 0 errors, 1 warning"),
        "{out}"
    );

    // Without the pass, nothing to say.
    std::fs::write(
        dir.join("Clarinet.toml"),
        manifest.replace("\"check_checker\"", ""),
    )
    .unwrap();
    let o = run(&["check", "--manifest-path", dir.to_str().unwrap()]);
    assert!(
        stdout(&o).contains("0 errors, 0 warnings"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn compile_writes_a_module_per_contract() {
    let dir = scratch("compile");
    let o = run(&[
        "compile",
        "--out-dir",
        dir.to_str().unwrap(),
        "--manifest-path",
        fixture("passing").to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    for name in ["store", "front"] {
        let bytes = std::fs::read(dir.join(format!("{name}.wasm"))).unwrap();
        assert_eq!(&bytes[..4], b"\0asm");
    }
    let o = run(&[
        "compile",
        "--wat",
        "--out-dir",
        dir.to_str().unwrap(),
        "--manifest-path",
        fixture("passing").to_str().unwrap(),
    ]);
    assert!(o.status.success());
    assert!(std::fs::read_to_string(dir.join("store.wat"))
        .unwrap()
        .starts_with("(module"));
}

#[test]
fn run_compares_and_reports_unsupported_words() {
    let dir = scratch("run");
    let file = dir.join("calc.clar");
    std::fs::write(&file, "(define-read-only (half (n int)) (/ n 2))\n(define-read-only (h) (at-block 0x0000000000000000000000000000000000000000000000000000000000000000 u1))\n").unwrap();
    let o = run(&[
        "run",
        file.to_str().unwrap(),
        "--runtime",
        "interpreter",
        "--call",
        "(half 9)",
    ]);
    assert!(o.status.success(), "{}", stdout(&o));
    assert!(stdout(&o).contains("(half 9): 4"));
    let o = run_refusing_at_block(&["run", file.to_str().unwrap(), "--call", "(half 9)"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("calc.clar:2:23: not supported yet: at-block"),
        "{}",
        stdout(&o)
    );
    let o = run_refusing_at_block(&["compile", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("calc.clar:2:23: error: not supported yet: at-block"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_mismatch_is_reported_side_by_side() {
    // Test-only fault injection: addition on the Wasm path is off by one.
    let o = bin()
        .env("CLARINET_WASM_FAULT", "add")
        .args([
            "test",
            "--wasm",
            "--manifest-path",
            fixture("passing").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("mismatch tests/store_test.clar"), "{out}");
    assert!(out.contains("first difference in"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.trim_start().starts_with("interpreter") && l.trim_end().ends_with("| wasm")),
        "{out}"
    );
    let last = out.trim_end().lines().last().unwrap().to_string();
    let failed: usize = last
        .split(", ")
        .nth(1)
        .unwrap()
        .trim_end_matches(" failed")
        .parse()
        .unwrap();
    assert!(failed >= 1, "{last}");
    let mismatch_line = out.lines().find(|l| l.contains("mismatch(es)")).unwrap();
    assert!(!mismatch_line.starts_with("0 "), "{mismatch_line}");
    // The same fault under `run`: the first difference is the result.
    let dir = scratch("fault");
    let file = dir.join("add.clar");
    std::fs::write(&file, "(define-read-only (plus (a int)) (+ a 1))\n").unwrap();
    let o = bin()
        .env("CLARINET_WASM_FAULT", "add")
        .args(["run", file.to_str().unwrap(), "--call", "(plus 1)"])
        .output()
        .unwrap();
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("first difference: result"), "{out}");
    assert!(out.contains("2") && out.contains("3"), "{out}");
}
