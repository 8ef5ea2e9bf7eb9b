//! The protocol side: tower-lsp's `LanguageServer` over the `Workspace`, and our own
//! requests (`clarinet-wasm/wat`, `clarinet-wasm/costs`, `clarinet-wasm/wasmInfo`).

use std::sync::{Arc, Mutex, MutexGuard};

use serde::{Deserialize, Serialize};
use serde_json::Value as Json;
use tower_lsp::jsonrpc::{Error, Result};
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer};

use crate::workspace::{Checked, FunctionInfo, Workspace};

/// The command a code lens runs: the function's Wasm text (arguments: uri, function).
pub const SHOW_WAT: &str = "clarinet-wasm.showWat";

pub struct Backend {
    client: Client,
    ws: Mutex<Workspace>,
    /// Whether the client opens documents the server asks it to (`window/showDocument`).
    shows_documents: std::sync::atomic::AtomicBool,
}

impl Backend {
    pub fn new(client: Client) -> Self {
        Backend {
            client,
            ws: Mutex::new(Workspace::default()),
            shows_documents: Default::default(),
        }
    }

    /// A panic while checking is caught where it happens; a poisoned lock is still usable.
    fn ws(&self) -> MutexGuard<'_, Workspace> {
        self.ws.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Check `uri`, then the open documents of its project deployed after it (they may
    /// call it; the ones before cannot see it), and publish what each one found.
    async fn check_and_publish(&self, uri: Url) {
        let results: Vec<Arc<Checked>> = {
            let mut ws = self.ws();
            let Some(first) = ws.check(&uri) else {
                return;
            };
            let mut out = vec![first.clone()];
            for other in ws.callers_of(&first) {
                out.extend(ws.check(&other));
            }
            out
        };
        for c in results {
            self.client
                .publish_diagnostics(c.uri.clone(), c.diagnostics.clone(), None)
                .await;
        }
    }

    fn checked(&self, uri: &Url) -> Result<Arc<Checked>> {
        let mut ws = self.ws();
        if let Some(c) = ws.checked.get(uri) {
            return Ok(c.clone());
        }
        if ws.docs.contains_key(uri) {
            return ws
                .check(uri)
                .ok_or_else(|| invalid(format!("{uri} cannot be checked")));
        }
        // A document asked about without being opened: checked as it is on disk now, and
        // not kept (it is not the editor's, and may change on disk).
        let text = uri
            .to_file_path()
            .ok()
            .and_then(|p| std::fs::read_to_string(p).ok())
            .ok_or_else(|| invalid(format!("{uri} is not open and cannot be read")))?;
        ws.open(uri.clone(), text);
        let checked = ws.check(uri);
        ws.close(uri);
        checked.ok_or_else(|| invalid(format!("{uri} cannot be checked")))
    }

    fn text(&self, uri: &Url) -> String {
        self.ws().docs.get(uri).cloned().unwrap_or_default()
    }

    // ---- our requests ----------------------------------------------------------------

    pub async fn wat(&self, p: WatParams) -> Result<WatResult> {
        let c = self.checked(&p.uri)?;
        let compiled = c.compiled.as_ref().ok_or_else(|| not_compiled(&c))?;
        let text = match &p.function {
            Some(f) => compiled.function_wat(f),
            None => compiled.wat(),
        }
        .map_err(invalid)?;
        Ok(WatResult { text })
    }

    pub async fn costs(&self, p: UriParams) -> Result<CostsResult> {
        let c = self.checked(&p.uri)?;
        Ok(CostsResult {
            contract: c.id.to_string(),
            functions: c.functions.clone(),
        })
    }

    pub async fn wasm_info(&self, p: UriParams) -> Result<WasmInfo> {
        let c = self.checked(&p.uri)?;
        let compiled = c.compiled.as_ref().ok_or_else(|| not_compiled(&c))?;
        Ok(WasmInfo {
            contract: c.id.to_string(),
            size: compiled.wasm.len(),
            compile_ms: c.compile_ms,
            exports: compiled
                .meta
                .functions
                .iter()
                .map(|f| Export {
                    name: f.name.clone(),
                    export: f.export.clone(),
                    kind: f.kind.as_str(),
                    code_bytes: f.code_range.1 - f.code_range.0,
                })
                .collect(),
        })
    }
}

impl Backend {
    /// Show a function's Wasm text in the editor: written to a file beside the system's
    /// temporary files and opened with `window/showDocument` when the client can; the
    /// text is also the command's result.
    async fn show_wat(&self, uri: &Url, function: &str, text: &str) {
        if !self
            .shows_documents
            .load(std::sync::atomic::Ordering::Relaxed)
        {
            return;
        }
        let stem = uri
            .path_segments()
            .and_then(|mut s| s.next_back())
            .unwrap_or("contract")
            .trim_end_matches(".clar")
            .to_string();
        let dir = std::env::temp_dir().join("clarinet-wasm-wat");
        let file = dir.join(format!("{stem}.{function}.wat"));
        let written = std::fs::create_dir_all(&dir).and_then(|_| std::fs::write(&file, text));
        let Ok(target) = Url::from_file_path(&file) else {
            return;
        };
        if written.is_ok() {
            let _ = self
                .client
                .show_document(ShowDocumentParams {
                    uri: target,
                    external: Some(false),
                    take_focus: Some(true),
                    selection: None,
                })
                .await;
        }
    }
}

fn invalid(msg: impl Into<String>) -> Error {
    Error::invalid_params(msg.into())
}

fn not_compiled(c: &Checked) -> Error {
    let why = c
        .diagnostics
        .first()
        .map(|d| d.message.clone())
        .unwrap_or_default();
    invalid(format!("{} is not compiled to Wasm: {why}", c.id))
}

#[derive(Deserialize)]
pub struct WatParams {
    pub uri: Url,
    pub function: Option<String>,
}

#[derive(Serialize)]
pub struct WatResult {
    pub text: String,
}

#[derive(Deserialize)]
pub struct UriParams {
    pub uri: Url,
}

#[derive(Serialize)]
pub struct CostsResult {
    pub contract: String,
    pub functions: Vec<FunctionInfo>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WasmInfo {
    pub contract: String,
    pub size: usize,
    pub compile_ms: f64,
    pub exports: Vec<Export>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Export {
    pub name: String,
    pub export: String,
    pub kind: &'static str,
    pub code_bytes: usize,
}

/// The code lens of a function: its cost and Wasm size; it runs `SHOW_WAT`.
fn lens(c: &Checked, f: &FunctionInfo) -> Option<CodeLens> {
    let d = c.definitions.iter().find(|d| d.name == f.name)?;
    let mut parts = vec![];
    match (&f.bound, &f.measured) {
        (_, Some(m)) => parts.push(format!(
            "cost {} (measured)",
            clarinet_wasm_runtime::dual::render_cost_short(m)
        )),
        (Some(b), None) if f.unbounded.is_empty() => parts.push(format!(
            "cost ≤ {}",
            clarinet_wasm_runtime::dual::render_cost_short(b)
        )),
        (Some(b), None) => parts.push(format!(
            "cost ≤ {} + calls",
            clarinet_wasm_runtime::dual::render_cost_short(b)
        )),
        (None, None) => {}
    }
    if let Some(n) = f.wasm_bytes {
        parts.push(format!("Wasm {n} B"));
    }
    if parts.is_empty() {
        return None;
    }
    let range = crate::position::span_range(&d.span);
    Some(CodeLens {
        range: Range::new(range.start, range.start),
        command: Some(Command {
            title: parts.join(" · "),
            command: SHOW_WAT.into(),
            arguments: Some(vec![
                serde_json::to_value(&c.uri).unwrap_or(Json::Null),
                Json::String(f.name.clone()),
            ]),
        }),
        data: None,
    })
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, p: InitializeParams) -> Result<InitializeResult> {
        let shows = p
            .capabilities
            .window
            .and_then(|w| w.show_document)
            .is_some_and(|s| s.support);
        self.shows_documents
            .store(shows, std::sync::atomic::Ordering::Relaxed);
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "clarinet-wasm".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            capabilities: ServerCapabilities {
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                        ..Default::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec!["(".into(), ".".into(), " ".into()]),
                    ..Default::default()
                }),
                signature_help_provider: Some(SignatureHelpOptions {
                    trigger_characters: Some(vec![" ".into(), "(".into()]),
                    ..Default::default()
                }),
                definition_provider: Some(OneOf::Left(true)),
                document_symbol_provider: Some(OneOf::Left(true)),
                code_lens_provider: Some(CodeLensOptions {
                    resolve_provider: Some(false),
                }),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: vec![SHOW_WAT.into()],
                    ..Default::default()
                }),
                ..Default::default()
            },
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        self.client
            .log_message(MessageType::INFO, "clarinet-wasm language server ready")
            .await;
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, p: DidOpenTextDocumentParams) {
        self.ws()
            .open(p.text_document.uri.clone(), p.text_document.text);
        self.check_and_publish(p.text_document.uri).await;
    }

    async fn did_change(&self, p: DidChangeTextDocumentParams) {
        let uri = p.text_document.uri;
        {
            let mut ws = self.ws();
            let Some(text) = ws.docs.get_mut(&uri) else {
                return;
            };
            for change in p.content_changes {
                match change.range {
                    None => *text = change.text,
                    Some(r) => {
                        let start = crate::position::offset(text, r.start);
                        let end = crate::position::offset(text, r.end).max(start);
                        text.replace_range(start..end, &change.text);
                    }
                }
            }
        }
        self.check_and_publish(uri).await;
    }

    async fn did_save(&self, p: DidSaveTextDocumentParams) {
        let uri = p.text_document.uri;
        if let Ok(path) = uri.to_file_path() {
            if path.file_name().is_some_and(|n| n == "Clarinet.toml") {
                self.ws().forget_project(&path);
                return;
            }
        }
        self.check_and_publish(uri).await;
    }

    async fn did_close(&self, p: DidCloseTextDocumentParams) {
        self.ws().close(&p.text_document.uri);
        self.client
            .publish_diagnostics(p.text_document.uri, vec![], None)
            .await;
    }

    async fn hover(&self, p: HoverParams) -> Result<Option<Hover>> {
        let pos = p.text_document_position_params;
        let c = self.checked(&pos.text_document.uri)?;
        Ok(crate::hover::hover(&c, pos.position))
    }

    async fn completion(&self, p: CompletionParams) -> Result<Option<CompletionResponse>> {
        let pos = p.text_document_position;
        let c = self.checked(&pos.text_document.uri)?;
        let text = self.text(&pos.text_document.uri);
        let items = crate::complete::completion(&c, &text, pos.position);
        Ok(Some(CompletionResponse::Array(items)))
    }

    async fn signature_help(&self, p: SignatureHelpParams) -> Result<Option<SignatureHelp>> {
        let pos = p.text_document_position_params;
        let c = self.checked(&pos.text_document.uri)?;
        let text = self.text(&pos.text_document.uri);
        Ok(crate::complete::signature_help(&c, &text, pos.position))
    }

    async fn goto_definition(
        &self,
        p: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let pos = p.text_document_position_params;
        let c = self.checked(&pos.text_document.uri)?;
        let ws = self.ws();
        let source_of = |name: &str| ws.contract_source(&c, name);
        Ok(crate::navigate::definition(&c, pos.position, source_of)
            .map(GotoDefinitionResponse::Scalar))
    }

    async fn document_symbol(
        &self,
        p: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let c = self.checked(&p.text_document.uri)?;
        Ok(Some(DocumentSymbolResponse::Nested(
            crate::navigate::symbols(&c),
        )))
    }

    async fn code_lens(&self, p: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        let c = self.checked(&p.text_document.uri)?;
        Ok(Some(
            c.functions.iter().filter_map(|f| lens(&c, f)).collect(),
        ))
    }

    async fn execute_command(&self, p: ExecuteCommandParams) -> Result<Option<Json>> {
        if p.command != SHOW_WAT {
            return Err(invalid(format!("unknown command {}", p.command)));
        }
        let (Some(uri), function) = (
            p.arguments
                .first()
                .and_then(|u| serde_json::from_value::<Url>(u.clone()).ok()),
            p.arguments
                .get(1)
                .and_then(|f| f.as_str())
                .map(String::from),
        ) else {
            return Err(invalid(format!(
                "{SHOW_WAT} takes a document uri and a function"
            )));
        };
        let name = function.clone().unwrap_or_default();
        let r = self
            .wat(WatParams {
                uri: uri.clone(),
                function,
            })
            .await?;
        self.show_wat(&uri, &name, &r.text).await;
        Ok(Some(Json::String(r.text)))
    }
}
