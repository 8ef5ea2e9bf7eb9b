//! A contract's top-level definitions, read from its AST: what document symbols, go to
//! definition, completion, hover and code lenses are made of.

use clarinet_wasm_runtime::analyze::span_text;
use clarity::vm::functions::define::DefineFunctions;
use clarity::vm::representations::Span;
use clarity::vm::SymbolicExpression;

#[derive(Clone, Debug)]
pub struct Definition {
    pub kind: DefineFunctions,
    pub name: String,
    /// The whole definition, and its name.
    pub span: Span,
    pub name_span: Span,
    /// For a function, its parameters as written, without brackets: `arg type`.
    pub params: Vec<String>,
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
}

pub fn definitions(exprs: &[SymbolicExpression], source: &str) -> Vec<Definition> {
    exprs.iter().filter_map(|e| definition(e, source)).collect()
}

fn definition(e: &SymbolicExpression, source: &str) -> Option<Definition> {
    let items = e.match_list()?;
    let kind = DefineFunctions::lookup_by_name(items.first()?.match_atom()?)?;
    let target = items.get(1)?;
    let (name, name_span, params) = match target.match_list() {
        Some(sig) => {
            let name = sig.first()?;
            let params = sig[1..]
                .iter()
                .map(|p| {
                    let t = span_text(source, &p.span).unwrap_or("");
                    let t = t.strip_prefix('(').unwrap_or(t);
                    t.strip_suffix(')').unwrap_or(t).trim().to_string()
                })
                .collect();
            (name.match_atom()?.to_string(), name.span.clone(), params)
        }
        None => (
            target.match_atom()?.to_string(),
            target.span.clone(),
            vec![],
        ),
    };
    Some(Definition {
        kind,
        name,
        span: e.span.clone(),
        name_span,
        params,
    })
}
