//! How the console shows a step: once when the runtimes agree; both sides, the differing
//! part highlighted, when they do not.

use std::fmt::Write as _;
use std::time::Duration;

use clarinet_wasm_runtime::dual::{
    render_cost, render_cost_short, render_result, StepReport, Verdict,
};
use clarinet_wasm_runtime::trace::{first_difference, Item, Node, Traces};
use colored::Colorize;

/// What to show besides the result.
#[derive(Clone, Copy, Default)]
pub struct Show {
    pub costs: bool,
    pub timings: bool,
}

/// The text of a step, and whether it counts as a failure (an error, or a mismatch).
pub fn step(r: &StepReport, show: Show) -> (String, bool) {
    let mut s = String::new();
    let o = &r.interpreter;
    let mut failed = o.result.is_err();
    match &r.verdict {
        Verdict::Agree | Verdict::WasmNotRun(_) => {
            if !o.events.is_empty() {
                let _ = writeln!(s, "{}", "Events emitted".dimmed());
                for e in &o.events {
                    let _ = writeln!(s, "{}", e.dimmed());
                }
            }
            let text = match &o.result {
                Err(e) => match explain(&e.kind) {
                    Some(plain) => format!("error: {plain} ({})", e.kind),
                    None => format!("error: {}", e.kind),
                },
                Ok(_) => render_result(o),
            };
            let _ = writeln!(
                s,
                "{}",
                if o.result.is_err() {
                    text.red()
                } else {
                    text.green()
                }
            );
            if let Verdict::WasmNotRun(why) = &r.verdict {
                let _ = writeln!(s, "{} {why}", "interpreter only:".yellow());
            }
        }
        Verdict::Mismatch {
            part,
            interpreter,
            wasm,
        } => {
            failed = true;
            let _ = writeln!(
                s,
                "{}",
                format!("the runtimes differ in {part}").red().bold()
            );
            let (i, w) = highlight(interpreter, wasm);
            let _ = writeln!(s, "  interpreter: {i}");
            let _ = writeln!(s, "  wasm:        {w}");
        }
    }
    if show.costs {
        if let Some(c) = &o.cost {
            let _ = writeln!(s, "{} {}", "cost:".dimmed(), render_cost(c));
        }
    }
    if show.timings {
        let _ = writeln!(s, "{}", timings(r).dimmed());
    }
    (s, failed)
}

/// The common error kinds in plain words (the kind itself is shown beside them).
fn explain(kind: &str) -> Option<String> {
    let inner = |prefix: &str| {
        kind.strip_prefix(prefix)
            .and_then(|r| r.strip_suffix("))"))
            .map(|r| r.trim_matches('"').to_string())
    };
    Some(match kind {
        "Runtime(ArithmeticUnderflow)" => "arithmetic underflow".into(),
        "Runtime(ArithmeticOverflow)" => "arithmetic overflow".into(),
        "Runtime(DivisionByZero)" => "division by zero".into(),
        "Runtime(UnwrapFailure)" => "unwrap of none or of an err".into(),
        k if k.contains("CostBalanceExceeded") => "the cost limit was exceeded".into(),
        _ => {
            if let Some(v) = inner("ShortReturn(ExpectedValue(") {
                format!("returned early with {v}")
            } else if let Some(v) = inner("ShortReturn(AssertionFailed(") {
                format!("asserts! failed with {v}")
            } else if let Some(c) = inner("Unchecked(NoSuchContract(") {
                format!("no contract {c}")
            } else if let Some(f) = inner("Unchecked(UndefinedFunction(") {
                format!("no function {f}")
            } else {
                return None;
            }
        }
    })
}

fn micros(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us >= 1000.0 {
        format!("{:.2} ms", us / 1000.0)
    } else {
        format!("{us:.1} µs")
    }
}

/// `interpreter 612.0 µs, wasm 3.1 µs (197x)`.
pub fn timings(r: &StepReport) -> String {
    match (r.times.interpreter, r.times.wasm) {
        (Some(i), Some(w)) => {
            let ratio = i.as_secs_f64() / w.as_secs_f64().max(1e-9);
            format!(
                "time: interpreter {}, wasm {} ({})",
                micros(i),
                micros(w),
                if ratio >= 10.0 {
                    format!("{ratio:.0}x")
                } else {
                    format!("{ratio:.1}x")
                }
            )
        }
        (Some(i), None) => format!("time: interpreter {}", micros(i)),
        (None, Some(w)) => format!("time: wasm {}", micros(w)),
        (None, None) => "time: -".into(),
    }
}

