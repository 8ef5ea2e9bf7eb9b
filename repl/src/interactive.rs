//! The console in a terminal (rustyline): history kept between sessions, a continuation
//! prompt while brackets are open, tab completion, Ctrl-C clears the input, Ctrl-D quits.

use std::collections::BTreeSet;
use std::path::PathBuf;

use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Editor, Helper};

use crate::commands::{reference, COMMANDS};
use crate::console::Console;
use crate::forms::open_brackets;

/// Completion candidates: natives, keywords, commands, and the session's names.
struct Names {
    session: BTreeSet<String>,
}

impl Completer for Names {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..pos];
        let start = before
            .rfind(|c: char| c.is_whitespace() || "(){}'".contains(c))
            .map_or(0, |i| i + 1);
        let word = &before[start..];
        if word.is_empty() {
            return Ok((pos, vec![]));
        }
        let r = reference();
        let commands = COMMANDS.iter().map(|(n, _, _)| n.to_string());
        let mut out: Vec<Pair> = r
            .natives
            .iter()
            .chain(&r.keywords)
            .cloned()
            .chain(commands)
            .chain(self.session.iter().cloned())
            .filter(|c| c.starts_with(word))
            .map(|c| Pair {
                display: c.clone(),
                replacement: c,
            })
            .collect();
        out.sort_by(|a, b| a.display.cmp(&b.display));
        out.dedup_by(|a, b| a.display == b.display);
        Ok((start, out))
    }
}

impl Hinter for Names {
    type Hint = String;
}

impl Highlighter for Names {
    /// Strings green, comments dimmed, numbers yellow, natives and keywords cyan, `::`
    /// commands bold; nothing when colours are off (`NO_COLOR`, not a terminal).
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> std::borrow::Cow<'l, str> {
        if !colored::control::SHOULD_COLORIZE.should_colorize() {
            return line.into();
        }
        colour(line).into()
    }

    fn highlight_char(&self, _line: &str, _pos: usize) -> bool {
        true
    }
}

/// `line` with ANSI colours (see `Highlighter::highlight`).
fn colour(line: &str) -> String {
    use colored::Colorize;
    if line.trim_start().starts_with("::") {
        return line.bold().to_string();
    }
    let r = reference();
    let mut out = String::new();
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        let len = match c {
            '"' => {
                let end = rest[1..].find('"').map_or(rest.len(), |i| i + 2);
                out += &rest[..end].green().to_string();
                end
            }
            ';' => {
                out += &rest.dimmed().to_string();
                rest.len()
            }
            c if c.is_whitespace() || "(){}',:".contains(c) => {
                out.push(c);
                c.len_utf8()
            }
            _ => {
                let end = rest
                    .find(|c: char| c.is_whitespace() || "(){}',:\"".contains(c))
                    .unwrap_or(rest.len());
                let word = &rest[..end];
                let number = word
                    .trim_start_matches(['u', '-'])
                    .chars()
                    .all(|c| c.is_ascii_digit())
                    && word.chars().any(|c| c.is_ascii_digit());
                if number {
                    out += &word.yellow().to_string();
                } else if r.natives.iter().chain(&r.keywords).any(|n| n == word) {
                    out += &word.cyan().to_string();
                } else {
                    out += word;
                }
                end
            }
        };
        rest = &rest[len..];
    }
    out
}
impl Validator for Names {}
impl Helper for Names {}

fn history_path() -> Option<PathBuf> {
    let home = std::env::var_os("CLARINET_WASM_HISTORY")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".clarinet-wasm/history"))
        })?;
    Some(home)
}

/// Read, run and print until Ctrl-D; returns whether any input failed.
pub fn run(console: &mut Console) -> bool {
    let mut rl: Editor<Names> = Editor::new();
    rl.set_helper(Some(Names {
        session: console.names(),
    }));
    let history = history_path();
    if let Some(h) = &history {
        let _ = rl.load_history(h);
    }
    print!("{}", console.banner());
    let mut failed = false;
    let mut pending = String::new();
    loop {
        let prompt = if pending.is_empty() { ">> " } else { ".. " };
        match rl.readline(prompt) {
            Ok(line) => {
                if !pending.is_empty() {
                    pending.push('\n');
                }
                pending.push_str(&line);
                let complete =
                    pending.trim_start().starts_with("::") || open_brackets(&pending) == 0;
                if !complete {
                    continue;
                }
                let input = std::mem::take(&mut pending);
                if input.trim().is_empty() {
                    continue;
                }
                rl.add_history_entry(input.as_str());
                let r = console.input(&input);
                failed |= r.failed;
                print!("{}", r.text);
                if let Some(h) = rl.helper_mut() {
                    h.session = console.names();
                }
            }
            // Ctrl-C: drop what was typed, keep the session.
            Err(ReadlineError::Interrupted) => {
                pending.clear();
            }
            Err(ReadlineError::Eof) => break,
            Err(e) => {
                eprintln!("console: {e}");
                failed = true;
                break;
            }
        }
    }
    if let Some(h) = &history {
        if let Some(dir) = h.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = rl.save_history(h);
    }
    failed
}

#[cfg(test)]
mod tests {
    #[test]
    fn colouring_keeps_the_text() {
        let _turn = crate::COLOUR_OVERRIDE
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        colored::control::set_override(true);
        let line = "(ok (+ u1 2 \"a b\")) ;; note";
        let coloured = super::colour(line);
        colored::control::unset_override();
        let plain: String = {
            // Strip the ANSI sequences.
            let mut s = String::new();
            let mut chars = coloured.chars();
            while let Some(c) = chars.next() {
                if c == '\u{1b}' {
                    for d in chars.by_ref() {
                        if d == 'm' {
                            break;
                        }
                    }
                } else {
                    s.push(c);
                }
            }
            s
        };
        assert_eq!(plain, line);
        assert_ne!(coloured, line);
    }
}
