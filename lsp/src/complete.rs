//! Completion and signature help. Both read the text before the cursor rather than the
//! AST: while typing, the source rarely parses.

use tower_lsp::lsp_types::{
    CompletionItem, CompletionItemKind, Documentation, MarkupContent, MarkupKind,
    ParameterInformation, ParameterLabel, Position, SignatureHelp, SignatureInformation,
};

use crate::workspace::Checked;

pub fn completion(c: &Checked, text: &str, at: Position) -> Vec<CompletionItem> {
    let before = crate::position::before(text, at);
    let words = open_call(before);
    // `(contract-call? .name fn`: the callee's public and read-only functions.
    if let Some((head, args)) = &words {
        if head == "contract-call?" {
            // Which argument is being typed: the callee, then its function.
            match typing(before, args) {
                0 => return contracts(c),
                1 => {
                    let callee = args[0].trim_start_matches('\'');
                    let name = callee.rsplit('.').next().unwrap_or(callee);
                    return match c.callable.get(name) {
                        Some((_, fns)) => fns
                            .iter()
                            .map(|(f, sig)| item(f, CompletionItemKind::FUNCTION, sig))
                            .collect(),
                        None => vec![],
                    };
                }
                _ => {}
            }
        }
    }
    let mut items: Vec<CompletionItem> = crate::docs::all(c.version)
        .iter()
        .map(|d| {
            let kind = if d.keyword {
                CompletionItemKind::KEYWORD
            } else {
                CompletionItemKind::FUNCTION
            };
            let mut i = item(&d.name, kind, &d.signature);
            i.documentation = Some(Documentation::MarkupContent(MarkupContent {
                kind: MarkupKind::Markdown,
                value: d.markdown(),
            }));
            i
        })
        .collect();
    for d in &c.definitions {
        let kind = if d.is_function() {
            CompletionItemKind::FUNCTION
        } else {
            match d.kind {
                clarity::vm::functions::define::DefineFunctions::Constant => {
                    CompletionItemKind::CONSTANT
                }
                clarity::vm::functions::define::DefineFunctions::Trait
                | clarity::vm::functions::define::DefineFunctions::UseTrait => {
                    CompletionItemKind::INTERFACE
                }
                _ => CompletionItemKind::VARIABLE,
            }
        };
        let detail = match c.functions.iter().find(|f| f.name == d.name) {
            Some(f) => f.signature.clone(),
            None => d.kind_word().to_string(),
        };
        items.push(item(&d.name, kind, &detail));
    }
    items
}

fn contracts(c: &Checked) -> Vec<CompletionItem> {
    c.callable
        .iter()
        .map(|(name, (id, _))| item(name, CompletionItemKind::MODULE, &id.to_string()))
        .collect()
}

fn item(label: &str, kind: CompletionItemKind, detail: &str) -> CompletionItem {
    CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        detail: Some(detail.to_string()),
        ..Default::default()
    }
}

/// The list the cursor is in: its head word and the arguments typed so far (each as
/// text; nested lists count as one).
pub fn open_call(before: &str) -> Option<(String, Vec<String>)> {
    // Find the unclosed `(` nearest the cursor, skipping strings and comments.
    let mut stack: Vec<usize> = vec![];
    let mut in_string = false;
    let mut chars = before.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        match ch {
            '"' => in_string = !in_string,
            '\\' if in_string => {
                chars.next();
            }
            ';' if !in_string => {
                for (_, c2) in chars.by_ref() {
                    if c2 == '\n' {
                        break;
                    }
                }
            }
            '(' if !in_string => stack.push(i),
            ')' if !in_string => {
                stack.pop();
            }
            _ => {}
        }
    }
    let start = *stack.last()? + 1;
    let mut words = vec![];
    let mut depth = 0;
    let mut current = String::new();
    for ch in before[start..].chars() {
        match ch {
            '(' | '{' => {
                depth += 1;
                current.push(ch);
            }
            ')' | '}' => {
                depth -= 1;
                current.push(ch);
            }
            c if c.is_whitespace() && depth == 0 => {
                if !current.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
            }
            _ => current.push(ch),
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    let mut words = words.into_iter();
    let head = words.next()?;
    Some((head, words.collect()))
}

/// Which argument of the open call `before` ends in is being typed (from 0): a new one
/// after a space, else the last one begun.
fn typing(before: &str, args: &[String]) -> usize {
    if before.ends_with(char::is_whitespace) {
        args.len()
    } else {
        args.len().saturating_sub(1)
    }
}

pub fn signature_help(c: &Checked, text: &str, at: Position) -> Option<SignatureHelp> {
    let before = crate::position::before(text, at);
    let (head, args) = open_call(before)?;
    let active = typing(before, &args);
    let (label, params) = if let Some(f) = c.functions.iter().find(|f| f.name == head) {
        let d = c.definitions.iter().find(|d| d.name == head);
        (
            f.signature.clone(),
            d.map(|d| d.params.clone()).unwrap_or_default(),
        )
    } else {
        let d = crate::docs::lookup(&head, c.version)?;
        let params: Vec<String> = d
            .signature
            .trim_start_matches('(')
            .trim_end_matches(')')
            .split_whitespace()
            .skip(1)
            .map(str::to_string)
            .collect();
        (d.signature.clone(), params)
    };
    Some(SignatureHelp {
        signatures: vec![SignatureInformation {
            label,
            documentation: None,
            parameters: Some(
                params
                    .into_iter()
                    .map(|p| ParameterInformation {
                        label: ParameterLabel::Simple(p),
                        documentation: None,
                    })
                    .collect(),
            ),
            active_parameter: Some(active as u32),
        }],
        active_signature: Some(0),
        active_parameter: Some(active as u32),
    })
}
