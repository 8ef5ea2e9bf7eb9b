//! What several integration tests of the binary share.
#![allow(dead_code)] // each test file uses its own part

use std::path::{Path, PathBuf};

/// The bundled example project (three contracts calling each other), absolute.
pub fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/counter")
        .canonicalize()
        .unwrap()
}

/// Copies the tree `from` to `to` (tests change copies of projects, never the originals).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}
