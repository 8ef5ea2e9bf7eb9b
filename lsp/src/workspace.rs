//! The documents the editor has open and what checking each one found.
//!
//! A document inside a Clarinet project (its `Clarinet.toml` found upwards) is checked
//! on a chain where the contracts deployed before it (the plan's order, requirements
//! first) are deployed, with the editor's text for those that are open; that chain is
//! kept until one of their sources changes. A document outside any project is checked
//! on a fresh devnet chain. Checking is the interpreter's parse and type check, then our
//! compiler; each failure is a diagnostic at its place.

use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use clarinet_wasm_compiler::Compiled;
use clarinet_wasm_project::Project;
use clarinet_wasm_runtime::analyze::{analyze, Analyzed};
use clarinet_wasm_runtime::chain::Chain;
use clarity::vm::ast::build_ast_with_diagnostics;
use clarity::vm::costs::ExecutionCost;
use clarity::vm::diagnostic::Level;
use clarity::vm::types::QualifiedContractIdentifier;
use clarity::vm::{ClarityVersion, SymbolicExpression};
use tower_lsp::lsp_types::{Diagnostic, DiagnosticSeverity, Position, Range, Url};

use crate::definitions::{definitions, Definition};
use crate::position::span_range;

/// What checking a document found.
pub struct Checked {
    pub uri: Url,
    pub id: QualifiedContractIdentifier,
    pub version: ClarityVersion,
    pub source: String,
    /// The manifest of the project the document belongs to.
    pub manifest: Option<PathBuf>,
    /// The parsed expressions (the last that parsed, when the text does not).
    pub exprs: Vec<SymbolicExpression>,
    pub definitions: Vec<Definition>,
    pub compiled: Option<Compiled>,
    pub compile_ms: f64,
    pub diagnostics: Vec<Diagnostic>,
    pub functions: Vec<FunctionInfo>,
    /// Contracts deployed before this one (the ones it can call).
    pub callable: Callable,
    /// How many of its project's contracts the plan deploys before it (all of them for a
    /// file the manifest does not list).
    pub order: usize,
}

/// A function of the document: its signature, its Wasm and its cost.
#[derive(Clone, Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FunctionInfo {
    pub name: String,
    pub kind: &'static str,
    pub signature: String,
    pub returns: String,
    /// Bytes of the function's code in the module.
    pub wasm_bytes: Option<usize>,
    /// A static upper bound of one call's cost, and why it is not complete (empty when
    /// it is).
    pub bound: Option<ExecutionCost>,
    pub unbounded: Vec<String>,
    /// The most its calls cost, per dimension, in the last `test --costs` run, when it left
    /// figures.
    pub measured: Option<ExecutionCost>,
}

struct Base {
    hash: u64,
    chain: Chain,
    callees: crate::costs::CalleeCache,
    /// The contracts deployed on `chain` and their callable functions.
    callable: Callable,
}

/// Contract name → its id and its public and read-only functions with their signatures.
pub type Callable = BTreeMap<String, (QualifiedContractIdentifier, Vec<(String, String)>)>;

#[derive(Default)]
pub struct Workspace {
    pub docs: HashMap<Url, String>,
    pub checked: HashMap<Url, Arc<Checked>>,
    /// Projects by manifest, with the manifest's modification time when read.
    projects: HashMap<PathBuf, (Option<std::time::SystemTime>, Arc<Project>)>,
    /// Per (manifest, contract): the hash of what was deployed before it, the chain, and
    /// the bounds of the deployed contracts it calls (made on that chain).
    bases: HashMap<(PathBuf, QualifiedContractIdentifier), Base>,
    /// For lone files: the devnet chain's boot contracts' bounds.
    devnet_callees: crate::costs::CalleeCache,
}

impl Workspace {
    pub fn open(&mut self, uri: Url, text: String) {
        self.docs.insert(uri, text);
    }

    pub fn close(&mut self, uri: &Url) {
        self.docs.remove(uri);
        self.checked.remove(uri);
    }

    /// A project's manifest changed on disk: read it again next time.
    pub fn forget_project(&mut self, manifest: &Path) {
        self.projects.remove(manifest);
        self.bases.retain(|(m, _), _| m != manifest);
    }

    /// The checked documents of `first`'s project that the plan deploys after it: the ones
    /// that can call it, to check again after it changed.
    pub fn callers_of(&self, first: &Checked) -> Vec<Url> {
        self.checked
            .values()
            .filter(|c| first.manifest.is_some() && c.manifest == first.manifest)
            .filter(|c| c.order > first.order)
            .map(|c| c.uri.clone())
            .collect()
    }

