//! A contract's top-level definitions, read from its AST: what document symbols, go to
//! definition, completion, hover and code lenses are made of.

use clarity::vm::functions::define::DefineFunctions;
use clarity::vm::representations::Span;
use clarity::vm::SymbolicExpression;
use tower_lsp::lsp_types::Position;

#[derive(Clone, Debug)]
pub struct Definition {
    pub kind: DefineFunctions,
    pub name: String,
    /// The whole definition, and its name.
    pub span: Span,
    pub name_span: Span,
    /// For a function, its signature as written: `(name (arg type) ...)`.
    pub header: String,
}

impl Definition {
    pub fn is_function(&self) -> bool {
        matches!(
            self.kind,
            DefineFunctions::PublicFunction
                | DefineFunctions::ReadOnlyFunction
                | DefineFunctions::PrivateFunction
        )
    }

    /// `public`, `read-only`, `private`, `constant`, ...
    pub fn kind_word(&self) -> &'static str {
        use DefineFunctions::*;
        match self.kind {
            PublicFunction => "public",
            ReadOnlyFunction => "read-only",
            PrivateFunction => "private",
            Constant => "constant",
            PersistedVariable => "data var",
            Map => "map",
            FungibleToken => "fungible token",
            NonFungibleToken => "non-fungible token",
            Trait => "trait",
            UseTrait => "trait alias",
            ImplTrait => "trait implementation",
        }
    }

    /// The argument names of a function, as declared.
    pub fn params(&self) -> Vec<String> {
        let inner = self.header.trim_start_matches('(').trim_end_matches(')');
        let mut out = vec![];
        let mut depth = 0;
        let mut current = String::new();
        for c in inner.chars() {
            match c {
                '(' => {
                    depth += 1;
                    if depth == 1 {
                        current.clear();
                        continue;
                    }
                }
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        out.push(current.trim().to_string());
                        continue;
                    }
                }
                _ => {}
            }
            if depth >= 1 {
                current.push(c);
            }
        }
        out
    }
}

pub fn definitions(exprs: &[SymbolicExpression], source: &str) -> Vec<Definition> {
    exprs.iter().filter_map(|e| definition(e, source)).collect()
}

fn definition(e: &SymbolicExpression, source: &str) -> Option<Definition> {
    let items = e.match_list()?;
    let kind = DefineFunctions::lookup_by_name(items.first()?.match_atom()?)?;
    let target = items.get(1)?;
    let (name, name_span, header) = match target.match_list() {
        Some(sig) => {
            let name = sig.first()?;
            (
                name.match_atom()?.to_string(),
                name.span.clone(),
                text_of(source, &target.span),
            )
        }
        None => (
            target.match_atom()?.to_string(),
            target.span.clone(),
            String::new(),
        ),
    };
    Some(Definition {
        kind,
        name,
        span: e.span.clone(),
        name_span,
        header,
    })
}

/// The source text a span covers.
pub fn text_of(source: &str, s: &Span) -> String {
    if s.start_line == 0 {
        return String::new();
    }
    let start = crate::position::offset(
        source,
        Position::new(s.start_line - 1, s.start_column.saturating_sub(1)),
    );
    let end = crate::position::offset(source, Position::new(s.end_line - 1, s.end_column));
    source.get(start..end.max(start)).unwrap_or("").to_string()
}
