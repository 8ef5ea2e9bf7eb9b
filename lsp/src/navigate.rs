//! Go to definition and document symbols.

use clarity::vm::functions::define::DefineFunctions;
use clarity::vm::representations::SymbolicExpressionType;
use clarity::vm::types::{PrincipalData, Value};
use tower_lsp::lsp_types::{DocumentSymbol, Location, Position, Range, SymbolKind, Url};

use crate::definitions::definitions;
use crate::position::{clarity_pos, path_at, span_range};
use crate::workspace::Checked;

/// Where the name at `at` is defined: in this contract, or in the project contract a
/// literal (`.name`, or the function of a `contract-call?` on it) refers to.
/// `source_of` gives another contract's file and text by contract name.
pub fn definition(
    c: &Checked,
    at: Position,
    source_of: impl Fn(&str) -> Option<(Url, String)>,
) -> Option<Location> {
    let (line, col) = clarity_pos(at);
    let path = path_at(&c.exprs, line, col);
    let e = *path.last()?;
    match &e.expr {
        SymbolicExpressionType::LiteralValue(Value::Principal(PrincipalData::Contract(id))) => {
            let (uri, _) = source_of(id.name.as_str())?;
            Some(Location::new(uri, Range::default()))
        }
        SymbolicExpressionType::Atom(name) => {
            // The function of `(contract-call? .callee name ...)`.
            if let Some(parent) = path.iter().rev().nth(1).and_then(|p| p.match_list()) {
                let is_call = parent
                    .first()
                    .and_then(|h| h.match_atom())
                    .map(|h| h.as_str())
                    == Some("contract-call?");
                if is_call && parent.get(2).map(|f| f.id) == Some(e.id) {
                    if let Some(SymbolicExpressionType::LiteralValue(Value::Principal(
                        PrincipalData::Contract(id),
                    ))) = parent.get(1).map(|t| &t.expr)
                    {
                        let (uri, text) = source_of(id.name.as_str())?;
                        let exprs = parse(&text)?;
                        let d = definitions(&exprs, &text)
                            .into_iter()
                            .find(|d| d.name == name.as_str())?;
                        return Some(Location::new(uri, span_range(&d.name_span)));
                    }
                }
            }
            let d = c.definitions.iter().find(|d| d.name == name.as_str())?;
            Some(Location::new(c.uri.clone(), span_range(&d.name_span)))
        }
        _ => None,
    }
}

fn parse(text: &str) -> Option<Vec<clarity::vm::SymbolicExpression>> {
    let id = clarity::vm::types::QualifiedContractIdentifier::transient();
    clarity::vm::ast::build_ast_with_rules(
        &id,
        text,
        &mut (),
        clarity::vm::ClarityVersion::Clarity2,
        clarity::types::StacksEpochId::Epoch24,
        clarity::vm::ast::ASTRules::PrecheckSize,
    )
    .ok()
    .map(|a| a.expressions)
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be given.
pub fn symbols(c: &Checked) -> Vec<DocumentSymbol> {
    c.definitions
        .iter()
        .map(|d| {
            use DefineFunctions::*;
            let kind = match d.kind {
                PublicFunction | ReadOnlyFunction | PrivateFunction => SymbolKind::FUNCTION,
                Constant => SymbolKind::CONSTANT,
                PersistedVariable => SymbolKind::VARIABLE,
                Map => SymbolKind::STRUCT,
                FungibleToken | NonFungibleToken => SymbolKind::OBJECT,
                Trait | UseTrait | ImplTrait => SymbolKind::INTERFACE,
            };
            let detail = c
                .functions
                .iter()
                .find(|f| f.name == d.name)
                .map(|f| f.signature.clone())
                .unwrap_or_else(|| d.kind_word().to_string());
            DocumentSymbol {
                name: d.name.clone(),
                detail: Some(detail),
                kind,
                tags: None,
                deprecated: None,
                range: span_range(&d.span),
                selection_range: span_range(&d.name_span),
                children: None,
            }
        })
        .collect()
}