/// Both renderings with what differs, from the first differing character, in red.
pub fn highlight(a: &str, b: &str) -> (String, String) {
    let common = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map(|((i, _), _)| i)
        .unwrap_or(a.len().min(b.len()));
    let mark = |s: &str| {
        let at = common.min(s.len());
        let at = (0..=at).rev().find(|i| s.is_char_boundary(*i)).unwrap_or(0);
        format!("{}{}", &s[..at], s[at..].red().bold())
    };
    (mark(a), mark(b))
}

/// The call trees of `::trace`: once when the runtimes agree on every node; else both,
/// the first node where they differ marked. Also whether they differ.
pub fn traces(t: &Traces) -> (String, bool) {
    let mut s = String::new();
    let mut differ = false;
    match (&t.interpreter, &t.wasm) {
        (Some(i), Some(w)) => match first_difference(i, w) {
            None => {
                let _ = writeln!(
                    s,
                    "{}",
                    "call tree (the runtimes agree on every node)".bold()
                );
                tree(&mut s, i, None);
            }
            Some((path, part)) => {
                differ = true;
                let _ = writeln!(
                    s,
                    "{}",
                    format!("the call trees differ first in {part} (marked ◀)")
                        .red()
                        .bold()
                );
                let _ = writeln!(s, "{}", "interpreter:".bold());
                tree(&mut s, i, Some((&path, part)));
                let _ = writeln!(s, "{}", "wasm:".bold());
                tree(&mut s, w, Some((&path, part)));
            }
        },
        (Some(one), None) | (None, Some(one)) => {
            let side = if t.interpreter.is_some() {
                "interpreter"
            } else {
                "wasm"
            };
            let _ = writeln!(s, "{}", format!("call tree ({side} only)").bold());
            tree(&mut s, one, None);
        }
        (None, None) => {}
    }
    (s, differ)
}

fn tree(s: &mut String, root: &Node, mark: Option<(&[usize], &str)>) {
    let here = mark.filter(|(p, _)| p.is_empty()).map(|(_, part)| part);
    node_line(s, "", root, here);
    items(s, "", &root.items, mark);
}

fn node_line(s: &mut String, lead: &str, n: &Node, marked: Option<&str>) {
    let _ = write!(
        s,
        "{lead}{} -> {}  {}",
        n.call,
        n.result,
        render_cost_short(&n.cost).dimmed()
    );
    end_line(s, marked);
}

fn end_line(s: &mut String, marked: Option<&str>) {
    if let Some(part) = marked {
        let _ = write!(s, "  {}", format!("◀ {part}").red().bold());
    }
    s.push('\n');
}

fn items(s: &mut String, indent: &str, list: &[Item], mark: Option<(&[usize], &str)>) {
    for (i, item) in list.iter().enumerate() {
        let last = i + 1 == list.len();
        let lead = format!("{indent}{}", if last { "└─ " } else { "├─ " });
        let deeper = format!("{indent}{}", if last { "   " } else { "│  " });
        // The mark, followed down the path through this item.
        let below = mark.and_then(|(p, part)| match p.split_first() {
            Some((first, rest)) if *first == i => Some((rest, part)),
            _ => None,
        });
        let here = below.filter(|(p, _)| p.is_empty()).map(|(_, part)| part);
        match item {
            Item::Call(n) => {
                node_line(s, &lead, n, here);
                items(s, &deeper, &n.items, below);
            }
            Item::Event(e) => {
                let _ = write!(s, "{lead}{} {e}", "event".cyan());
                end_line(s, here);
            }
            Item::Write(w) => {
                let _ = write!(s, "{lead}{} {w}", "write".yellow());
                end_line(s, here);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn common_errors_are_said_in_plain_words() {
        use super::explain;
        assert_eq!(
            explain("Runtime(ArithmeticUnderflow)").as_deref(),
            Some("arithmetic underflow")
        );
        assert_eq!(
            explain("Unchecked(NoSuchContract(\"ST1.nope\"))").as_deref(),
            Some("no contract ST1.nope")
        );
        assert_eq!(
            explain("Unchecked(UndefinedFunction(\"bump\"))").as_deref(),
            Some("no function bump")
        );
        assert_eq!(explain("Something(Else)"), None);
    }

    #[test]
    fn the_difference_starts_where_the_texts_part() {
        let _turn = crate::COLOUR_OVERRIDE
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        colored::control::set_override(false);
        let (a, b) = super::highlight("(ok u3)", "(ok u4)");
        assert_eq!((a.as_str(), b.as_str()), ("(ok u3)", "(ok u4)"));
        colored::control::set_override(true);
        let (a, _) = super::highlight("(ok u3)", "(ok u4)");
        assert!(a.starts_with("(ok u") && a.contains("\u{1b}["), "{a:?}");
        colored::control::unset_override();
    }
}
