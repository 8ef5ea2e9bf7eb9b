//! Native code kept on disk between runs (`set_disk_cache`), so that a second run
//! deserializes its modules instead of compiling them again with Cranelift.
//!
//! An entry is `<dir>/modules/<key>.cwasm`, with key = sha256 of (the engine's
//! compatibility hash, this crate's version, the Wasm bytes). It holds `MAGIC`, the
//! sha256 of the payload, then the payload (`Module::serialize`). The digest catches a
//! truncated or damaged file before `Module::deserialize`, unsafe on arbitrary bytes, sees
//! it; it is no defence against whoever can write the directory (as with any code cache).

use std::hash::Hasher;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::{OnceLock, RwLock};

use sha2::{Digest, Sha256};
use wasmtime::Module;

use super::engine;

const MAGIC: &[u8; 8] = b"cwcache1";

static DIR: RwLock<Option<PathBuf>> = RwLock::new(None);
static COMPILED: AtomicU64 = AtomicU64::new(0);
static FROM_DISK: AtomicU64 = AtomicU64::new(0);
pub(super) static FROM_MEMORY: AtomicU64 = AtomicU64::new(0);

/// Keep compiled modules under `dir` (created when first written), for this and later
/// processes; `None` turns the disk cache off (the default).
pub fn set_disk_cache(dir: Option<PathBuf>) {
    *DIR.write().unwrap_or_else(|e| e.into_inner()) = dir;
}

/// How the modules this process loaded were obtained.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ModuleStats {
    /// Compiled by Cranelift.
    pub compiled: u64,
    /// Deserialized from the disk cache.
    pub from_disk: u64,
    /// Already loaded by this process.
    pub from_memory: u64,
}

pub fn module_stats() -> ModuleStats {
    ModuleStats {
        compiled: COMPILED.load(Relaxed),
        from_disk: FROM_DISK.load(Relaxed),
        from_memory: FROM_MEMORY.load(Relaxed),
    }
}

/// Where a module's native code came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModuleSource {
    /// Compiled by Cranelift.
    Compiled,
    /// Read from the disk cache.
    Disk,
    /// Already loaded by this process (the same Wasm; never from `load_module_bytes`).
    Memory,
}

/// The wasmtime module for `wasm`: from the disk cache if one is set and holds a sound
/// entry, else compiled (and stored). Trouble with the disk only ever costs a compile.
pub fn load_module_bytes(wasm: &[u8]) -> Result<(Module, ModuleSource), String> {
    let path = DIR
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .as_deref()
        .map(|dir| entry_path(dir, wasm));
    if let Some(module) = path.as_deref().and_then(read_entry) {
        FROM_DISK.fetch_add(1, Relaxed);
        return Ok((module, ModuleSource::Disk));
    }
    let module = Module::new(engine(), wasm).map_err(|e| format!("invalid module: {e:#}"))?;
    COMPILED.fetch_add(1, Relaxed);
    if let Some(path) = path {
        // Best effort: a cache we cannot write only makes the next run slower.
        let _ = write_entry(&path, &module);
    }
    Ok((module, ModuleSource::Compiled))
}

fn entry_path(dir: &Path, wasm: &[u8]) -> PathBuf {
    // What the native code depends on besides the Wasm bytes (target, CPU features,
    // engine settings, wasmtime's version), hashed once.
    static ENGINE_TAG: OnceLock<[u8; 32]> = OnceLock::new();
    let tag = ENGINE_TAG.get_or_init(|| {
        let mut h = ShaHasher(Sha256::new());
        std::hash::Hash::hash(&engine().precompile_compatibility_hash(), &mut h);
        h.0.update(env!("CARGO_PKG_VERSION"));
        h.0.finalize().into()
    });
    let key = Sha256::new()
        .chain_update(tag)
        .chain_update(wasm)
        .finalize();
    dir.join("modules").join(format!("{key:x}.cwasm"))
}

/// Feeds a `Hash` into sha256: wasmtime exposes its compatibility hash only as `impl
/// Hash`, and `DefaultHasher` is 64 bits with no promise of stability across releases.
struct ShaHasher(Sha256);

impl Hasher for ShaHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    fn finish(&self) -> u64 {
        0 // unused: the digest is read from `self.0`
    }
}

fn read_entry(path: &Path) -> Option<Module> {
    let bytes = std::fs::read(path).ok()?;
    let rest = bytes.strip_prefix(MAGIC)?;
    if rest.len() < 32 {
        return None;
    }
    let (digest, payload) = rest.split_at(32);
    if Sha256::digest(payload).as_slice() != digest {
        return None;
    }
    // SAFETY: the payload is what `Module::serialize` wrote, byte for byte (its digest
    // matches); wasmtime itself rejects the output of another version or configuration.
    unsafe { Module::deserialize(engine(), payload) }.ok()
}

fn write_entry(path: &Path, module: &Module) -> std::io::Result<()> {
    let payload = module.serialize().map_err(std::io::Error::other)?;
    let dir = path.parent().expect("an entry is in modules/");
    std::fs::create_dir_all(dir)?;
    // Written aside, then renamed over the entry: no reader (another process among them)
    // ever sees a partial file. No fsync: a file cut short by a crash fails its digest.
    static SEQ: AtomicU64 = AtomicU64::new(0);
    let tmp = path.with_extension(format!(
        "{}.{}.tmp",
        std::process::id(),
        SEQ.fetch_add(1, Relaxed)
    ));
    let written = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(MAGIC)?;
        f.write_all(&Sha256::digest(&payload))?;
        f.write_all(&payload)?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}
