//! `clarinet-wasm new` and `clarinet-wasm contract new`, run as the binary in a temporary
//! directory: the new project must pass its own tests on both runtimes.

use std::path::Path;
use std::process::{Command, Output};

fn clarinet_wasm(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clarinet-wasm"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run clarinet-wasm")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[track_caller]
fn succeeds(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status.code(),
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// Exit 1 with a message on stderr, and no panic.
#[track_caller]
fn fails(out: &Output, expected: &str) {
    let stderr = text(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "stdout:\n{}\nstderr:\n{stderr}",
        text(&out.stdout)
    );
    assert!(
        stderr.contains(expected),
        "expected '{expected}' in stderr:\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

fn new_demo(tmp: &Path) -> std::path::PathBuf {
    let tmp_s = tmp.to_str().unwrap();
    succeeds(&clarinet_wasm(tmp, &["new", "demo", "--path", tmp_s]));
    tmp.join("demo")
}

/// `test --wasm` passes; returns the number of tests, read from the closing line.
#[track_caller]
fn passes_on_wasm(project: &Path) -> usize {
    let out = clarinet_wasm(
        project,
        &[
            "test",
            "--wasm",
            "--manifest-path",
            project.to_str().unwrap(),
        ],
    );
    let stdout = succeeds(&out);
    let last = stdout.lines().last().unwrap_or_default();
    let passed = last
        .strip_suffix(" passed, 0 failed")
        .and_then(|n| n.parse().ok());
    let Some(passed) = passed else {
        panic!("unexpected closing line '{last}' in:\n{stdout}")
    };
    assert!(
        stdout.contains("0 test(s) on the interpreter only"),
        "{stdout}"
    );
    passed
}

#[test]
fn new_project_passes_its_tests_on_wasm() {
    let tmp = tempfile::tempdir().unwrap();
    let out = clarinet_wasm(
        tmp.path(),
        &["new", "demo", "--path", tmp.path().to_str().unwrap()],
    );
    let stdout = succeeds(&out);
    let dir = tmp.path().join("demo");
    for f in [
        "Clarinet.toml",
        "settings/Devnet.toml",
        "contracts/demo.clar",
        "tests/demo_test.clar",
        ".gitignore",
        "README.md",
    ] {
        assert!(dir.join(f).is_file(), "{f} missing");
        assert!(stdout.contains(f), "{f} not listed in:\n{stdout}");
        assert!(
            !std::fs::read_to_string(dir.join(f)).unwrap().contains("{{"),
            "{f} has a placeholder left"
        );
    }
    let manifest = std::fs::read_to_string(dir.join("Clarinet.toml")).unwrap();
    assert!(manifest.contains("name = \"demo\""), "{manifest}");
    assert!(
        manifest.contains(
            "[contracts.demo]\npath = \"contracts/demo.clar\"\nclarity_version = 2\nepoch = 2.4"
        ),
        "{manifest}"
    );
    let devnet = std::fs::read_to_string(dir.join("settings/Devnet.toml")).unwrap();
    for account in ["deployer", "wallet_1", "wallet_8", "faucet"] {
        assert!(
            devnet.contains(&format!("[accounts.{account}]")),
            "{account} missing"
        );
    }
    let n = passes_on_wasm(&dir);
    assert!(n >= 3, "{n} tests");
    succeeds(&clarinet_wasm(&dir, &["check"]));
}

#[test]
fn contract_new_adds_a_contract_and_keeps_the_manifest() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = new_demo(tmp.path());
    let before = passes_on_wasm(&dir);

    let manifest = dir.join("Clarinet.toml");
    let original = std::fs::read_to_string(&manifest).unwrap();
    let commented = original
        .replacen(
            "[project]\n",
            "# Hand-written note: keep me.\n[project]\n",
            1,
        )
        .replacen(
            "telemetry = false",
            "telemetry = false   # no telemetry, please",
            1,
        );
    std::fs::write(&manifest, &commented).unwrap();

    let out = clarinet_wasm(
        tmp.path(),
        &[
            "contract",
            "new",
            "extra",
            "--manifest-path",
            dir.to_str().unwrap(),
        ],
    );
    let stdout = succeeds(&out);
    assert!(
        stdout.contains("contracts/extra.clar") && stdout.contains("tests/extra_test.clar"),
        "{stdout}"
    );
    assert!(dir.join("contracts/extra.clar").is_file());
    assert!(dir.join("tests/extra_test.clar").is_file());
    let after = std::fs::read_to_string(&manifest).unwrap();
    assert_eq!(
        after,
        format!("{commented}\n[contracts.extra]\npath = \"contracts/extra.clar\"\nclarity_version = 2\nepoch = 2.4\n"),
        "the manifest changed beyond the new entry"
    );
    assert_eq!(passes_on_wasm(&dir), before + 1);

    // Without --manifest-path, Clarinet.toml is found from the current directory upwards.
    succeeds(&clarinet_wasm(
        &dir.join("contracts"),
        &["contract", "new", "third"],
    ));
    assert!(std::fs::read_to_string(&manifest)
        .unwrap()
        .contains("[contracts.third]"));
    assert!(dir.join("contracts/third.clar").is_file());
    assert_eq!(passes_on_wasm(&dir), before + 2);
}

#[test]
fn new_and_contract_new_mistakes_exit_1_with_a_message() {
    let tmp = tempfile::tempdir().unwrap();
    let tmp_s = tmp.path().to_str().unwrap();

    fails(
        &clarinet_wasm(tmp.path(), &["new", "1bad", "--path", tmp_s]),
        "not a valid name",
    );
    assert!(!tmp.path().join("1bad").exists());
    fails(
        &clarinet_wasm(tmp.path(), &["new", "has.dot", "--path", tmp_s]),
        "not a valid name",
    );

    let dir = new_demo(tmp.path());
    let readme = std::fs::read_to_string(dir.join("README.md")).unwrap();
    fails(
        &clarinet_wasm(tmp.path(), &["new", "demo", "--path", tmp_s]),
        "already exists",
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("README.md")).unwrap(),
        readme,
        "an existing project was touched"
    );

    let dir_s = dir.to_str().unwrap();
    succeeds(&clarinet_wasm(
        tmp.path(),
        &["contract", "new", "extra", "--manifest-path", dir_s],
    ));
    let manifest = std::fs::read_to_string(dir.join("Clarinet.toml")).unwrap();
    fails(
        &clarinet_wasm(
            tmp.path(),
            &["contract", "new", "extra", "--manifest-path", dir_s],
        ),
        "already a contract 'extra'",
    );
    fails(
        &clarinet_wasm(
            tmp.path(),
            &["contract", "new", "demo", "--manifest-path", dir_s],
        ),
        "already a contract 'demo'",
    );
    fails(
        &clarinet_wasm(
            tmp.path(),
            &["contract", "new", "9x", "--manifest-path", dir_s],
        ),
        "not a valid name",
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("Clarinet.toml")).unwrap(),
        manifest
    );

    // No project here or above.
    fails(
        &clarinet_wasm(tmp.path(), &["contract", "new", "lost"]),
        "Clarinet.toml",
    );

    std::fs::write(
        dir.join("Clarinet.toml"),
        "[project]\nname = \"demo\"\n[contracts.demo\n",
    )
    .unwrap();
    fails(
        &clarinet_wasm(
            tmp.path(),
            &["contract", "new", "other", "--manifest-path", dir_s],
        ),
        "line 3",
    );
}
