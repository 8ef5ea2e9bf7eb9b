//! Positions: Clarity's spans (1-based lines and columns, the end column inclusive) and
//! the protocol's ranges (0-based, UTF-16 columns, the end exclusive), and finding what
//! lies at a position in the source text or in the AST.

use clarity::vm::representations::Span;
use clarity::vm::SymbolicExpression;
use tower_lsp::lsp_types::{Position, Range};

pub fn span_range(s: &Span) -> Range {
    if s.start_line == 0 {
        return Range::default();
    }
    Range {
        start: Position::new(s.start_line - 1, s.start_column.saturating_sub(1)),
        end: Position::new(s.end_line.max(1) - 1, s.end_column),
    }
}

/// The protocol position as Clarity's (line, column).
pub fn clarity_pos(p: Position) -> (u32, u32) {
    (p.line + 1, p.character + 1)
}

fn contains(s: &Span, line: u32, col: u32) -> bool {
    let after_start = (line, col) >= (s.start_line, s.start_column);
    // The column just after an atom still counts as on it (a cursor at a word's end).
    let before_end = (line, col) <= (s.end_line, s.end_column + 1);
    s.start_line != 0 && after_start && before_end
}

/// The expressions around (line, col), outermost first.
pub fn path_at(exprs: &[SymbolicExpression], line: u32, col: u32) -> Vec<&SymbolicExpression> {
    let mut path = vec![];
    let mut level = exprs;
    loop {
        let Some(e) = level.iter().find(|e| contains(&e.span, line, col)) else {
            return path;
        };
        path.push(e);
        match e.match_list() {
            Some(items) => level = items,
            None => return path,
        }
    }
}

/// The byte offset of a protocol position in `text` (clamped to the text).
pub fn offset(text: &str, p: Position) -> usize {
    let mut line_start = 0;
    for _ in 0..p.line {
        match text[line_start..].find('\n') {
            Some(i) => line_start += i + 1,
            None => return text.len(),
        }
    }
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |i| line_start + i);
    let mut units = 0;
    for (i, c) in text[line_start..line_end].char_indices() {
        if units >= p.character as usize {
            return line_start + i;
        }
        units += c.len_utf16();
    }
    line_end
}

/// The document's text up to a position (for completion and signature help, which read
/// the open call before it, even while the source does not parse).
pub fn before(text: &str, p: Position) -> &str {
    &text[..offset(text, p)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_utf16_units() {
        let text = "(a\n  \"é😀\" b)\n";
        assert_eq!(offset(text, Position::new(0, 1)), 1);
        assert_eq!(offset(text, Position::new(1, 2)), 5);
        // é is one unit, 😀 two.
        assert_eq!(&text[offset(text, Position::new(1, 6))..], "\" b)\n");
        assert_eq!(offset(text, Position::new(9, 0)), text.len());
    }
}