    /// The file and text of the contract `name` of `c`'s project.
    pub fn contract_source(&self, c: &Checked, name: &str) -> Option<(Url, String)> {
        let (_, p) = self.projects.get(c.manifest.as_ref()?)?;
        let contract = p.contracts.iter().find(|x| x.id.name.as_str() == name)?;
        let uri = Url::from_file_path(&contract.path).ok()?;
        Some((uri, self.text_of(&contract.path, &contract.source)))
    }

    /// The project of `manifest`, read again when the manifest changed on disk (a contract
    /// added, settings changed) since it was last read.
    fn project(&mut self, manifest: &Path) -> Result<Arc<Project>, String> {
        let stamp = std::fs::metadata(manifest).and_then(|m| m.modified()).ok();
        if let Some((s, p)) = self.projects.get(manifest) {
            if *s == stamp {
                return Ok(p.clone());
            }
            self.forget_project(manifest);
        }
        let p = Arc::new(clarinet_wasm_project::load(manifest).map_err(|e| e.0)?);
        self.projects
            .insert(manifest.to_path_buf(), (stamp, p.clone()));
        Ok(p)
    }

    /// The text of a file: the editor's when it is open, else the disk's now (it may have
    /// changed since the project was read), else what was read then.
    fn text_of(&self, path: &Path, fallback: &str) -> String {
        Url::from_file_path(path)
            .ok()
            .and_then(|u| self.docs.get(&u).cloned())
            .or_else(|| std::fs::read_to_string(path).ok())
            .unwrap_or_else(|| fallback.to_string())
    }

