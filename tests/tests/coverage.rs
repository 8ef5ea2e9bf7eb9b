//! The coverage table (`compiler/COVERAGE.md`) cannot drift: it has exactly one row for
//! each native function, keyword and definition clarity-vm 2.1.1 knows; each row names
//! the compiler file that implements the word (which names it), the host file if any
//! (which names it too), and a differential test file that uses the word.

use std::collections::BTreeSet;
use std::path::Path;

use clarity::vm::functions::define::DefineFunctions;
use clarity::vm::functions::NativeFunctions;
use clarity::vm::variables::NativeVariables;

struct Row {
    word: String,
    cells: Vec<String>,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()
}

/// Rows of the table: `| `word` | kind | compiler file | host file or — | test file |`.
fn rows() -> Vec<Row> {
    let text = std::fs::read_to_string(root().join("compiler/COVERAGE.md")).unwrap();
    text.lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<String> = l
                .trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().trim_matches('`').to_string())
                .collect();
            Row {
                word: cells[0].clone(),
                cells,
            }
        })
        .collect()
}

fn read(file: &str) -> String {
    std::fs::read_to_string(root().join(file))
        .unwrap_or_else(|e| panic!("{file} named in COVERAGE.md: {e}"))
}

/// Whether `text` uses `word` as a Clarity token (after `(`, a space or a quote, before a
/// space or `)`).
fn uses(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        matches!(before, Some('(' | ' ' | '\n' | '"' | '\''))
            && matches!(after, Some(' ' | ')' | '\n'))
    })
}

#[test]
fn every_word_has_a_complete_row() {
    let known: BTreeSet<String> = NativeFunctions::ALL_NAMES
        .iter()
        .chain(NativeVariables::ALL_NAMES)
        .chain(DefineFunctions::ALL_NAMES)
        .map(|s| s.to_string())
        .collect();
    let rows = rows();
    let listed: BTreeSet<String> = rows.iter().map(|r| r.word.clone()).collect();
    let mut problems = vec![];
    for w in known.difference(&listed) {
        problems.push(format!("no row for {w}"));
    }
    for w in listed.difference(&known) {
        problems.push(format!("row for {w}, which clarity-vm does not know"));
    }
    if listed.len() != rows.len() {
        problems.push("a word has two rows".into());
    }
    for r in &rows {
        let [_, kind, compiler, host, test] = &r.cells[..] else {
            problems.push(format!(
                "{}: expected 5 cells, found {}",
                r.word,
                r.cells.len()
            ));
            continue;
        };
        let w = &r.word;
        if [kind, compiler, host, test].iter().any(|c| c.is_empty()) {
            problems.push(format!("{w}: an empty cell"));
        }
        let names =
            |text: &str| text.contains(&format!("\"{w}\"")) || text.contains(&format!("`{w}`"));
        if !names(&read(compiler)) {
            problems.push(format!("{w}: {compiler} does not name it"));
        }
        if host != "—" && !names(&read(host)) {
            problems.push(format!("{w}: {host} does not name it"));
        }
        if !test.starts_with("tests/tests/") || !uses(&read(test), w) {
            problems.push(format!("{w}: {test} does not use it"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The words, one per line with their kind (F native, V keyword, D definition), for
/// `scripts/coverage_table.py`:
/// `cargo test -p clarinet-wasm-tests --test coverage -- --ignored --nocapture word_list`.
#[test]
#[ignore]
fn word_list() {
    for n in NativeFunctions::ALL_NAMES {
        println!("F {n}");
    }
    for n in NativeVariables::ALL_NAMES {
        println!("V {n}");
    }
    for n in DefineFunctions::ALL_NAMES {
        println!("D {n}");
    }
}
