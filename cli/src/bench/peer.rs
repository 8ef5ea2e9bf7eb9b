//! The npm clarinet-sdk as a peer: the suite's steps in node, through the simnet users run
//! today. We write one Clarinet project per case (its contracts) and a spec of the steps;
//! `bench/clarinet-sdk/peer.mjs` runs each case on a fresh simnet, times it and prints
//! its medians as JSON.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use clarinet_wasm_runtime::Chain;
use clarity::vm::Value;
use serde_json::{json, Value as Json};

use super::cases::{fresh_sender, Case, Step, STACKED};

/// One case as the peer ran it.
pub struct PeerCase {
    pub median_us: f64,
    pub min_us: f64,
    pub max_us: f64,
    /// The last step's result, consensus-serialized hex (None for a deployment).
    pub result: Option<String>,
}

pub struct PeerRun {
    pub version: String,
    pub cases: BTreeMap<String, PeerCase>,
}

/// Where the peer lives: `CLARINET_WASM_SDK_PEER`, else `bench/clarinet-sdk` of the
/// source tree this binary was built from.
fn peer_dir() -> PathBuf {
    std::env::var_os("CLARINET_WASM_SDK_PEER")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../bench/clarinet-sdk"))
}

/// The installed clarinet-sdk's version, or why the peer cannot run.
pub fn installed() -> Result<(PathBuf, String), String> {
    let dir = peer_dir();
    let script = dir.join("peer.mjs");
    let how = format!(
        "install it with `npm ci` in {} (node 20 or later)",
        dir.display()
    );
    let out = Command::new("node")
        .arg(&script)
        .arg("--version")
        .output()
        .map_err(|e| format!("the clarinet-sdk peer needs node ({e}); {how}"))?;
    if !out.status.success() {
        return Err(format!(
            "the clarinet-sdk peer is not installed: {}; {how}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok((
        script,
        String::from_utf8_lossy(&out.stdout).trim().to_string(),
    ))
}

/// A value as the peer takes and prints it: `0x` and its consensus serialization.
pub fn hex(v: &Value) -> String {
    format!("0x{}", clarinet_wasm_runtime::store::value_hex(v))
}

/// Run `cases` on the clarinet-sdk, metered (`track_costs`) or not.
pub fn run(
    cases: &[&Case],
    calls: usize,
    warmup: usize,
    track_costs: bool,
) -> Result<PeerRun, String> {
    let (script, version) = installed()?;
    let dir = tempfile::tempdir().map_err(|e| format!("a temporary directory: {e}"))?;
    let root = dir.path();
    let chain = Chain::devnet();
    let deployer = chain.deployer().to_string();
    let steps = warmup + calls;

    // One project per case, so that each runs on a fresh simnet as ours does on a fresh
    // chain: its contracts, Clarity 2 at epoch 2.4 as ours.
    let project = |case: &Case| -> Result<PathBuf, String> {
        let dir = root.join(case.name);
        std::fs::create_dir_all(dir.join("contracts")).map_err(|e| e.to_string())?;
        std::fs::create_dir_all(dir.join("settings")).map_err(|e| e.to_string())?;
        let mut manifest = format!("[project]\nname = \"{}\"\nrequirements = []\n", case.name);
        for (name, source) in case.contracts {
            std::fs::write(dir.join(format!("contracts/{name}.clar")), source())
                .map_err(|e| e.to_string())?;
            manifest += &format!(
                "\n[contracts.{name}]\npath = \"contracts/{name}.clar\"\nclarity_version = 2\nepoch = 2.4\n"
            );
        }
        std::fs::write(dir.join("Clarinet.toml"), manifest).map_err(|e| e.to_string())?;
        std::fs::write(
            dir.join("settings/Devnet.toml"),
            include_str!("../../../templates/project/settings/Devnet.toml"),
        )
        .map_err(|e| e.to_string())?;
        Ok(dir.join("Clarinet.toml"))
    };

    let mut specs = vec![];
    for case in cases {
        let mut mint = vec![];
        let mut spec = match &case.step {
            Step::Call {
                function,
                read_only,
                args,
                fresh_senders,
            } => {
                let senders: Vec<String> = if *fresh_senders {
                    (0..steps)
                        .map(|i| fresh_sender(i).address.to_string())
                        .collect()
                } else {
                    vec![deployer.clone()]
                };
                if *fresh_senders {
                    mint.extend(
                        senders
                            .iter()
                            .map(|s| json!({"to": s, "amount": STACKED.to_string()})),
                    );
                }
                json!({
                    "kind": "call",
                    "contract": case.contracts.last().expect("a contract").0,
                    "function": function,
                    "args": args(&chain).iter().map(hex).collect::<Vec<_>>(),
                    "read_only": read_only,
                    "senders": senders,
                })
            }
            Step::Deploy { prefix, source } => json!({
                "kind": "deploy",
                "source": source(),
                "name_prefix": prefix,
                "epoch": "2.4",
                "senders": [deployer],
            }),
        };
        spec["name"] = json!(case.name);
        spec["manifest"] = json!(project(case)?);
        spec["mint_stx"] = json!(mint);
        spec["setup"] = case
            .setup
            .iter()
            .map(|(function, args)| {
                json!({
                    "contract": case.contracts.last().expect("a contract").0,
                    "function": function,
                    "args": args(&chain).iter().map(hex).collect::<Vec<_>>(),
                    "sender": deployer,
                })
            })
            .collect::<Json>();
        specs.push(spec);
    }
    let spec = json!({
        "warmup": warmup,
        "calls": calls,
        "track_costs": track_costs,
        "cases": specs,
    });
    let spec_path = root.join("spec.json");
    std::fs::write(&spec_path, spec.to_string()).map_err(|e| e.to_string())?;
    let out = Command::new("node")
        .arg(&script)
        .arg(&spec_path)
        .output()
        .map_err(|e| format!("cannot run node: {e}"))?;
    if !out.status.success() {
        // The SDK's own messages come first; the peer's one-line reason is last.
        let stderr = String::from_utf8_lossy(&out.stderr);
        return Err(format!(
            "the clarinet-sdk peer failed: {}",
            stderr.trim().lines().last().unwrap_or("no message")
        ));
    }
    let report: Json = serde_json::from_slice(&out.stdout)
        .map_err(|e| format!("the clarinet-sdk peer printed no JSON report: {e}"))?;
    let mut run = PeerRun {
        version,
        cases: BTreeMap::new(),
    };
    for case in cases {
        let c = &report["cases"][case.name];
        let num = |k: &str| {
            c[k].as_f64()
                .ok_or_else(|| format!("the clarinet-sdk peer reported no {k} for {}", case.name))
        };
        run.cases.insert(
            case.name.to_string(),
            PeerCase {
                median_us: num("median_us")?,
                min_us: num("min_us")?,
                max_us: num("max_us")?,
                result: c["result"].as_str().map(str::to_string),
            },
        );
    }
    Ok(run)
}
