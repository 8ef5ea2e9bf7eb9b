//! Rendering step reports: text for people (side by side on a mismatch), JSON for tools.

use clarinet_wasm_runtime::dual::{render_result, Runtimes, StepReport, Verdict};
use clarinet_wasm_runtime::store::StateKey;
use clarinet_wasm_runtime::Outcome;
use serde_json::{json, Value as Json};

fn key_text(k: &StateKey) -> String {
    match k {
        StateKey::Data(k) => k.clone(),
        StateKey::Metadata(c, k) => format!("metadata {c} {k}"),
    }
}

/// Both sides of a difference, the part from their first differing character on
/// highlighted.
pub fn highlight_diff(a: &str, b: &str) -> (String, String) {
    use colored::Colorize;
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let split = |s: &str| {
        let at = s.char_indices().nth(common).map_or(s.len(), |(i, _)| i);
        (s[..at].to_string(), s[at..].to_string())
    };
    let ((pa, ra), (pb, rb)) = (split(a), split(b));
    (
        format!("{pa}{}", ra.green().bold()),
        format!("{pb}{}", rb.red().bold()),
    )
}

fn print_outcome(o: &Outcome) {
    for e in &o.events {
        println!("    event {e}");
    }
    for (k, v) in &o.writes {
        if let StateKey::Data(_) = k {
            let v = if v.len() > 80 {
                format!("{}…", &v[..80])
            } else {
                v.clone()
            };
            println!("    write {} = {v}", key_text(k));
        }
    }
}

/// The step's cost: once when the runtimes agree on it, on each runtime otherwise.
fn print_costs(r: &StepReport, runtimes: Runtimes) {
    use clarinet_wasm_runtime::dual::render_cost;
    let first = match runtimes {
        Runtimes::Wasm => "wasm",
        _ => "interpreter",
    };
    match (&r.interpreter.cost, r.wasm.as_ref().map(|w| &w.cost)) {
        (Some(i), Some(Some(w))) if i == w => println!("    cost {}", render_cost(i)),
        (Some(i), Some(w)) => {
            println!("    cost ({first}) {}", render_cost(i));
            match w {
                Some(w) => println!("    cost (wasm) {}", render_cost(w)),
                None => println!("    cost (wasm) none"),
            }
        }
        (Some(i), None) => println!("    cost ({first}) {}", render_cost(i)),
        _ => {}
    }
}

pub fn print_text(reports: &[StepReport], runtimes: Runtimes) {
    let mut mismatches = 0;
    let mut not_run = 0;
    for r in reports {
        let tag = match (&r.verdict, runtimes) {
            (Verdict::Agree, Runtimes::Both) => "agree",
            (Verdict::Agree, Runtimes::Interpreter) => "interpreter",
            (Verdict::Agree, Runtimes::Wasm) => "wasm",
            (Verdict::Mismatch { .. }, _) => "MISMATCH",
            (Verdict::WasmNotRun(_), _) => "interpreter only",
        };
        println!("{}: {}  [{tag}]", r.step, render_result(&r.interpreter));
        print_outcome(&r.interpreter);
        print_costs(r, runtimes);
        match &r.verdict {
            Verdict::Mismatch {
                part,
                interpreter,
                wasm,
            } => {
                mismatches += 1;
                let w = interpreter.chars().count().max(11);
                let (hi, hw) = highlight_diff(interpreter, wasm);
                let pad = " ".repeat(w - interpreter.chars().count());
                println!("  first difference: {part}");
                println!("    {:<w$} | {}", "interpreter", "wasm");
                println!("    {hi}{pad} | {hw}");
            }
            Verdict::WasmNotRun(why) => {
                not_run += 1;
                println!("  wasm: {why}");
            }
            Verdict::Agree => {}
        }
    }
    if runtimes == Runtimes::Both {
        println!(
            "{} steps: {} agree, {} mismatch, {} not run on wasm",
            reports.len(),
            reports.len() - mismatches - not_run,
            mismatches,
            not_run
        );
    }
}

fn outcome_json(o: &Outcome) -> Json {
    let (value, error) = match &o.result {
        Ok(Some(v)) => (json!(v.to_string()), Json::Null),
        Ok(None) => (Json::Null, Json::Null),
        Err(e) => (Json::Null, json!(e.kind)),
    };
    let writes: serde_json::Map<String, Json> = o
        .writes
        .iter()
        .map(|(k, v)| (key_text(k), json!(v)))
        .collect();
    json!({
        "ok": o.result.is_ok(),
        "value": value,
        "error": error,
        "events": o.events,
        "writes": writes,
        "cost": o.cost.as_ref().map(|c| json!({
            "runtime": c.runtime, "read_count": c.read_count, "read_length": c.read_length,
            "write_count": c.write_count, "write_length": c.write_length,
        })),
    })
}

pub fn to_json(reports: &[StepReport], runtimes: Runtimes) -> Json {
    let steps: Vec<Json> = reports
        .iter()
        .map(|r| {
            let (verdict, detail) = match &r.verdict {
                Verdict::Agree => ("agree", Json::Null),
                Verdict::Mismatch {
                    part,
                    interpreter,
                    wasm,
                } => (
                    "mismatch",
                    json!({"part": part, "interpreter": interpreter, "wasm": wasm}),
                ),
                Verdict::WasmNotRun(why) => ("wasm-not-run", json!(why)),
            };
            let (first, second) = match runtimes {
                Runtimes::Wasm => ("wasm", Json::Null),
                _ => (
                    "interpreter",
                    r.wasm.as_ref().map(outcome_json).unwrap_or(Json::Null),
                ),
            };
            let mut step = json!({ "step": r.step, "verdict": verdict, "mismatch": detail });
            step[first] = outcome_json(&r.interpreter);
            if runtimes == Runtimes::Both {
                step["wasm"] = second;
            }
            step
        })
        .collect();
    let agree = reports.iter().all(|r| r.agrees());
    json!({
        "runtime": match runtimes { Runtimes::Both => "both", Runtimes::Interpreter => "interpreter", Runtimes::Wasm => "wasm" },
        "agree": agree,
        "steps": steps,
    })
}
