//! `clarinet-wasm lsp` as an editor drives it: a process spoken to in JSON-RPC over its
//! standard input and output (initialize, didOpen, didChange, publishDiagnostics, hover,
//! codeLens, completion, definition, symbols, signature help, our requests, shutdown,
//! exit), bad input included.

mod support;
use support::*;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    /// Messages read while waiting for something else.
    seen: Vec<Value>,
    next_id: i64,
}

impl Client {
    fn start(cwd: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_clarinet-wasm"))
            .arg("lsp")
            .current_dir(cwd)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start clarinet-wasm lsp");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; len.expect("Content-Length")];
                r.read_exact(&mut body).unwrap();
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming,
            seen: vec![],
            next_id: 1,
        }
    }

    fn send_raw(&mut self, body: &str) {
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        let mut m = json!({"jsonrpc": "2.0", "method": method});
        if !params.is_null() {
            m["params"] = params;
        }
        self.send_raw(&m.to_string());
    }

    /// The whole response (`result` or `error`) to a request.
    fn request_raw(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        let mut m = json!({"jsonrpc": "2.0", "id": id, "method": method});
        if !params.is_null() {
            m["params"] = params;
        }
        self.send_raw(&m.to_string());
        self.wait(|m| m["id"] == json!(id) && m.get("method").is_none())
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let r = self.request_raw(method, params);
        assert!(r.get("error").is_none(), "{method}: {r}");
        r["result"].clone()
    }

    /// The first message (already seen or to come) that `pred` accepts.
    fn wait(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.seen.iter().position(&pred) {
            return self.seen.remove(i);
        }
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let m = self.incoming.recv_timeout(left).unwrap_or_else(|e| {
                let status = self.child.try_wait();
                panic!(
                    "no such message ({e:?}, server {status:?}); seen: {:#?}",
                    self.seen
                )
            });
            if pred(&m) {
                return m;
            }
            self.seen.push(m);
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let m = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        m["params"]["diagnostics"].as_array().unwrap().clone()
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "clarity", "version": 1, "text": text}}),
        );
    }

    fn at(&mut self, method: &str, uri: &str, line: u32, character: u32) -> Value {
        self.request(
            method,
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
        )
    }

    fn shutdown(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let status = self.child.wait().unwrap();
        assert!(status.success(), "exit status {status}");
    }
}

fn uri(p: &Path) -> String {
    format!("file://{}", p.display())
}

fn initialize(c: &mut Client, root: &Path) -> Value {
    let r = c.request(
        "initialize",
        json!({"processId": null, "rootUri": uri(root), "capabilities": {}}),
    );
    c.notify("initialized", json!({}));
    r
}

