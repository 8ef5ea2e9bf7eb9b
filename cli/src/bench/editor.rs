//! The language server's latency: `clarinet-wasm lsp` run as an editor runs it (a child
//! process spoken to in JSON-RPC), a large contract opened, then edited again and again;
//! each time, from sending the change to receiving its diagnostics.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::measure::Samples;

pub struct EditorRow {
    pub name: &'static str,
    pub lines: usize,
    pub open_ms: f64,
    /// Milliseconds from a change to its diagnostics.
    pub change: Samples,
}

type Source = fn() -> &'static str;

/// The contracts edited (a lone file each, outside any project).
pub const CONTRACTS: &[(&str, Source)] = &[
    ("lsp-diagnostics-large", super::cases::large),
    ("lsp-diagnostics-pox-3", super::cases::pox_3),
];

struct Server {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
}

impl Server {
    fn start() -> Result<Server, String> {
        let exe = std::env::current_exe().map_err(|e| format!("this program's path: {e}"))?;
        let mut child = Command::new(exe)
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("cannot start the language server: {e}"))?;
        let stdin = child.stdin.take().expect("piped");
        let stdout = child.stdout.take().expect("piped");
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = 0;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    match line.trim_end() {
                        "" => break,
                        l => {
                            if let Some(v) = l.strip_prefix("Content-Length: ") {
                                len = v.parse().unwrap_or(0);
                            }
                        }
                    }
                }
                let mut body = vec![0; len];
                if r.read_exact(&mut body).is_err() {
                    return;
                }
                let Ok(v) = serde_json::from_slice(&body) else {
                    return;
                };
                if tx.send(v).is_err() {
                    return;
                }
            }
        });
        Ok(Server {
            child,
            stdin,
            incoming,
        })
    }

    fn send(&mut self, v: Value) -> Result<(), String> {
        let body = v.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len())
            .and_then(|_| self.stdin.flush())
            .map_err(|e| format!("writing to the language server: {e}"))
    }

    fn wait(&mut self, pred: impl Fn(&Value) -> bool) -> Result<Value, String> {
        loop {
            let m = self
                .incoming
                .recv_timeout(Duration::from_secs(60))
                .map_err(|_| "the language server did not answer".to_string())?;
            if pred(&m) {
                return Ok(m);
            }
        }
    }
}

pub fn measure(name: &'static str, source: &str, edits: usize) -> Result<EditorRow, String> {
    let dir = tempfile::tempdir().map_err(|e| format!("a temporary directory: {e}"))?;
    let uri = format!("file://{}/{name}.clar", dir.path().display());
    let mut s = Server::start()?;
    s.send(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"processId": null, "capabilities": {}}}))?;
    s.wait(|m| m["id"] == 1)?;
    s.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}))?;
    let diagnostics = |m: &Value| m["method"] == "textDocument/publishDiagnostics";
    let t = Instant::now();
    s.send(
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": uri, "languageId": "clarity", "version": 1, "text": source}}}),
    )?;
    let first = s.wait(diagnostics)?;
    let open_ms = t.elapsed().as_secs_f64() * 1e3;
    if first["params"]["diagnostics"] != json!([]) {
        return Err(format!("{name}: unexpected diagnostics: {first}"));
    }
    let mut change = Samples(vec![]);
    for i in 0..edits {
        // An edit at the top: a comment line added, so that the whole text is checked
        // again (what a keystroke costs).
        let t = Instant::now();
        s.send(
            json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": i + 2},
            "contentChanges": [{"range": {"start": {"line": 0, "character": 0},
                                          "end": {"line": 0, "character": 0}},
                                "text": format!(";; edit {i}\n")}]}}),
        )?;
        s.wait(diagnostics)?;
        change.0.push(t.elapsed());
    }
    s.send(json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))?;
    s.wait(|m| m["id"] == 2)?;
    s.send(json!({"jsonrpc": "2.0", "method": "exit"}))?;
    let _ = s.child.wait();
    Ok(EditorRow {
        name,
        lines: source.lines().count(),
        open_ms,
        change,
    })
}
