//! Loading the bundled example project.

use std::path::Path;

use clarinet_wasm_project::{find_manifest, load};
use clarinet_wasm_runtime::chain::DEVNET_ACCOUNTS;

fn example() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/counter")
}

#[test]
fn devnet_accounts_come_from_the_mnemonics() {
    let p = load(&example().join("Clarinet.toml")).unwrap();
    for (name, addr) in DEVNET_ACCOUNTS {
        let a = p.account(name).unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!(a.address.to_string(), addr, "{name}");
        assert_eq!(a.balance, 100_000_000_000_000);
    }
}

#[test]
fn contracts_are_in_dependency_order() {
    let p = load(&example().join("Clarinet.toml")).unwrap();
    let names: Vec<&str> = p.contracts.iter().map(|c| c.name()).collect();
    let pos = |n: &str| names.iter().position(|x| *x == n).unwrap();
    assert!(pos("counter") < pos("vault"));
    assert!(pos("points") < pos("vault"));
    assert_eq!(p.name, "counter");
}

#[test]
fn the_manifest_is_found_from_a_subdirectory() {
    let found = find_manifest(&example().join("contracts"), None).unwrap();
    assert!(found.ends_with("Clarinet.toml"));
}