    /// Check the document `uri` (its open text) and keep the result.
    pub fn check(&mut self, uri: &Url) -> Option<Arc<Checked>> {
        let text = self.docs.get(uri)?.clone();
        let previous = self.checked.get(uri).cloned();
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.check_text(uri, &text, previous.as_deref())
        }));
        let checked = match result {
            Ok(c) => c,
            Err(_) => {
                // Never take the server down: say so where the user looks.
                let mut c = self.empty(uri, &text, None);
                c.diagnostics.push(whole_file(
                    "internal error while checking this file (please report it)",
                    DiagnosticSeverity::ERROR,
                ));
                c
            }
        };
        let checked = Arc::new(checked);
        self.checked.insert(uri.clone(), checked.clone());
        Some(checked)
    }

    fn empty(&self, uri: &Url, text: &str, manifest: Option<PathBuf>) -> Checked {
        // Named as a test file is deployed: after its file name.
        let name = uri
            .to_file_path()
            .ok()
            .and_then(|p| clarinet_wasm_project::unit_tests::contract_name_for(&p).ok())
            .map_or_else(|| "contract".to_string(), |n| n.to_string());
        let deployer = clarinet_wasm_runtime::chain::devnet_accounts()[0]
            .address
            .clone();
        Checked {
            uri: uri.clone(),
            id: QualifiedContractIdentifier::new(deployer, name.as_str().into()),
            version: ClarityVersion::Clarity2,
            source: text.to_string(),
            manifest,
            exprs: vec![],
            definitions: vec![],
            compiled: None,
            compile_ms: 0.0,
            diagnostics: vec![],
            functions: vec![],
            callable: BTreeMap::new(),
            order: 0,
        }
    }

    fn check_text(&mut self, uri: &Url, text: &str, previous: Option<&Checked>) -> Checked {
        let path = uri.to_file_path().ok();
        let manifest = path
            .as_deref()
            .and_then(|p| p.parent())
            .and_then(|dir| clarinet_wasm_project::find_manifest(dir, None).ok());
        let mut out = self.empty(uri, text, manifest.clone());
        let mut chain_key = None;
        let mut project = None;
        let mut epoch = clarity::types::StacksEpochId::Epoch24;
        if let Some(m) = &manifest {
            match self.project(m) {
                Ok(p) => {
                    let index = path.as_deref().and_then(|f| {
                        p.contracts
                            .iter()
                            .position(|c| same_file(&c.path, f) && !c.is_requirement)
                    });
                    match index {
                        Some(i) => {
                            let c = &p.contracts[i];
                            out.id = c.id.clone();
                            out.version = c.version;
                            epoch = c.epoch;
                        }
                        None => {
                            // Not in the manifest (a test file, a new contract): checked
                            // against the whole project.
                            out.id =
                                QualifiedContractIdentifier::new(p.deployer(), out.id.name.clone());
                            out.version = p.clarity_version();
                            epoch = p.epoch();
                        }
                    }
                    if let Some(reason) = index.and_then(|i| p.refused.get(&p.contracts[i].id)) {
                        out.diagnostics.push(whole_file(
                            &format!("not checked here: {reason}"),
                            DiagnosticSeverity::WARNING,
                        ));
                    }
                    let before = index.unwrap_or(p.contracts.len());
                    out.order = before;
                    chain_key = Some((m.clone(), out.id.clone(), before));
                    project = Some(p);
                }
                Err(e) => out.diagnostics.push(whole_file(
                    &format!("Clarinet.toml: {e} (checked as a lone contract)"),
                    DiagnosticSeverity::WARNING,
                )),
            }
        }
        // The parse, kept even when the type check fails (for navigation), with every
        // parse error it found (the type check stops at the first).
        let (ast, parse_errors, parsed) =
            build_ast_with_diagnostics(&out.id, text, &mut (), out.version, epoch);
        if parsed {
            out.exprs = ast.expressions;
        } else if let Some(p) = previous {
            out.exprs = p.exprs.clone();
        }
        let parse_errors: Vec<Diagnostic> = parse_errors
            .iter()
            .filter(|d| d.spans.first().is_some_and(|s| s.start_line > 0))
            .map(|d| to_diagnostic(d, "parse"))
            .collect();
        out.definitions = definitions(&out.exprs, text);
        let base_key = chain_key.as_ref().map(|(m, id, _)| (m.clone(), id.clone()));
        let (mut chain, mut callees) = match (&project, chain_key) {
            (Some(p), Some((m, id, before))) => {
                let (chain, callees, callable) = self.base(p, &m, &id, before);
                out.callable = callable;
                (chain, callees)
            }
            _ => (Chain::devnet(), std::mem::take(&mut self.devnet_callees)),
        };
        let analyzed = match analyze(&mut chain.store, &out.id, text, out.version, epoch) {
            Ok(a) => a,
            Err(f) => {
                if f.stage == "parse" && !parse_errors.is_empty() {
                    out.diagnostics.extend(parse_errors);
                } else {
                    out.diagnostics.push(to_diagnostic(&f.diagnostic, f.stage));
                }
                return out;
            }
        };
        repl_passes(&mut chain, &analyzed, text, project.as_deref(), &mut out);
        compile_and_bound(
            &mut chain,
            &analyzed,
            &mut out,
            project.as_deref(),
            &mut callees,
        );
        self.keep_callees(base_key, callees);
        out
    }

    /// The chain with the project's first `before` contracts deployed (the editor's text
    /// for the open ones), kept while none of them changes.
    fn base(
        &mut self,
        p: &Project,
        manifest: &Path,
        id: &QualifiedContractIdentifier,
        before: usize,
    ) -> (Chain, crate::costs::CalleeCache, Callable) {
        let sources: Vec<String> = p.contracts[..before]
            .iter()
            .map(|c| self.text_of(&c.path, &c.source))
            .collect();
        let mut h = std::collections::hash_map::DefaultHasher::new();
        sources.hash(&mut h);
        let hash = h.finish();
        let key = (manifest.to_path_buf(), id.clone());
        let stale = self.bases.get(&key).is_none_or(|b| b.hash != hash);
        if stale {
            let mut chain = p.chain();
            for (c, source) in p.contracts[..before].iter().zip(&sources) {
                // A contract that fails to deploy is simply not there for the ones after it.
                let _ = clarinet_wasm_runtime::interp::deploy(&mut chain, &c.id, source, c.version);
            }
            let callable = callable(&mut chain, &p.contracts[..before]);
            let base = Base {
                hash,
                chain,
                callees: Default::default(),
                callable,
            };
            self.bases.insert(key.clone(), base);
        }
        let base = self.bases.get_mut(&key).expect("just made");
        let callees = std::mem::take(&mut base.callees);
        (base.chain.clone(), callees, base.callable.clone())
    }

    /// Give back the callee bounds `base` lent (grown by the check).
    fn keep_callees(
        &mut self,
        key: Option<(PathBuf, QualifiedContractIdentifier)>,
        c: crate::costs::CalleeCache,
    ) {
        match key.and_then(|k| self.bases.get_mut(&k)) {
            Some(b) => b.callees = c,
            None => self.devnet_callees = c,
        }
    }
}

