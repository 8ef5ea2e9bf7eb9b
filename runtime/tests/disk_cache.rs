//! The on-disk cache of compiled modules: a module compiled once is deserialized by the
//! next process; a damaged entry or an unusable directory only costs a compile.

use std::path::{Path, PathBuf};
use std::process::Command;

use clarinet_wasm_compiler::Compiled;
use clarinet_wasm_runtime::chain::Chain;
use clarinet_wasm_runtime::wasm::{self, ModuleSource};
use clarity::vm::types::{PrincipalData, QualifiedContractIdentifier};
use clarity::vm::Value;

/// Set for the second process (`child_runs_from_disk`): the cache directory.
const CHILD_DIR: &str = "CLARINET_WASM_DISK_CACHE_TEST_DIR";
/// Set for the second process: the constant its contract returns.
const CHILD_UNIQUE: &str = "CLARINET_WASM_DISK_CACHE_TEST_UNIQUE";

/// A contract no other run has compiled: its Wasm carries `unique`.
fn source(unique: u128) -> String {
    format!(
        "(define-constant UNIQUE u{unique})\n\
         (define-read-only (get-unique) (+ UNIQUE u1))"
    )
}

/// Deploy the contract for `unique` and call `get-unique`; the deployed contract's module.
fn deploy_and_call(unique: u128) -> Compiled {
    let mut chain = Chain::devnet();
    let id = QualifiedContractIdentifier::new(chain.deployer(), "cached".into());
    let version = chain.clarity_version;
    let d = wasm::deploy(&mut chain, &id, &source(unique), version).expect("compiled");
    assert!(d.result.is_ok(), "{:?}", d.result);
    let sender = PrincipalData::Standard(chain.deployer());
    let o = wasm::call(&mut chain, &id, "get-unique", &[], &sender, true).expect("ran");
    assert_eq!(o.result.unwrap(), Some(Value::UInt(unique + 1)));
    chain.wasm_contracts[&id].compiled.clone()
}

fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir.join("modules"))
        .map(|r| r.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

fn source_of(wasm: &[u8]) -> ModuleSource {
    wasm::load_module_bytes(wasm).expect("loads").1
}

#[test]
fn compiled_once_then_from_disk() {
    if std::env::var_os(CHILD_DIR).is_some() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    wasm::set_disk_cache(Some(tmp.path().to_path_buf()));
    let unique = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();

    // First load: compiled, and stored.
    let before = wasm::module_stats();
    let compiled = deploy_and_call(unique);
    let bytes = compiled.wasm.clone();
    let after = wasm::module_stats();
    assert_eq!(after.compiled, before.compiled + 1, "{after:?}");
    assert_eq!(after.from_disk, before.from_disk);
    let files = entries(tmp.path());
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].extension().is_some_and(|e| e == "cwasm"));
    let entry = files[0].clone();

    // The in-memory cache answers a repeated load in this process.
    wasm::load(compiled).expect("loads");
    let again = wasm::module_stats();
    assert_eq!(again.from_memory, after.from_memory + 1, "{again:?}");
    assert_eq!(
        (again.compiled, again.from_disk),
        (after.compiled, after.from_disk)
    );

    // Below it, the module comes from the disk.
    assert_eq!(source_of(&bytes), ModuleSource::Disk);
    assert_eq!(wasm::module_stats().from_disk, after.from_disk + 1);

    // A second process compiles nothing, and the deserialized module runs.
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_runs_from_disk", "--nocapture"])
        .env(CHILD_DIR, tmp.path())
        .env(CHILD_UNIQUE, unique.to_string())
        .output()
        .unwrap();
    assert!(
        out.status.success() && String::from_utf8_lossy(&out.stdout).contains("1 passed"),
        "second process: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );

    // Damaged entries are compiled again, without error, and replaced by a sound one.
    let good = std::fs::read(&entry).unwrap();
    let mut flipped = good.clone();
    *flipped.last_mut().unwrap() ^= 1;
    let mut bad_header = good.clone();
    bad_header[10] ^= 1;
    // A digest that matches a payload wasmtime refuses: the deserialize error path.
    let mut not_a_module = good[..8].to_vec();
    let payload = b"not a serialized module";
    use sha2::Digest;
    not_a_module.extend_from_slice(&sha2::Sha256::digest(payload));
    not_a_module.extend_from_slice(payload);
    for damaged in [
        flipped,
        bad_header,
        good[..good.len() / 2].to_vec(),
        good[..20].to_vec(),
        vec![],
        not_a_module,
    ] {
        std::fs::write(&entry, &damaged).unwrap();
        assert_eq!(source_of(&bytes), ModuleSource::Compiled);
        assert_eq!(source_of(&bytes), ModuleSource::Disk);
    }
    assert_eq!(
        entries(tmp.path()),
        vec![entry.clone()],
        "no temporary left"
    );

    // A directory that cannot be written (here: a plain file) only costs a compile.
    let file = tmp.path().join("a-file");
    std::fs::write(&file, b"").unwrap();
    wasm::set_disk_cache(Some(file));
    assert_eq!(source_of(&bytes), ModuleSource::Compiled);
    assert_eq!(source_of(&bytes), ModuleSource::Compiled);

    // Off: always compiled.
    wasm::set_disk_cache(None);
    assert_eq!(source_of(&bytes), ModuleSource::Compiled);
}

/// The second process of `compiled_once_then_from_disk` (does nothing on its own).
#[test]
fn child_runs_from_disk() {
    let Some(dir) = std::env::var_os(CHILD_DIR) else {
        return;
    };
    let unique: u128 = std::env::var(CHILD_UNIQUE).unwrap().parse().unwrap();
    wasm::set_disk_cache(Some(dir.into()));
    deploy_and_call(unique);
    let stats = wasm::module_stats();
    assert_eq!((stats.compiled, stats.from_disk), (0, 1), "{stats:?}");
}
