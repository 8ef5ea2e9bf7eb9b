//! The wire between the editor and tower-lsp's server. tower-lsp 0.20 stops reading
//! (and the server exits) at the first message it cannot decode, since tokio-util ends a
//! framed stream after an error. A client's bad message must not end the session, so
//! every message is read and checked here first:
//! - a body that is not JSON is answered with a parse error (-32700);
//! - JSON that is not a JSON-RPC message is answered with an invalid request (-32600);
//! - a bad header is answered with a parse error, and reading goes on at the next one;
//! - `exit` ends the session (status 0 after `shutdown`, 1 before, as the protocol says).
//!
//! Good messages pass through unchanged. tower-lsp's output and our answers go out
//! through one writer, whole message by whole message.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::mpsc::{unbounded_channel, UnboundedSender};

/// A message with its header.
fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn error_frame(id: Value, code: i64, message: &str) -> Vec<u8> {
    let v = json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}});
    frame(v.to_string().as_bytes())
}

/// Read one message: `Ok(None)` at the end of the input, `Err` for a bad header (the
/// reader is then at the line after it).
async fn read_message<R: AsyncRead + Unpin>(
    r: &mut BufReader<R>,
) -> std::io::Result<Option<Result<Vec<u8>, String>>> {
    let mut length: Option<Result<usize, String>> = None;
    let mut any = false;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).await? == 0 {
            return Ok(None);
        }
        let line = line.trim_end();
        if line.is_empty() {
            if any {
                break;
            }
            continue;
        }
        any = true;
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = Some(
                    value
                        .trim()
                        .parse()
                        .map_err(|_| format!("bad Content-Length: {}", value.trim())),
                );
            }
        } else {
            return Ok(Some(Err(format!("bad header line: {line}"))));
        }
    }
    let n = match length {
        Some(Ok(n)) => n,
        Some(Err(e)) => return Ok(Some(Err(e))),
        None => return Ok(Some(Err("missing Content-Length".into()))),
    };
    let mut body = vec![0; n];
    r.read_exact(&mut body).await?;
    Ok(Some(Ok(body)))
}

/// Copy the client's messages to the server, answering the bad ones on `answers`.
/// Returns whether `shutdown` came before the end (`exit` or the end of the input).
async fn filter_input<R, W>(input: R, mut to_server: W, answers: UnboundedSender<Vec<u8>>) -> bool
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut shut_down = false;
    let mut r = BufReader::new(input);
    while let Ok(Some(message)) = read_message(&mut r).await {
        let body = match message {
            Ok(b) => b,
            Err(e) => {
                let _ = answers.send(error_frame(Value::Null, -32700, &e));
                continue;
            }
        };
        let v: Value = match serde_json::from_slice(&body) {
            Ok(v) => v,
            Err(e) => {
                let _ = answers.send(error_frame(
                    Value::Null,
                    -32700,
                    &format!("parse error: {e}"),
                ));
                continue;
            }
        };
        let id = v.get("id").cloned().unwrap_or(Value::Null);
        let method = v.get("method").and_then(Value::as_str);
        let is_response = v.get("result").is_some() || v.get("error").is_some();
        let valid = v.get("jsonrpc") == Some(&json!("2.0"))
            && (method.is_some() || is_response)
            && matches!(id, Value::Null | Value::Number(_) | Value::String(_));
        if !valid {
            let _ = answers.send(error_frame(id, -32600, "invalid JSON-RPC request"));
            continue;
        }
        if method == Some("shutdown") {
            shut_down = true;
        }
        if to_server.write_all(&frame(&body)).await.is_err() {
            break;
        }
        let _ = to_server.flush().await;
        if method == Some("exit") {
            break;
        }
    }
    shut_down
}

/// Forward the server's messages, whole, to the writer's queue.
async fn read_output<R: AsyncRead + Unpin>(from_server: R, out: UnboundedSender<Vec<u8>>) {
    let mut r = BufReader::new(from_server);
    while let Ok(Some(Ok(body))) = read_message(&mut r).await {
        if out.send(frame(&body)).is_err() {
            return;
        }
    }
}

/// Serve `service` on `input`/`output`; true when the client shut the server down first.
pub async fn serve<I, O>(
    input: I,
    mut output: O,
    service: tower_lsp::LspService<crate::server::Backend>,
    socket: tower_lsp::ClientSocket,
) -> bool
where
    I: AsyncRead + Unpin,
    O: AsyncWrite + Unpin,
{
    let (to_server, server_in) = tokio::io::duplex(1 << 16);
    let (server_out, from_server) = tokio::io::duplex(1 << 16);
    let (tx, mut rx) = unbounded_channel::<Vec<u8>>();
    let server = tower_lsp::Server::new(server_in, server_out, socket).serve(service);
    let shut_down = Arc::new(AtomicBool::new(false));
    let input_done = {
        let tx = tx.clone();
        let flag = shut_down.clone();
        async move {
            let ok = filter_input(input, to_server, tx).await;
            flag.store(ok, Ordering::Relaxed);
        }
    };
    let writer = async move {
        while let Some(m) = rx.recv().await {
            if output.write_all(&m).await.is_err() || output.flush().await.is_err() {
                return;
            }
        }
    };
    let forward = read_output(from_server, tx);
    // The input's end closes the server's input, which ends the server, whose output's
    // end ends the forwarding, and then the writer.
    tokio::join!(input_done, server, forward, writer);
    shut_down.load(Ordering::Relaxed)
}