/// The contracts `deployed` on `chain`, with their public and read-only functions.
fn callable(chain: &mut Chain, deployed: &[clarinet_wasm_project::ProjectContract]) -> Callable {
    let mut out = BTreeMap::new();
    for c in deployed {
        let Some(a) = chain.analysis_of(&c.id) else {
            continue;
        };
        let fns = a
            .public_function_types
            .iter()
            .chain(a.read_only_function_types.iter())
            .map(|(name, t)| (name.to_string(), signature_of(name, t)))
            .collect();
        out.insert(c.id.name.to_string(), (c.id.clone(), fns));
    }
    out
}

/// `(name (arg type) ...) -> returns` from a function type.
pub fn signature_of(name: &str, t: &clarity::vm::types::FunctionType) -> String {
    match t {
        clarity::vm::types::FunctionType::Fixed(f) => {
            let args: Vec<String> = f
                .args
                .iter()
                .map(|a| format!("({} {})", a.name, a.signature))
                .collect();
            let sep = if args.is_empty() { "" } else { " " };
            format!("({name}{sep}{}) -> {}", args.join(" "), f.returns)
        }
        other => format!("({name} ...) -> {other:?}"),
    }
}

/// Our compiler on the checked contract (its module, or a warning where it refuses a
/// construct), then each function's cost figures.
fn compile_and_bound(
    chain: &mut Chain,
    analyzed: &Analyzed,
    out: &mut Checked,
    project: Option<&Project>,
    callees: &mut crate::costs::CalleeCache,
) {
    let started = Instant::now();
    match clarinet_wasm_runtime::compile_analyzed(chain, analyzed) {
        Ok(c) => out.compiled = Some(c),
        Err(e) => {
            let (line, col) = e.line_col();
            out.diagnostics.push(Diagnostic {
                range: range_at(out, line, col),
                severity: Some(DiagnosticSeverity::WARNING),
                source: Some("clarinet-wasm".into()),
                message: format!(
                    "{} (this contract runs on the interpreter only)",
                    e.message()
                ),
                ..Default::default()
            });
        }
    }
    out.compile_ms = started.elapsed().as_secs_f64() * 1e3;
    let measured = project.map(crate::costs::measured).unwrap_or_default();
    out.functions = crate::costs::functions(chain, analyzed, out, &measured, callees);
}

/// The range of the expression starting at (line, col), or of that position alone.
fn range_at(out: &Checked, line: u32, col: u32) -> Range {
    let path = crate::position::path_at(&out.exprs, line, col);
    match path.last() {
        Some(e) => span_range(&e.span),
        None if line > 0 => {
            let p = Position::new(line - 1, col.saturating_sub(1));
            Range::new(p, p)
        }
        None => Range::default(),
    }
}

/// clarity-repl's analysis passes, as Clarinet runs them (`project::passes`).
fn repl_passes(
    chain: &mut Chain,
    analyzed: &Analyzed,
    text: &str,
    project: Option<&Project>,
    out: &mut Checked,
) {
    let settings = project.map(|p| p.analysis.clone()).unwrap_or_default();
    let found = clarinet_wasm_project::passes::run(
        &mut chain.store,
        analyzed,
        text,
        &settings,
        &out.id.issuer,
    );
    out.diagnostics
        .extend(found.iter().map(|d| to_diagnostic(d, "check")));
}

/// A clarity-vm diagnostic of `stage` (parse, analysis) at its first span.
fn to_diagnostic(d: &clarity::vm::diagnostic::Diagnostic, stage: &str) -> Diagnostic {
    Diagnostic {
        range: d.spans.first().map(span_range).unwrap_or_default(),
        severity: Some(match d.level {
            Level::Warning => DiagnosticSeverity::WARNING,
            Level::Note => DiagnosticSeverity::INFORMATION,
            Level::Error => DiagnosticSeverity::ERROR,
        }),
        source: Some(format!("clarity {stage}")),
        message: d.message.clone(),
        ..Default::default()
    }
}

fn whole_file(message: &str, severity: DiagnosticSeverity) -> Diagnostic {
    Diagnostic {
        range: Range::new(Position::new(0, 0), Position::new(0, 0)),
        severity: Some(severity),
        source: Some("clarinet-wasm".into()),
        message: message.to_string(),
        ..Default::default()
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || match (a.canonicalize(), b.canonicalize()) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
}