fn messages(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_project_contract_is_checked_hovered_completed_and_shown_as_wasm() {
    let root = example();
    let mut c = Client::start(&root);
    let caps = initialize(&mut c, &root);
    assert_eq!(caps["serverInfo"]["name"], "clarinet-wasm");
    assert_eq!(caps["capabilities"]["hoverProvider"], true);

    let path = root.join("contracts/counter.clar");
    let text = std::fs::read_to_string(&path).unwrap();
    let u = uri(&path);
    c.open(&u, &text);
    assert_eq!(c.diagnostics(&u), Vec::<Value>::new());

    // Hover on a native: clarity-vm's docs.
    let line = text
        .lines()
        .position(|l| l.contains("(map-set tallies"))
        .unwrap() as u32;
    let col = text
        .lines()
        .nth(line as usize)
        .unwrap()
        .find("map-set")
        .unwrap() as u32;
    let h = c.at("textDocument/hover", &u, line, col + 2);
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(
        md.contains("(map-set map-name key-tuple value-tuple)"),
        "{md}"
    );

    // Hover on a user function: its signature, its Wasm size.
    let line = text
        .lines()
        .position(|l| l.contains("(increment-by u1)"))
        .unwrap() as u32;
    let col = text
        .lines()
        .nth(line as usize)
        .unwrap()
        .find("increment-by")
        .unwrap() as u32;
    let h = c.at("textDocument/hover", &u, line, col + 1);
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(
        md.contains("(increment-by (step uint)) -> (response uint uint)"),
        "{md}"
    );
    assert!(md.contains("public function"), "{md}");
    assert!(
        md.contains("**Wasm:**") && md.contains("bytes of code"),
        "{md}"
    );

    // A code lens per function, whose command shows its Wasm.
    let lenses = c.request("textDocument/codeLens", json!({"textDocument": {"uri": u}}));
    let lenses = lenses.as_array().unwrap();
    assert_eq!(lenses.len(), 6, "{lenses:#?}");
    let first = &lenses[0]["command"];
    assert!(
        first["title"].as_str().unwrap().contains("Wasm "),
        "{first}"
    );
    assert_eq!(first["command"], "clarinet-wasm.showWat");
    let wat = c.request(
        "workspace/executeCommand",
        json!({"command": "clarinet-wasm.showWat", "arguments": first["arguments"]}),
    );
    assert!(wat.as_str().unwrap().starts_with("  (func"), "{wat}");

    // Our requests.
    let wat = c.request("clarinet-wasm/wat", json!({"uri": u}));
    assert!(
        wat["text"].as_str().unwrap().starts_with("(module"),
        "{wat}"
    );
    let wat = c.request(
        "clarinet-wasm/wat",
        json!({"uri": u, "function": "get-total"}),
    );
    assert!(wat["text"].as_str().unwrap().contains("(func"), "{wat}");
    let info = c.request("clarinet-wasm/wasmInfo", json!({"uri": u}));
    assert!(info["size"].as_u64().unwrap() > 100, "{info}");
    assert!(info["compileMs"].as_f64().unwrap() > 0.0, "{info}");
    let exports: Vec<&str> = info["exports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["export"].as_str().unwrap())
        .collect();
    assert!(
        exports.contains(&"increment") && exports.contains(&".private.bump"),
        "{exports:?}"
    );
    let costs = c.request("clarinet-wasm/costs", json!({"uri": u}));
    let names: Vec<&str> = costs["functions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "bump",
            "increment-by",
            "increment",
            "reset",
            "get-total",
            "get-tally"
        ]
    );
    // Each function has a complete static bound (counter calls no other contract).
    for f in costs["functions"].as_array().unwrap() {
        assert!(f["bound"]["runtime"].as_u64().unwrap() > 0, "{f}");
        assert_eq!(f["unbounded"], json!([]), "{f}");
        assert!(f["wasmBytes"].as_u64().unwrap() > 0, "{f}");
    }
    // The vault calls counter and points: their bounds are counted in.
    let vault = uri(&root.join("contracts/vault.clar"));
    let vcosts = c.request("clarinet-wasm/costs", json!({"uri": vault}));
    let deposit = vcosts["functions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "deposit")
        .unwrap()
        .clone();
    assert_eq!(deposit["unbounded"], json!([]), "{deposit}");
    let increment = costs["functions"][2]["bound"]["runtime"].as_u64().unwrap();
    assert!(
        deposit["bound"]["runtime"].as_u64().unwrap() > increment,
        "{deposit}"
    );
    let bad = c.request_raw("clarinet-wasm/wat", json!({"uri": u, "function": "nope"}));
    assert!(
        bad["error"]["message"]
            .as_str()
            .unwrap()
            .contains("no function nope"),
        "{bad}"
    );

    // Symbols, definition, completion, signature help.
    let symbols = c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": u}}),
    );
    let names: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(
        names.starts_with(&["contract-owner", "err-not-owner"]),
        "{names:?}"
    );
    assert!(
        names.contains(&"tallies") && names.contains(&"get-tally"),
        "{names:?}"
    );
    let line = text
        .lines()
        .position(|l| l.contains("(ok (bump tx-sender step))"))
        .unwrap() as u32;
    let col = text
        .lines()
        .nth(line as usize)
        .unwrap()
        .find("bump")
        .unwrap() as u32;
    let d = c.at("textDocument/definition", &u, line, col + 1);
    let def_line = text
        .lines()
        .position(|l| l.starts_with("(define-private (bump"))
        .unwrap();
    assert_eq!(d["uri"], u);
    assert_eq!(d["range"]["start"]["line"], def_line, "{d}");

    // Signature help in a call of the contract's own function: its parameters, the
    // second one active after the first argument.
    let sig = c.at(
        "textDocument/signatureHelp",
        &u,
        line,
        col + "bump tx-sender ".len() as u32,
    );
    let params: Vec<&Value> = sig["signatures"][0]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["label"])
        .collect();
    assert_eq!(params, ["who principal", "step uint"], "{sig}");
    assert_eq!(sig["activeParameter"], 1, "{sig}");

    // Completion after an edit: the contract's own names and the natives.
    let end = text.lines().count() as u32;
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": u, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": end, "character": 0}, "end": {"line": end, "character": 0}},
             "text": "(define-read-only (twice) (map-set "}
        ]}),
    );
    // The parser's errors for the two lists left open, each with a note at its '('.
    let diags = c.diagnostics(&u);
    assert_eq!(
        messages(&diags),
        [
            "expected closing ')'",
            "to match this '('",
            "expected closing ')'",
            "to match this '('"
        ],
        "{diags:#?}"
    );
    let severities: Vec<&Value> = diags.iter().map(|d| &d["severity"]).collect();
    assert_eq!(severities, [1, 3, 1, 3]);
    assert!(
        diags.iter().all(|d| d["range"]["start"]["line"] == end),
        "{diags:#?}"
    );
    let items = c.at("textDocument/completion", &u, end, 35);
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    for want in ["map-set", "tallies", "increment-by", "block-height"] {
        assert!(labels.contains(&want), "{want} not in {labels:?}");
    }
    let sig = c.at("textDocument/signatureHelp", &u, end, 35);
    assert_eq!(
        sig["signatures"][0]["label"],
        "(map-set map-name key-tuple value-tuple)"
    );
    assert_eq!(sig["activeParameter"], 0);

    c.shutdown();
}

