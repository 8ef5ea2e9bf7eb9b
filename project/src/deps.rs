//! Which contracts a contract refers to (calls, traits), and a deployment order that puts
//! dependencies first.

use std::collections::{BTreeMap, BTreeSet};

use clarity::vm::ast::{build_ast_with_rules, ASTRules};
use clarity::vm::representations::{SymbolicExpressionType, TraitDefinition};
use clarity::vm::types::{PrincipalData, QualifiedContractIdentifier, Value};
use clarity::vm::SymbolicExpression;

use crate::manifest::{ProjectContract, ProjectError};

/// Contract identifiers `c`'s source mentions (empty if it does not parse: the parse
/// error is reported when it is deployed or checked).
pub fn references(c: &ProjectContract) -> BTreeSet<QualifiedContractIdentifier> {
    let mut out = BTreeSet::new();
    if let Ok(ast) = build_ast_with_rules(
        &c.id,
        &c.source,
        &mut (),
        c.version,
        c.epoch,
        ASTRules::PrecheckSize,
    ) {
        for e in &ast.expressions {
            collect(e, &mut out);
        }
    }
    out.remove(&c.id);
    out
}

fn collect(e: &SymbolicExpression, out: &mut BTreeSet<QualifiedContractIdentifier>) {
    match &e.expr {
        SymbolicExpressionType::LiteralValue(Value::Principal(PrincipalData::Contract(id)))
        | SymbolicExpressionType::AtomValue(Value::Principal(PrincipalData::Contract(id))) => {
            out.insert(id.clone());
        }
        SymbolicExpressionType::Field(t) => {
            out.insert(t.contract_identifier.clone());
        }
        SymbolicExpressionType::TraitReference(_, TraitDefinition::Imported(t)) => {
            out.insert(t.contract_identifier.clone());
        }
        SymbolicExpressionType::List(items) => items.iter().for_each(|x| collect(x, out)),
        _ => {}
    }
}

/// Dependencies first; otherwise the given order. A cycle is an error naming it.
pub fn dependency_order(
    contracts: &[ProjectContract],
) -> Result<Vec<ProjectContract>, ProjectError> {
    let known: BTreeMap<_, _> = contracts
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect();
    let edges: Vec<Vec<usize>> = contracts
        .iter()
        .map(|c| {
            references(c)
                .iter()
                .filter_map(|d| known.get(d).copied())
                .collect()
        })
        .collect();
    // 0 = not visited, 1 = on the path, 2 = done
    let mut state = vec![0u8; contracts.len()];
    let mut out = vec![];
    let mut path = vec![];
    fn visit(
        i: usize,
        edges: &[Vec<usize>],
        state: &mut [u8],
        path: &mut Vec<usize>,
        out: &mut Vec<usize>,
    ) -> Result<(), Vec<usize>> {
        match state[i] {
            2 => return Ok(()),
            1 => {
                let start = path.iter().position(|&p| p == i).unwrap_or(0);
                let mut cycle = path[start..].to_vec();
                cycle.push(i);
                return Err(cycle);
            }
            _ => {}
        }
        state[i] = 1;
        path.push(i);
        for &d in &edges[i] {
            visit(d, edges, state, path, out)?;
        }
        path.pop();
        state[i] = 2;
        out.push(i);
        Ok(())
    }
    for i in 0..contracts.len() {
        if let Err(cycle) = visit(i, &edges, &mut state, &mut path, &mut out) {
            let names: Vec<&str> = cycle.iter().map(|&k| contracts[k].name()).collect();
            return Err(ProjectError(format!(
                "dependency cycle between contracts: {}",
                names.join(" -> ")
            )));
        }
    }
    Ok(out.into_iter().map(|i| contracts[i].clone()).collect())
}
