//! Hover: the docs of a native, define form or keyword; for the contract's own
//! definitions their signature, and for its functions their Wasm size and cost.

use clarity::vm::representations::SymbolicExpressionType;
use clarity::vm::types::{PrincipalData, Value};
use tower_lsp::lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use crate::position::{clarity_pos, path_at, span_range};
use crate::workspace::Checked;
use clarinet_wasm_runtime::dual::render_cost_short as short;

pub fn hover(c: &Checked, at: Position) -> Option<Hover> {
    let (line, col) = clarity_pos(at);
    let path = path_at(&c.exprs, line, col);
    let e = *path.last()?;
    let text = match &e.expr {
        SymbolicExpressionType::Atom(name) => about_name(c, name.as_str())?,
        SymbolicExpressionType::LiteralValue(Value::Principal(PrincipalData::Contract(id))) => {
            let (_, fns) = c.callable.get(id.name.as_str())?;
            let mut s = format!("contract `{id}`\n\n");
            for (_, sig) in fns {
                s += &format!("- `{sig}`\n");
            }
            s
        }
        _ => return None,
    };
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: Some(span_range(&e.span)),
    })
}

fn about_name(c: &Checked, name: &str) -> Option<String> {
    if let Some(f) = c.functions.iter().find(|f| f.name == name) {
        let mut s = format!("```clarity\n{}\n```\n{} function\n\n", f.signature, f.kind);
        if let Some(b) = f.wasm_bytes {
            s += &format!("**Wasm:** {b} bytes of code");
            if let Some(m) = &c.compiled {
                s += &format!(" (module {} bytes)", m.wasm.len());
            }
            s += "\n\n";
        }
        if let Some(b) = &f.bound {
            let complete = if f.unbounded.is_empty() {
                String::new()
            } else {
                format!(" (not counting: {})", f.unbounded.join("; "))
            };
            s += &format!(
                "**cost of one application, at most:** {}{complete}\n\n",
                short(b)
            );
        }
        if let Some(m) = &f.measured {
            s += &format!(
                "**cost measured** (the most its calls cost in `test --costs`): {}\n",
                short(m)
            );
        }
        return Some(s);
    }
    if let Some(d) = c.definitions.iter().find(|d| d.name == name) {
        let decl = clarinet_wasm_runtime::analyze::span_text(&c.source, &d.span).unwrap_or("");
        return Some(format!(
            "```clarity\n{}\n```\n{}",
            first_lines(&decl, 6),
            d.kind_word()
        ));
    }
    crate::docs::lookup(name, c.version).map(|d| d.markdown())
}

fn first_lines(s: &str, n: usize) -> String {
    let lines: Vec<&str> = s.lines().collect();
    if lines.len() <= n {
        return s.to_string();
    }
    format!("{}\n  ...", lines[..n].join("\n"))
}
