//! `clarinet-wasm bench`, run as the binary with a few steps per case: the JSON report's
//! shape (never its timings), `--output`, `--filter`, and a peer that is not installed.

use std::process::{Command, Output};

use serde_json::Value;

fn bench(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_clarinet-wasm"));
    c.arg("bench").args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("run clarinet-wasm")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const CASES: [&str; 15] = [
    "counter-increment",
    "read-only-getter",
    "fold-add-1000",
    "map-1000",
    "sha256-chain-100",
    "arith-fold-1000",
    "map-set-get-1000",
    "ft-transfer",
    "nft-mint-transfer",
    "concat-slice-loop",
    "trait-dispatch-100",
    "pox-3-stack-stx",
    "pox-3-get-stacker-info",
    "pox-3-deploy",
    "large-deploy",
];

/// The compute kernels that have a native Rust twin.
const NATIVE: [&str; 4] = [
    "fold-add-1000",
    "map-1000",
    "sha256-chain-100",
    "arith-fold-1000",
];

fn positive(v: &Value, what: &str) -> f64 {
    let x = v
        .as_f64()
        .unwrap_or_else(|| panic!("{what} is not a number: {v}"));
    assert!(x > 0.0, "{what} = {x}");
    x
}

#[test]
fn json_report_has_every_case_and_figure() {
    let out = bench(&["--calls", "3", "--format", "json"], &[]);
    assert!(
        out.status.success(),
        "exit {:?}\nstderr:\n{}",
        out.status.code(),
        text(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("stdout is one JSON document");
    let cases = report["cases"].as_array().expect("cases");
    let names: Vec<&str> = cases.iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(names, CASES);
    for c in cases {
        let name = c["name"].as_str().unwrap();
        assert_eq!(c["calls"], 3, "{name}");
        let i = positive(&c["interpreter_us"], "interpreter_us");
        let w = positive(&c["wasm_us"], "wasm_us");
        let r = positive(&c["ratio"], "ratio");
        assert!(
            (r - i / w).abs() <= 1e-6 * r,
            "{name}: ratio {r} is not {i}/{w}"
        );
        // No peer was asked for: null, present.
        assert!(c["clarinet_sdk_us"].is_null(), "{name}");
        assert!(c.as_object().unwrap().contains_key("clarinet_sdk_us"));
        if NATIVE.contains(&name) {
            positive(&c["native_us"], "native_us");
        } else {
            assert!(c["native_us"].is_null(), "{name}");
        }
        positive(&c["wasm_uncharged_us"], "wasm_uncharged_us");
        assert!(c["interpreter_min_us"].as_f64() <= c["interpreter_max_us"].as_f64());
    }
    let compile = report["compile"].as_array().expect("compile");
    let contracts: Vec<&str> = compile
        .iter()
        .map(|c| c["contract"].as_str().unwrap())
        .collect();
    for expected in ["counter", "compute", "trait-loop", "pox-3", "large"] {
        assert!(contracts.contains(&expected), "{contracts:?}");
    }
    for c in compile {
        positive(&c["wasm_bytes"], "wasm_bytes");
        positive(&c["lines"], "lines");
        for k in ["analysis_ms", "codegen_ms", "cranelift_ms", "cached_ms"] {
            positive(&c[k], k);
        }
    }
    // The language server's latency after an edit, on two large contracts.
    let lsp = report["lsp"].as_array().expect("lsp");
    let names: Vec<&str> = lsp.iter().map(|e| e["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["lsp-diagnostics-large", "lsp-diagnostics-pox-3"]);
    for e in lsp {
        assert!(e["lines"].as_u64().unwrap() > 1000, "{e}");
        assert_eq!(e["edits"], 5, "{e}");
        for k in [
            "open_ms",
            "change_median_ms",
            "change_min_ms",
            "change_max_ms",
        ] {
            positive(&e[k], k);
        }
    }
    positive(&report["peak_rss_kb"], "peak_rss_kb");
}

#[test]
fn text_report_goes_to_the_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bench.txt");
    let out = bench(
        &[
            "--calls",
            "2",
            "--filter",
            "read-only",
            "--output",
            file.to_str().unwrap(),
        ],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "", "the report went to the file");
    let report = std::fs::read_to_string(&file).unwrap();
    assert!(report.contains("read-only-getter"), "{report}");
    assert!(!report.contains("counter-increment"), "{report}");
    assert!(report.contains("peak memory"), "{report}");
}

#[test]
fn unknown_filter_and_missing_peer_are_clear_errors() {
    let out = bench(&["--filter", "no-such-case"], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("no case matches"),
        "{}",
        text(&out.stderr)
    );

    let empty = tempfile::tempdir().unwrap();
    let out = bench(
        &["--calls", "1", "--peer", "clarinet-sdk"],
        &[("CLARINET_WASM_SDK_PEER", empty.path().to_str().unwrap())],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("npm ci"), "{err}");
    // Said before any case ran.
    assert!(!err.contains("running"), "{err}");
}
