//! Parse and type-check a contract exactly as the interpreter's deployment does; both
//! runtimes start from this, and the compiler reads its AST and type map.

use clarity::types::StacksEpochId;
use clarity::vm::analysis::{run_analysis, AnalysisDatabase, ContractAnalysis};
use clarity::vm::ast::{build_ast_with_rules, ASTRules, ContractAST};
use clarity::vm::costs::LimitedCostTracker;
use clarity::vm::diagnostic::Diagnostic;
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
        .map_err(|e| AnalysisFailure { stage: "parse", diagnostic: e.diagnostic })?;
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
    .map_err(|(e, _)| AnalysisFailure { stage: "analysis", diagnostic: e.diagnostic })?;
    Ok(Analyzed { ast, analysis })
}

/// Record the analysis the way a deployment does, so later contracts can type-check calls.
pub fn save_analysis(
    store: &mut MemStore,
    id: &QualifiedContractIdentifier,
    analysis: &ContractAnalysis,
) {
    let mut db = AnalysisDatabase::new(store);
    db.execute(|db| db.insert_contract(id, analysis))
        .expect("analysis saved");
}
