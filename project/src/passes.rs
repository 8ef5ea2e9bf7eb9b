//! clarity-repl's analysis passes, as Clarinet runs them after the type check: its call
//! checker, and those the manifest enables (`[repl.analysis] passes = ["check_checker"]`),
//! with the source's `;; #[allow(...)]` annotations. `check` and the language server
//! report what they find.

use clarinet_wasm_runtime::analyze::Analyzed;
use clarinet_wasm_runtime::store::MemStore;
use clarity::vm::analysis::AnalysisDatabase;
use clarity::vm::diagnostic::Diagnostic;
use clarity::vm::types::StandardPrincipalData;

/// The passes' findings (warnings and notes, or the errors of a failing pass) for a
/// contract that type-checked, on the chain state `store`.
pub fn run(
    store: &mut MemStore,
    analyzed: &Analyzed,
    source: &str,
    settings: &clarity_repl::analysis::Settings,
    issuer: &StandardPrincipalData,
) -> Vec<Diagnostic> {
    // `collect_annotations` is a method of clarity-repl's interpreter; it reads only the
    // source.
    let interpreter = clarity_repl::repl::ClarityInterpreter::new(
        issuer.clone(),
        clarity_repl::repl::Settings::default(),
    );
    let (annotations, mut found) = interpreter.collect_annotations(&analyzed.ast, source);
    let mut analysis = analyzed.analysis.clone();
    let mut db = AnalysisDatabase::new(store);
    match clarity_repl::analysis::run_analysis(&mut analysis, &mut db, &annotations, settings) {
        Ok(warnings) => found.extend(warnings),
        Err(errors) => found.extend(errors),
    }
    found
}