#[test]
fn diagnostics_come_from_the_parser_the_type_checker_and_our_compiler() {
    let dir = tempfile::tempdir().unwrap();
    let lone = dir.path().join("lone.clar");
    let u = uri(&lone);
    let mut c = Client::start(dir.path());
    initialize(&mut c, dir.path());

    // A file outside any project, checked alone.
    c.open(&u, "(define-read-only (f) (+ 1 2))\n");
    assert_eq!(c.diagnostics(&u), Vec::<Value>::new());

    // A type error, at its place.
    let change = |c: &mut Client, text: &str| {
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": u, "version": 2}, "contentChanges": [{"text": text}]}),
        )
    };
    change(&mut c, "(define-read-only (f)\n  (+ 1 u2))\n");
    let d = c.diagnostics(&u);
    assert_eq!(
        messages(&d),
        ["expecting expression of type 'int', found 'uint'"]
    );
    assert_eq!(d[0]["range"]["start"], json!({"line": 1, "character": 2}));
    assert_eq!(d[0]["source"], "clarity analysis");

    // A syntax error mid-edit: reported, and the server goes on.
    change(&mut c, "(define-read-only (f)\n  (+ 1 2\n");
    let d = c.diagnostics(&u);
    assert_eq!(messages(&d)[0], "expected closing ')'", "{d:#?}");
    assert_eq!(d[0]["range"]["start"], json!({"line": 1, "character": 9}));
    assert!(d.iter().all(|d| d["source"] == "clarity parse"), "{d:#?}");
    let h = c.at("textDocument/hover", &u, 1, 3);
    assert!(
        h["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("(+ i1 i2...)"),
        "{h}"
    );

    // Every parse error at once (the type check stops at its first).
    change(
        &mut c,
        "(define-constant a u1x)\n(define-constant b 0xZZ)\n(define-read-only (f) (ok u1))\n",
    );
    let d = c.diagnostics(&u);
    assert_eq!(
        messages(&d),
        [
            "invalid character, 'x', in uint literal",
            "invalid character, 'Z', in buffer"
        ]
    );
    assert_eq!(d[1]["range"]["start"], json!({"line": 1, "character": 21}));

    // Invalid JSON-RPC: an error answer, and the server still serves.
    c.send_raw("{ not json");
    let err = c.wait(|m| m.get("error").is_some());
    assert_eq!(err["error"]["code"], -32700, "{err}");
    let r = c.request_raw("textDocument/hover", json!({"nonsense": true}));
    assert!(r.get("error").is_some(), "{r}");

    change(&mut c, "(define-read-only (f) (ok u1))\n");
    assert_eq!(c.diagnostics(&u), Vec::<Value>::new());
    c.shutdown();
}

#[test]
fn costs_measured_by_test_costs_are_shown() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("counter");
    copy_dir(&example(), &root);
    let _ = std::fs::remove_dir_all(root.join(".cache"));
    let out = Command::new(env!("CARGO_BIN_EXE_clarinet-wasm"))
        .args(["test", "--costs"])
        .current_dir(&root)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(root.join(".cache/wasm/measured-costs.json").is_file());

    let mut c = Client::start(&root);
    initialize(&mut c, &root);
    let u = uri(&root.join("contracts/counter.clar"));
    let costs = c.request("clarinet-wasm/costs", json!({"uri": u}));
    let increment = costs["functions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "increment")
        .unwrap()
        .clone();
    assert!(
        increment["measured"]["runtime"].as_u64().unwrap() > 0,
        "{increment}"
    );
    assert!(
        increment["measured"]["write_count"].as_u64().unwrap() > 0,
        "{increment}"
    );
    let lenses = c.request("textDocument/codeLens", json!({"textDocument": {"uri": u}}));
    let titles: Vec<&str> = lenses
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["command"]["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.iter().any(|t| t.contains("(measured)")),
        "{titles:?}"
    );
    c.shutdown();
}

