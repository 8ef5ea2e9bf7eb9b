//! Where one input ends: a form is complete when every bracket opened outside strings and
//! comments is closed. The console reads until then (a continuation prompt in a terminal;
//! the next line of a script).

/// What the scanner sees outside strings and comments.
enum Token {
    Open,
    Close,
    /// A character of an atom (a name, a number, a literal).
    Atom,
    /// Whitespace, or a whole comment.
    Space,
    /// A whole string literal; `false` if it never closes.
    Str(bool),
}

/// `text` as tokens, strings and `;;` comments taken whole.
fn tokens(text: &str) -> impl Iterator<Item = Token> + '_ {
    let mut chars = text.chars().peekable();
    std::iter::from_fn(move || {
        let c = chars.next()?;
        Some(match c {
            '"' => {
                let mut closed = false;
                while let Some(s) = chars.next() {
                    match s {
                        '\\' => {
                            chars.next();
                        }
                        '"' => {
                            closed = true;
                            break;
                        }
                        _ => {}
                    }
                }
                Token::Str(closed)
            }
            ';' => {
                for s in chars.by_ref() {
                    if s == '\n' {
                        break;
                    }
                }
                Token::Space
            }
            '(' | '{' => Token::Open,
            ')' | '}' => Token::Close,
            c if c.is_whitespace() || c == ',' => Token::Space,
            _ => Token::Atom,
        })
    })
}

/// How many brackets are still open at the end of `text` (0: complete). A closing bracket
/// with nothing open counts as complete: the parser reports it. An unclosed string keeps
/// the form open.
pub fn open_brackets(text: &str) -> usize {
    let mut depth: usize = 0;
    for t in tokens(text) {
        match t {
            Token::Open => depth += 1,
            Token::Close => depth = depth.saturating_sub(1),
            Token::Str(false) => return depth + 1,
            _ => {}
        }
    }
    depth
}

/// How many forms `text` holds at its top level (lists, tuples, strings and atoms).
pub fn top_level_forms(text: &str) -> usize {
    let (mut n, mut depth, mut in_atom) = (0, 0usize, false);
    for t in tokens(text) {
        let starts = depth == 0 && !(in_atom && matches!(t, Token::Atom));
        match t {
            Token::Open => {
                n += usize::from(depth == 0);
                depth += 1;
            }
            Token::Close => depth = depth.saturating_sub(1),
            Token::Atom | Token::Str(_) => n += usize::from(starts),
            Token::Space => {}
        }
        in_atom = matches!(t, Token::Atom);
    }
    n
}

/// A script split into inputs: a line starting with `::` is a command; anything else is
/// read up to the end of the line where its brackets close. Blank lines and comment-only
/// lines between inputs are skipped.
pub fn split(script: &str) -> Vec<(usize, String)> {
    let mut out = vec![];
    let mut pending = String::new();
    let mut start = 0;
    for (i, line) in script.lines().enumerate() {
        if pending.is_empty() {
            let t = line.trim();
            if t.is_empty() || t.starts_with(";;") {
                continue;
            }
            if t.starts_with("::") {
                out.push((i + 1, t.to_string()));
                continue;
            }
            start = i + 1;
        } else {
            pending.push('\n');
        }
        pending.push_str(line);
        if open_brackets(&pending) == 0 {
            out.push((start, std::mem::take(&mut pending)));
        }
    }
    if !pending.trim().is_empty() {
        out.push((start, pending));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_in_strings_and_comments_do_not_count() {
        assert_eq!(open_brackets("(+ 1 2)"), 0);
        assert_eq!(open_brackets("(begin\n  (+ 1"), 2);
        assert_eq!(open_brackets(r#"(concat "(" "\")")"#), 0);
        assert_eq!(open_brackets("(list 1 ;; ) not closing\n"), 1);
        assert_eq!(open_brackets("{ a: 1"), 1);
        assert_eq!(open_brackets("\"open"), 1);
        assert_eq!(open_brackets(")"), 0);
    }

    #[test]
    fn top_level_forms_are_counted() {
        assert_eq!(top_level_forms("(+ 1 2)"), 1);
        assert_eq!(top_level_forms("(+ 1 2) (+ 3 4)"), 2);
        assert_eq!(top_level_forms("u1"), 1);
        assert_eq!(top_level_forms("{ a: 1, b: (list 1 2) }"), 1);
        assert_eq!(top_level_forms("\"a b\" 1"), 2);
        assert_eq!(top_level_forms("(ok u1) ;; (two)"), 1);
        assert_eq!(top_level_forms("tx-sender"), 1);
    }

    #[test]
    fn scripts_split_into_commands_and_complete_forms() {
        let s =
            "::get_block_height\n;; a comment\n(+ 1\n  2)\n\n(ok u1) (ok u2)\n::help\n(unclosed";
        let forms: Vec<_> = split(s);
        assert_eq!(
            forms,
            vec![
                (1, "::get_block_height".to_string()),
                (3, "(+ 1\n  2)".to_string()),
                (6, "(ok u1) (ok u2)".to_string()),
                (7, "::help".to_string()),
                (8, "(unclosed".to_string()),
            ]
        );
    }
}
