//! Calls one function of a contract many times on the Wasm path, for a profiler
//! (`perf record`): `cargo run --release -p clarinet-wasm-runtime --example profile_calls
//! -- CONTRACT.clar FUNCTION [CALLS] [uncharged]`.

use clarinet_wasm_runtime::chain::Chain;
use clarinet_wasm_runtime::wasm;
use clarity::vm::types::{PrincipalData, QualifiedContractIdentifier};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (path, function) = (&args[1], &args[2]);
    let calls: usize = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let mut chain = Chain::devnet();
    chain.wasm_charges = args.get(4).map_or(true, |a| a != "uncharged");
    let source = std::fs::read_to_string(path).expect("contract");
    let id = QualifiedContractIdentifier::new(chain.deployer(), "c".into());
    let version = chain.clarity_version;
    let d = wasm::deploy(&mut chain, &id, &source, version).expect("compiled");
    assert!(d.result.is_ok(), "{:?}", d.result);
    let sender = PrincipalData::Standard(chain.deployer());
    let read_only = !source.contains(&format!("define-public ({function}"));
    let t = std::time::Instant::now();
    for _ in 0..calls {
        let o = wasm::call(&mut chain, &id, function, &[], &sender, read_only).expect("ran");
        assert!(o.result.is_ok(), "{:?}", o.result);
    }
    println!(
        "{:.2} µs per call",
        t.elapsed().as_secs_f64() * 1e6 / calls as f64
    );
}