#[test]
fn the_other_contracts_of_the_project_are_known_and_not_silenced() {
    let root = example();
    let mut c = Client::start(&root);
    initialize(&mut c, &root);
    let read = |name: &str| std::fs::read_to_string(root.join("contracts").join(name)).unwrap();
    let (vault, points, counter) = (
        uri(&root.join("contracts/vault.clar")),
        uri(&root.join("contracts/points.clar")),
        uri(&root.join("contracts/counter.clar")),
    );
    let vault_text = read("vault.clar");
    c.open(&vault, &vault_text);
    assert_eq!(c.diagnostics(&vault), Vec::<Value>::new());
    c.open(&points, &read("points.clar"));
    assert_eq!(c.diagnostics(&points), Vec::<Value>::new());

    // Go to another contract, and to its function.
    let line = vault_text
        .lines()
        .position(|l| l.contains("(contract-call? .points set-authorized"))
        .unwrap() as u32;
    let l = vault_text.lines().nth(line as usize).unwrap();
    let d = c.at(
        "textDocument/definition",
        &vault,
        line,
        l.find(".points").unwrap() as u32 + 2,
    );
    assert_eq!(d["uri"], points, "{d}");
    let d = c.at(
        "textDocument/definition",
        &vault,
        line,
        l.find("set-authorized").unwrap() as u32 + 1,
    );
    assert_eq!(d["uri"], points, "{d}");
    let def = read("points.clar")
        .lines()
        .position(|l| l.contains("(define-public (set-authorized"))
        .unwrap();
    assert_eq!(d["range"]["start"]["line"], def, "{d}");

    // Completion of contract-call? targets, then of the target's functions.
    let end = vault_text.lines().count() as u32;
    let edit = |c: &mut Client, version: i64, text: &str| {
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": vault, "version": version}, "contentChanges": [
                {"range": {"start": {"line": end, "character": 0}, "end": {"line": end + 1, "character": 0}},
                 "text": text}]}),
        );
        c.diagnostics(&vault);
    };
    let labels = |v: Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|i| i["label"].as_str().unwrap().to_string())
            .collect()
    };
    edit(&mut c, 2, "(define-read-only (t) (contract-call? .");
    let got = labels(c.at("textDocument/completion", &vault, end, 39));
    assert_eq!(got, ["counter", "points"]);
    edit(&mut c, 3, "(define-read-only (t) (contract-call? .points ");
    let got = labels(c.at("textDocument/completion", &vault, end, 46));
    for f in ["award", "spend", "set-authorized"] {
        assert!(got.iter().any(|g| g == f), "{f} not in {got:?}");
    }

    // Break counter in the editor: its error, vault (which calls it) told, points intact.
    edit(
        &mut c,
        4,
        "(define-read-only (t) (contract-call? .points get-total-points))\n",
    );
    let counter_text = read("counter.clar");
    c.open(
        &counter,
        &counter_text.replace("(var-get total)", "(var-get totl)"),
    );
    let d = c.diagnostics(&counter);
    assert_eq!(
        messages(&d),
        ["use of unresolved persisted variable 'totl'"]
    );
    // Checked again after counter changed, vault now fails on its call of counter (the
    // publishes of earlier checks may still be queued: wait for this one).
    let d = c.wait(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == vault.as_str()
            && m["params"]["diagnostics"].to_string().contains("counter")
    });
    assert_eq!(
        d["params"]["diagnostics"].as_array().unwrap().len(),
        1,
        "{d}"
    );
    // points does not call counter: every publish for it was empty.
    c.request("shutdown", Value::Null);
    assert!(
        c.seen
            .iter()
            .filter(|m| m["params"]["uri"] == points.as_str())
            .all(|m| m["params"]["diagnostics"] == json!([])),
        "{:#?}",
        c.seen
    );
    c.notify("exit", Value::Null);
    assert!(c.child.wait().unwrap().success());
}

