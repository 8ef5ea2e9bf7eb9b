//! `clarinet-wasm bench`: the suite of `cases` on the metered interpreter and on metered
//! Wasm in one process, alternating, after a warm-up (`measure`); beside them Wasm
//! compiled without charges (what metering costs), native Rust kernels (`native`, the
//! physical limit), compile figures (`compile`) and, on request, the npm clarinet-sdk
//! (`peer`). Medians per step; ratios are what count, absolute times vary by machine.

mod cases;
mod compile;
mod editor;
mod measure;
mod native;
mod peer;

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;

use crate::Format;
use cases::{Case, CASES};
use compile::CompileRow;
use measure::{Measured, Samples};
use peer::{PeerCase, PeerRun};

#[derive(Clone, Copy, clap::ValueEnum, PartialEq, Eq, Debug)]
pub enum Peer {
    /// The npm @stacks/clarinet-sdk simnet, in node.
    ClarinetSdk,
}

pub struct Options {
    pub filter: Option<String>,
    pub calls: usize,
    pub format: Format,
    pub output: Option<PathBuf>,
    pub peers: Vec<Peer>,
}

struct Row {
    case: &'static Case,
    calls: usize,
    m: Measured,
    native: Option<Samples>,
    sdk: Option<PeerCase>,
    sdk_unmetered: Option<PeerCase>,
}

/// The process's peak resident memory (Linux), in kB.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn ratio(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    Some(a? / b?)
}

pub fn run(o: &Options) -> Result<ExitCode, String> {
    let calls = o.calls.max(1);
    let warmup = (calls / 10).clamp(2, 20);
    let selected: Vec<&'static Case> = CASES
        .iter()
        .filter(|c| o.filter.as_deref().is_none_or(|f| c.name.contains(f)))
        .collect();
    let edited: Vec<_> = editor::CONTRACTS
        .iter()
        .filter(|(n, _)| o.filter.as_deref().is_none_or(|f| n.contains(f)))
        .collect();
    if selected.is_empty() && edited.is_empty() {
        return Err("no case matches the filter".into());
    }
    let sdk = o.peers.contains(&Peer::ClarinetSdk);
    if sdk {
        // Before the long part: a peer that cannot run is said at once.
        let (_, version) = peer::installed()?;
        eprintln!("clarinet-sdk peer: @stacks/clarinet-sdk {version}");
    }
    let mut rows = vec![];
    for case in &selected {
        eprintln!("running {} ({calls} steps)", case.name);
        let m = measure::measure(case, calls, warmup)?;
        let native = native::kernel(case.name)
            .map(|k| measure::native(k, &m.reference, calls, warmup))
            .transpose()
            .map_err(|e| format!("{}: {e}", case.name))?;
        rows.push(Row {
            case,
            calls,
            m,
            native,
            sdk: None,
            sdk_unmetered: None,
        });
    }
    let mut sdk_version = None;
    if sdk {
        eprintln!("running the suite on the clarinet-sdk (metered, then unmetered)");
        let metered = peer::run(&selected, calls, warmup, true)?;
        let unmetered = peer::run(&selected, calls, warmup, false)?;
        sdk_version = Some(metered.version.clone());
        attach(&mut rows, metered, unmetered);
    }
    let mut editor_rows = vec![];
    for (name, source) in edited {
        let edits = calls.clamp(5, 50);
        eprintln!("running {name} ({edits} edits)");
        editor_rows.push(editor::measure(name, source(), edits)?);
    }
    eprintln!("compiling each contract");
    let compile = compile::figures(&selected)?;
    let peak = peak_rss_kb();
    let report = match o.format {
        Format::Text => text(&rows, &compile, &editor_rows, peak),
        Format::Json => json(&rows, &compile, &editor_rows, peak, sdk_version),
    };
    match &o.output {
        Some(path) => std::fs::write(path, report)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?,
        None => print!("{report}"),
    }
    Ok(ExitCode::SUCCESS)
}

/// Attach the peer's figures; a peer whose result differs from ours did other work, which
/// is said rather than hidden.
fn attach(rows: &mut [Row], mut metered: PeerRun, mut unmetered: PeerRun) {
    for r in rows {
        let ours =
            r.m.reference
                .result
                .as_ref()
                .ok()
                .and_then(|v| v.as_ref())
                .map(peer::hex);
        let theirs = metered.cases.remove(r.case.name);
        if let (Some(ours), Some(Some(theirs))) = (&ours, theirs.as_ref().map(|t| &t.result)) {
            if ours != theirs {
                eprintln!(
                    "warning: {}: the clarinet-sdk's result differs from ours ({theirs} against {ours})",
                    r.case.name
                );
            }
        }
        r.sdk = theirs;
        r.sdk_unmetered = unmetered.cases.remove(r.case.name);
    }
}

fn fmt(v: Option<f64>, suffix: &str) -> String {
    v.map(|v| format!("{v:.1}{suffix}"))
        .unwrap_or_else(|| "-".into())
}

