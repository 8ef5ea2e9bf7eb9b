//! Parse and type-check a contract exactly as the interpreter's deployment does; both
//! runtimes start from this, and the compiler reads its AST and type map.

use clarity::types::StacksEpochId;
use clarity::vm::analysis::{run_analysis, AnalysisDatabase, ContractAnalysis};
use clarity::vm::ast::{build_ast_with_rules, ASTRules, ContractAST};
use clarity::vm::costs::LimitedCostTracker;
use clarity::vm::diagnostic::Diagnostic;
use clarity::vm::representations::Span;
use clarity::vm::types::QualifiedContractIdentifier;
use clarity::vm::ClarityVersion;

use crate::store::MemStore;

pub struct Analyzed {
    pub ast: ContractAST,
    pub analysis: ContractAnalysis,
}

/// A parse or analysis failure, with the interpreter's message and position.
#[derive(Clone, Debug)]
pub struct AnalysisFailure {
    pub stage: &'static str,
    pub diagnostic: Diagnostic,
}

impl AnalysisFailure {
    pub fn line_col(&self) -> (u32, u32) {
        self.diagnostic
            .spans
            .first()
            .map(|s| (s.start_line, s.start_column))
            .unwrap_or((0, 0))
    }
}

impl std::fmt::Display for AnalysisFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.diagnostic.message)
    }
}

pub fn analyze(
    store: &mut MemStore,
    id: &QualifiedContractIdentifier,
    source: &str,
    version: ClarityVersion,
    epoch: StacksEpochId,
) -> Result<Analyzed, AnalysisFailure> {
    let mut ast = build_ast_with_rules(id, source, &mut (), version, epoch, ASTRules::PrecheckSize)
        .map_err(|e| {
            let mut diagnostic = e.diagnostic;
            diagnostic.message = stable_cycle_message(&diagnostic.message);
            if diagnostic.spans.iter().all(|s| s.start_line == 0) {
                // Some parse errors (an unclosed list) come without a position: point at the
                // list left open, or at the end of the source.
                let (line, column) = unclosed_paren(source).unwrap_or_else(|| end_of(source));
                diagnostic.spans = vec![Span {
                    start_line: line,
                    start_column: column,
                    end_line: line,
                    end_column: column,
                }];
            }
            AnalysisFailure {
                stage: "parse",
                diagnostic,
            }
        })?;
    let mut db = AnalysisDatabase::new(store);
    let analysis = run_analysis(
        id,
        &mut ast.expressions,
        &mut db,
        false,
        LimitedCostTracker::new_free(),
        epoch,
        version,
    )
    .map_err(|(e, _)| AnalysisFailure {
        stage: "analysis",
        diagnostic: e.diagnostic,
    })?;
    Ok(Analyzed { ast, analysis })
}

/// clarity-vm names the functions of a definition cycle in hash-set order, which changes
/// from one parse to the next: the names are sorted so that the message is one text.
fn stable_cycle_message(message: &str) -> String {
    const HEAD: &str = "detected interdependent functions (";
    let Some(at) = message.find(HEAD) else {
        return message.to_string();
    };
    let start = at + HEAD.len();
    let Some(len) = message[start..].find(')') else {
        return message.to_string();
    };
    let mut names: Vec<&str> = message[start..start + len].split(", ").collect();
    names.sort_unstable();
    format!(
        "{}{}{}",
        &message[..start],
        names.join(", "),
        &message[start + len..]
    )
}

/// Record the analysis the way a deployment does, so later contracts can type-check calls.
/// The source text a span covers: lines from 1, columns from 1 and inclusive, as
/// clarity-vm's parser counts them (in characters, which are bytes: a contract is ASCII).
/// `None` for a span without a position, or one outside `source`.
pub fn span_text<'s>(source: &'s str, span: &Span) -> Option<&'s str> {
    if span.start_line == 0 || span.end_line == 0 {
        return None;
    }
    let line_start = |n: u32| -> Option<usize> {
        let skipped = source.split_inclusive('\n').take(n as usize - 1);
        let (count, bytes) = skipped.fold((0, 0), |(c, b), l| (c + 1, b + l.len()));
        (count == n as usize - 1).then_some(bytes)
    };
    let start = line_start(span.start_line)? + span.start_column.saturating_sub(1) as usize;
    let end = line_start(span.end_line)? + span.end_column as usize;
    source.get(start..end.max(start))
}

pub fn save_analysis(
    store: &mut MemStore,
    id: &QualifiedContractIdentifier,
    analysis: &ContractAnalysis,
) {
    let mut db = AnalysisDatabase::new(store);
    db.execute(|db| db.insert_contract(id, analysis))
        .expect("analysis saved");
}

/// Line and column of the first `(` or `{` never closed (strings and comments skipped).
fn unclosed_paren(source: &str) -> Option<(u32, u32)> {
    let mut stack = vec![];
    let (mut line, mut col) = (1u32, 0u32);
    let mut chars = source.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        col += 1;
        if c == '\n' {
            line += 1;
            col = 0;
            continue;
        }
        if in_string {
            if c == '\\' {
                chars.next();
                col += 1;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            ';' => {
                while let Some(&n) = chars.peek() {
                    if n == '\n' {
                        break;
                    }
                    chars.next();
                }
            }
            '(' | '{' => stack.push((line, col)),
            ')' | '}' => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.first().copied()
}

fn end_of(source: &str) -> (u32, u32) {
    let lines = source.lines().count().max(1) as u32;
    let last = source.lines().last().map_or(0, |l| l.chars().count()) as u32;
    (lines, last + 1)
}

/// `analyze` on a chain, a failure being the step's outcome (both runtimes report it alike).
pub fn analyze_step(
    chain: &mut crate::chain::Chain,
    id: &QualifiedContractIdentifier,
    source: &str,
    version: ClarityVersion,
) -> Result<Analyzed, crate::Outcome> {
    let epoch = chain.epoch;
    analyze(&mut chain.store, id, source, version, epoch)
        .map_err(|e| crate::Outcome::error(format!("{}: {}", e.stage, e)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn cycle_names_are_sorted() {
        assert_eq!(
            super::stable_cycle_message("detected interdependent functions (b, c, a)"),
            "detected interdependent functions (a, b, c)"
        );
        assert_eq!(super::stable_cycle_message("other"), "other");
    }

    #[test]
    fn span_text_reads_one_line_and_several() {
        let src = "(define-read-only (f)\n  (+ 1\n     2))\n";
        let span = |sl, sc, el, ec| clarity::vm::representations::Span {
            start_line: sl,
            start_column: sc,
            end_line: el,
            end_column: ec,
        };
        assert_eq!(super::span_text(src, &span(1, 19, 1, 21)), Some("(f)"));
        assert_eq!(
            super::span_text(src, &span(2, 3, 3, 7)),
            Some("(+ 1\n     2)")
        );
        assert_eq!(super::span_text(src, &span(0, 0, 0, 0)), None);
        assert_eq!(super::span_text(src, &span(9, 1, 9, 2)), None);
    }
}