#[test]
fn requirements_and_traits_resolve_and_a_trait_call_is_named_unbounded() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../project/tests/projects/cache-clarinet2")
        .canonicalize()
        .unwrap();
    let mut c = Client::start(&root);
    initialize(&mut c, &root);
    let path = root.join("contracts/shop.clar");
    let u = uri(&path);
    c.open(&u, &std::fs::read_to_string(&path).unwrap());
    // The trait and the token come from the requirements in the project's cache.
    assert_eq!(c.diagnostics(&u), Vec::<Value>::new());
    let costs = c.request("clarinet-wasm/costs", json!({"uri": u}));
    let f = |name: &str| {
        costs["functions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == name)
            .unwrap()
            .clone()
    };
    let pay = f("pay");
    let why = pay["unbounded"].to_string();
    assert!(why.contains("through trait"), "{pay}");
    // mint-and-pay calls the requirement's mint (bounded from its source) and pay.
    let both = f("mint-and-pay");
    assert!(
        both["unbounded"].to_string().contains("through trait"),
        "{both}"
    );
    assert!(
        both["bound"]["runtime"].as_u64() > pay["bound"]["runtime"].as_u64(),
        "{both} {pay}"
    );
    c.shutdown();
}

#[test]
fn a_code_lens_opens_the_wasm_text_in_a_client_that_shows_documents() {
    let root = example();
    let mut c = Client::start(&root);
    c.request(
        "initialize",
        json!({"processId": null, "rootUri": uri(&root),
               "capabilities": {"window": {"showDocument": {"support": true}}}}),
    );
    c.notify("initialized", json!({}));
    let u = uri(&root.join("contracts/counter.clar"));
    let id = 99;
    let m = json!({"jsonrpc": "2.0", "id": id, "method": "workspace/executeCommand",
                   "params": {"command": "clarinet-wasm.showWat", "arguments": [u, "get-total"]}});
    c.send_raw(&m.to_string());
    // The server asks the editor to open the text, written to a file.
    let ask = c.wait(|m| m["method"] == "window/showDocument");
    let file = ask["params"]["uri"]
        .as_str()
        .unwrap()
        .trim_start_matches("file://")
        .to_string();
    assert!(file.ends_with("counter.get-total.wat"), "{ask}");
    let shown = std::fs::read_to_string(&file).unwrap();
    assert!(shown.starts_with("  (func"), "{shown}");
    let reply = json!({"jsonrpc": "2.0", "id": ask["id"], "result": {"success": true}});
    c.send_raw(&reply.to_string());
    let r = c.wait(|m| m["id"] == json!(id) && m.get("method").is_none());
    assert_eq!(r["result"].as_str().unwrap(), shown);
    c.shutdown();
}

#[test]
fn clarinets_check_checker_warns_when_the_manifest_enables_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("contracts")).unwrap();
    std::fs::write(
        root.join("Clarinet.toml"),
        "[project]\nname = \"cc\"\n\n[contracts.store]\npath = \"contracts/store.clar\"\n\
         clarity_version = 2\nepoch = 2.4\n\n[repl.analysis]\npasses = [\"check_checker\"]\n",
    )
    .unwrap();
    let source = "(define-data-var owner principal tx-sender)\n\
                  (define-public (set-owner (who principal))\n  (ok (var-set owner who)))\n\
                  ;; #[allow(unchecked_data)]\n\
                  (define-public (set-owner-2 (who principal))\n  (ok (var-set owner who)))\n";
    let path = root.join("contracts/store.clar");
    std::fs::write(&path, source).unwrap();
    let mut c = Client::start(root);
    initialize(&mut c, root);
    let u = uri(&path);
    c.open(&u, source);
    // The unchecked write is a warning, with a note where the input comes in; the one
    // under `#[allow(unchecked_data)]` is not.
    let d = c.diagnostics(&u);
    assert_eq!(
        messages(&d),
        [
            "use of potentially unchecked data",
            "source of untrusted input here"
        ]
    );
    assert_eq!(d[0]["severity"], 2);
    assert_eq!(d[0]["range"]["start"], json!({"line": 2, "character": 21}));

    // The manifest changes on disk (the pass turned off): read again at the next check.
    let manifest = std::fs::read_to_string(root.join("Clarinet.toml")).unwrap();
    let off = manifest.replace("passes = [\"check_checker\"]", "passes = []");
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(root.join("Clarinet.toml"), off).unwrap();
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": u, "version": 2}, "contentChanges": [{"text": source}]}),
    );
    assert_eq!(c.diagnostics(&u), Vec::<Value>::new());
    c.shutdown();
}