fn text(
    rows: &[Row],
    compile: &[CompileRow],
    editor: &[editor::EditorRow],
    peak: Option<u64>,
) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{:<23} {:>6} {:>12} {:>9} {:>8} {:>12} {:>8} {:>9} {:>8} {:>10} {:>6}",
        "case",
        "steps",
        "interpreter",
        "wasm",
        "int/wasm",
        "clarinet-sdk",
        "sdk/wasm",
        "native",
        "wasm/nat",
        "uncharged",
        "meter"
    );
    for r in rows {
        let (i, w) = (r.m.interpreter.median(), r.m.wasm.median());
        let sdk = r.sdk.as_ref().map(|p| p.median_us);
        let nat = r.native.as_ref().and_then(|n| n.median());
        let overhead =
            ratio(r.m.wasm_again.median(), r.m.uncharged.median()).map(|x| (x - 1.0) * 100.0);
        let _ = writeln!(
            s,
            "{:<23} {:>6} {:>12} {:>9} {:>8} {:>12} {:>8} {:>9} {:>8} {:>10} {:>6}",
            r.case.name,
            r.calls,
            fmt(i, ""),
            fmt(w, ""),
            fmt(ratio(i, w), "x"),
            fmt(sdk, ""),
            fmt(ratio(sdk, w), "x"),
            fmt(nat, ""),
            fmt(ratio(w, nat), "x"),
            fmt(r.m.uncharged.median(), ""),
            overhead
                .map(|o| format!("{o:.0}%"))
                .unwrap_or_else(|| "-".into()),
        );
    }
    let _ = writeln!(
        s,
        "\nmedians per step in µs; interpreter, Wasm and clarinet-sdk metered (mainnet block \
         limit); \"uncharged\" is Wasm compiled without charges and \"meter\" the time charging \
         adds to Wasm, measured in a second round where the two take turns.\n"
    );
    let _ = writeln!(
        s,
        "{:<14} {:>6} {:>12} {:>11} {:>13} {:>10} {:>11}",
        "contract", "lines", "analysis ms", "codegen ms", "cranelift ms", "cached ms", "wasm bytes"
    );
    for c in compile {
        let _ = writeln!(
            s,
            "{:<14} {:>6} {:>12.2} {:>11.2} {:>13.2} {:>10.2} {:>11}",
            c.contract,
            c.lines,
            c.analysis_ms,
            c.codegen_ms,
            c.cranelift_ms,
            c.cached_ms,
            c.wasm_bytes
        );
    }
    let _ = writeln!(
        s,
        "\nanalysis: parse and type-check (the interpreter does it too); codegen: Clarity to \
         Wasm; cranelift: Wasm to native code; cached: the native code read back from the \
         disk cache, ready to instantiate."
    );
    if !editor.is_empty() {
        let _ = writeln!(
            s,
            "\nlanguage server: `clarinet-wasm lsp` as a child process, a lone contract opened \
             then edited; from each didChange to its publishDiagnostics"
        );
        let _ = writeln!(
            s,
            "{:<24} {:>6} {:>8} {:>6} {:>10} {:>8} {:>8}",
            "case", "lines", "open ms", "edits", "median ms", "min ms", "max ms"
        );
        let ms = |v: Option<f64>| v.map_or("-".into(), |us| format!("{:.1}", us / 1e3));
        for e in editor {
            let _ = writeln!(
                s,
                "{:<24} {:>6} {:>8.1} {:>6} {:>10} {:>8} {:>8}",
                e.name,
                e.lines,
                e.open_ms,
                e.change.0.len(),
                ms(e.change.median()),
                ms(e.change.min()),
                ms(e.change.max())
            );
        }
    }
    if let Some(kb) = peak {
        let _ = writeln!(
            s,
            "peak memory of this process: {:.1} MB",
            kb as f64 / 1024.0
        );
    }
    s
}

fn json(
    rows: &[Row],
    compile: &[CompileRow],
    editor: &[editor::EditorRow],
    peak: Option<u64>,
    sdk_version: Option<String>,
) -> String {
    let cases: Vec<_> = rows
        .iter()
        .map(|r| {
            let (i, w) = (r.m.interpreter.median(), r.m.wasm.median());
            json!({
                "name": r.case.name,
                "what": r.case.what,
                "calls": r.calls,
                "interpreter_us": i,
                "interpreter_min_us": r.m.interpreter.min(),
                "interpreter_max_us": r.m.interpreter.max(),
                "wasm_us": w,
                "wasm_min_us": r.m.wasm.min(),
                "wasm_max_us": r.m.wasm.max(),
                "ratio": ratio(i, w),
                "clarinet_sdk_us": r.sdk.as_ref().map(|p| p.median_us),
                "clarinet_sdk_min_us": r.sdk.as_ref().map(|p| p.min_us),
                "clarinet_sdk_max_us": r.sdk.as_ref().map(|p| p.max_us),
                "clarinet_sdk_unmetered_us": r.sdk_unmetered.as_ref().map(|p| p.median_us),
                "native_us": r.native.as_ref().and_then(|n| n.median()),
                "wasm_uncharged_us": r.m.uncharged.median(),
                "metering_overhead": ratio(r.m.wasm_again.median(), r.m.uncharged.median()).map(|x| x - 1.0),
            })
        })
        .collect();
    let compile: Vec<_> = compile
        .iter()
        .map(|c| {
            json!({
                "contract": c.contract,
                "lines": c.lines,
                "analysis_ms": c.analysis_ms,
                "codegen_ms": c.codegen_ms,
                "cranelift_ms": c.cranelift_ms,
                "cached_ms": c.cached_ms,
                "wasm_bytes": c.wasm_bytes,
            })
        })
        .collect();
    let ms = |v: Option<f64>| v.map(|us| us / 1e3);
    let lsp: Vec<_> = editor
        .iter()
        .map(|e| {
            json!({
                "name": e.name,
                "lines": e.lines,
                "open_ms": e.open_ms,
                "edits": e.change.0.len(),
                "change_median_ms": ms(e.change.median()),
                "change_min_ms": ms(e.change.min()),
                "change_max_ms": ms(e.change.max()),
            })
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&json!({
        "cases": cases,
        "compile": compile,
        "lsp": lsp,
        "peak_rss_kb": peak,
        "clarinet_sdk_version": sdk_version,
    }))
    .expect("JSON");
    s.push('\n');
    s
}
