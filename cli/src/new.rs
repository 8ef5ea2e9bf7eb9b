//! `clarinet-wasm new NAME` and `clarinet-wasm contract new NAME`: a new project, or a new
//! contract in a project, written from the templates in `templates/` (compiled in, so the
//! binary works from any directory). A template's `{{name}}` becomes NAME.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use toml_edit::{value, DocumentMut, InlineTable, Item, Table};

/// (path in the new project, template text); `{{name}}` is replaced in both.
const PROJECT_FILES: &[(&str, &str)] = &[
    (
        "Clarinet.toml",
        include_str!("../../templates/project/Clarinet.toml"),
    ),
    (
        "settings/Devnet.toml",
        include_str!("../../templates/project/settings/Devnet.toml"),
    ),
    (
        "contracts/{{name}}.clar",
        include_str!("../../templates/project/contracts/NAME.clar"),
    ),
    (
        "tests/{{name}}_test.clar",
        include_str!("../../templates/project/tests/NAME_test.clar"),
    ),
    (
        ".gitignore",
        include_str!("../../templates/project/gitignore"),
    ),
    (
        "README.md",
        include_str!("../../templates/project/README.md"),
    ),
];

const CONTRACT_TEMPLATE: &str = include_str!("../../templates/contract/contracts/NAME.clar");
const CONTRACT_TEST_TEMPLATE: &str = include_str!("../../templates/contract/tests/NAME_test.clar");

/// Clarity's limit on a contract name.
const CONTRACT_NAME_MAX: usize = 40;
/// The test contract of NAME is `NAME_test`, which must fit Clarity's limit too.
const TEST_SUFFIX: &str = "_test";

fn render(template: &str, name: &str) -> String {
    template.replace("{{name}}", name)
}

/// A project or contract name must be a Clarity contract name (a letter, then letters,
/// digits, `-` or `_`), short enough that its test contract `NAME_test` is one as well.
pub fn validate_name(name: &str) -> Result<(), String> {
    let max = CONTRACT_NAME_MAX - TEST_SUFFIX.len();
    let rule = "a name starts with a letter, followed by letters, digits, '-' or '_'";
    let mut chars = name.chars();
    match chars.next() {
        None => return Err("the name is empty: ".to_string() + rule),
        Some(c) if !c.is_ascii_alphabetic() => {
            return Err(format!("'{name}' is not a valid name: {rule}"))
        }
        _ => {}
    }
    if let Some(c) = chars.find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_')) {
        return Err(format!(
            "'{name}' is not a valid name ({c:?} is not allowed): {rule}"
        ));
    }
    if name.len() > max {
        return Err(format!(
            "'{name}' is too long ({} characters): at most {max}, so that its test contract '{name}{TEST_SUFFIX}' fits Clarity's {CONTRACT_NAME_MAX}-character limit",
            name.len()
        ));
    }
    Ok(())
}

/// Write `text` to `path`, creating its directory, never overwriting a file.
fn write_new(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    f.write_all(text.as_bytes())
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// `clarinet-wasm new NAME`: the project `parent/NAME/`.
pub fn run_new(name: &str, parent: &Path) -> Result<ExitCode, String> {
    validate_name(name)?;
    if !parent.is_dir() {
        return Err(format!("{}: no such directory", parent.display()));
    }
    let dir = parent.join(name);
    if dir.symlink_metadata().is_ok() {
        return Err(format!(
            "{}: already exists; choose another name or remove it first",
            dir.display()
        ));
    }
    // create_dir (not _all) fails if the directory appeared meanwhile: never write into one
    // that is not ours.
    std::fs::create_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut written = vec![];
    for (rel, template) in PROJECT_FILES {
        let rel = render(rel, name);
        if let Err(e) = write_new(&dir.join(&rel), &render(template, name)) {
            // Leave no half-made project behind.
            let _ = std::fs::remove_dir_all(&dir);
            return Err(e);
        }
        written.push(rel);
    }
    println!("Created project {name} in {}:", dir.display());
    for rel in &written {
        println!("  {rel}");
    }
    println!();
    println!("Next: cd {} && clarinet-wasm test --wasm", dir.display());
    Ok(ExitCode::SUCCESS)
}

/// `clarinet-wasm contract new NAME`: `contracts/NAME.clar`, `tests/NAME_test.clar`, and a
/// `[contracts.NAME]` entry in Clarinet.toml (whose comments, formatting and order are kept).
pub fn run_contract_new(name: &str, manifest_path: Option<&Path>) -> Result<ExitCode, String> {
    validate_name(name)?;
    let cwd = std::env::current_dir().map_err(|e| format!("current directory: {e}"))?;
    let manifest =
        clarinet_wasm_project::find_manifest(&cwd, manifest_path).map_err(|e| e.to_string())?;
    let text =
        std::fs::read_to_string(&manifest).map_err(|e| format!("{}: {e}", manifest.display()))?;
    // toml_edit's error names the line and column and shows the line.
    let mut doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
        format!(
            "{}: not valid TOML: {}",
            manifest.display(),
            e.to_string().trim_end()
        )
    })?;

    let entry_path = format!("contracts/{name}.clar");
    add_contract_entry(&mut doc, name, &entry_path)
        .map_err(|e| format!("{}: {e}", manifest.display()))?;

    let root = manifest.parent().map(Path::to_path_buf).unwrap_or_default();
    let contract_file = root.join(&entry_path);
    let test_rel = format!("tests/{name}{TEST_SUFFIX}.clar");
    let test_file = root.join(&test_rel);
    for f in [&contract_file, &test_file] {
        if f.symlink_metadata().is_ok() {
            return Err(format!("{}: already exists", f.display()));
        }
    }

    let mut created: Vec<PathBuf> = vec![];
    let result = (|| {
        write_new(&contract_file, &render(CONTRACT_TEMPLATE, name))?;
        created.push(contract_file.clone());
        write_new(&test_file, &render(CONTRACT_TEST_TEMPLATE, name))?;
        created.push(test_file.clone());
        std::fs::write(&manifest, doc.to_string())
            .map_err(|e| format!("{}: {e}", manifest.display()))
    })();
    if let Err(e) = result {
        for f in &created {
            let _ = std::fs::remove_file(f);
        }
        return Err(e);
    }
    println!("Added contract {name}:");
    println!("  {entry_path}");
    println!("  {test_rel}");
    println!("  {}: [contracts.{name}]", manifest.display());
    Ok(ExitCode::SUCCESS)
}

/// Add `[contracts.NAME]` to the manifest; an existing entry is an error.
fn add_contract_entry(doc: &mut DocumentMut, name: &str, path: &str) -> Result<(), String> {
    let root = doc.as_table_mut();
    if !root.contains_key("contracts") {
        let mut contracts = Table::new();
        // `[contracts.NAME]` alone, without an empty `[contracts]` header.
        contracts.set_implicit(true);
        root.insert("contracts", Item::Table(contracts));
    }
    match root.get_mut("contracts") {
        Some(Item::Table(contracts)) => {
            if contracts.contains_key(name) {
                return Err(format!(
                    "there is already a contract '{name}' ([contracts.{name}])"
                ));
            }
            let mut t = Table::new();
            t.insert("path", value(path));
            t.insert("clarity_version", value(2));
            t.insert("epoch", value(2.4));
            contracts.insert(name, Item::Table(t));
        }
        Some(Item::Value(toml_edit::Value::InlineTable(contracts))) => {
            if contracts.contains_key(name) {
                return Err(format!(
                    "there is already a contract '{name}' (contracts.{name})"
                ));
            }
            let mut t = InlineTable::new();
            t.insert("path", path.into());
            t.insert("clarity_version", 2.into());
            t.insert("epoch", 2.4.into());
            contracts.insert(name, toml_edit::Value::InlineTable(t));
        }
        _ => return Err("'contracts' is not a table".to_string()),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clarinet_wasm_project::runner::{self, RunOptions, Status};

    /// Run the project's tests on both runtimes; every one must pass on Wasm too.
    fn passes_on_wasm(project_dir: &Path) -> usize {
        let project = clarinet_wasm_project::load(&project_dir.join("Clarinet.toml")).unwrap();
        let report = runner::run(
            &project,
            &RunOptions {
                wasm: true,
                ..Default::default()
            },
            |_| {},
        )
        .unwrap();
        assert!(
            report.unsupported.is_empty(),
            "not compiled to Wasm: {:?}",
            report.unsupported
        );
        for r in &report.results {
            assert_eq!(
                r.status,
                Status::Pass,
                "{} {}: {} {:?}",
                r.file,
                r.name,
                r.message,
                r.mismatch
            );
            assert!(
                r.interpreter_only.is_none(),
                "{}: interpreter only: {:?}",
                r.name,
                r.interpreter_only
            );
        }
        report.results.len()
    }

    #[test]
    fn names_follow_the_contract_name_rules() {
        for ok in ["demo", "a", "My-token_2", &"x".repeat(35)] {
            assert!(validate_name(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "1bad",
            "-x",
            "_x",
            "a.b",
            "a b",
            "é",
            "a/b",
            "..",
            &"x".repeat(36),
        ] {
            assert!(validate_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_new_project_passes_its_tests_on_wasm() {
        let tmp = tempfile::tempdir().unwrap();
        run_new("demo", tmp.path()).unwrap();
        let dir = tmp.path().join("demo");
        for f in [
            "Clarinet.toml",
            "settings/Devnet.toml",
            "contracts/demo.clar",
            "tests/demo_test.clar",
            ".gitignore",
            "README.md",
        ] {
            let text = std::fs::read_to_string(dir.join(f)).unwrap();
            assert!(!text.contains("{{"), "{f} has a placeholder left");
        }
        assert!(passes_on_wasm(&dir) >= 3);

        run_contract_new("extra", Some(&dir)).unwrap();
        let manifest = std::fs::read_to_string(dir.join("Clarinet.toml")).unwrap();
        assert!(manifest.contains("[contracts.extra]\npath = \"contracts/extra.clar\"\nclarity_version = 2\nepoch = 2.4\n"), "{manifest}");
        let n = passes_on_wasm(&dir);
        assert!(n >= 4, "{n}");
    }

    #[test]
    fn contract_new_keeps_the_manifest_as_it_was() {
        let tmp = tempfile::tempdir().unwrap();
        let before = "# my project\n[project]\nname = \"p\"   # the name\nrequirements = []\n\n[contracts.b]  # second\npath = 'contracts/b.clar'\nepoch = 2.4\n\n[contracts.a]\npath = \"contracts/a.clar\"\n\n[repl.analysis]\npasses = []\n";
        std::fs::write(tmp.path().join("Clarinet.toml"), before).unwrap();
        run_contract_new("c", Some(&tmp.path().join("Clarinet.toml"))).unwrap();
        let after = std::fs::read_to_string(tmp.path().join("Clarinet.toml")).unwrap();
        let expected = before.replace(
            "\n[repl.analysis]",
            "\n[contracts.c]\npath = \"contracts/c.clar\"\nclarity_version = 2\nepoch = 2.4\n\n[repl.analysis]",
        );
        assert_eq!(after, expected);
        assert!(tmp.path().join("contracts/c.clar").is_file());
        assert!(tmp.path().join("tests/c_test.clar").is_file());
    }

    #[test]
    fn contract_new_without_contracts_table() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(
            tmp.path().join("Clarinet.toml"),
            "[project]\nname = \"p\"\n",
        )
        .unwrap();
        run_contract_new("c", Some(tmp.path())).unwrap();
        let after = std::fs::read_to_string(tmp.path().join("Clarinet.toml")).unwrap();
        assert_eq!(after, "[project]\nname = \"p\"\n\n[contracts.c]\npath = \"contracts/c.clar\"\nclarity_version = 2\nepoch = 2.4\n");
    }

    #[test]
    fn errors_are_reported_not_panicked() {
        let tmp = tempfile::tempdir().unwrap();
        assert!(run_new("1bad", tmp.path())
            .unwrap_err()
            .contains("not a valid name"));
        assert!(!tmp.path().join("1bad").exists());
        run_new("demo", tmp.path()).unwrap();
        let e = run_new("demo", tmp.path()).unwrap_err();
        assert!(e.contains("already exists"), "{e}");
        assert!(run_new("x", &tmp.path().join("missing"))
            .unwrap_err()
            .contains("no such directory"));

        let dir = tmp.path().join("demo");
        // The project's own contract is already there.
        let e = run_contract_new("demo", Some(&dir)).unwrap_err();
        assert!(e.contains("already a contract 'demo'"), "{e}");
        run_contract_new("extra", Some(&dir)).unwrap();
        let manifest = std::fs::read_to_string(dir.join("Clarinet.toml")).unwrap();
        let e = run_contract_new("extra", Some(&dir)).unwrap_err();
        assert!(e.contains("already a contract 'extra'"), "{e}");
        assert_eq!(
            std::fs::read_to_string(dir.join("Clarinet.toml")).unwrap(),
            manifest
        );
        // A file in the way, with no manifest entry.
        std::fs::write(dir.join("contracts/stray.clar"), "").unwrap();
        let e = run_contract_new("stray", Some(&dir)).unwrap_err();
        assert!(e.contains("stray.clar: already exists"), "{e}");
        assert_eq!(
            std::fs::read_to_string(dir.join("Clarinet.toml")).unwrap(),
            manifest
        );
        assert!(run_contract_new("9", Some(&dir)).is_err());
        let e = run_contract_new("x", Some(&tmp.path().join("nowhere"))).unwrap_err();
        assert!(e.contains("no such manifest"), "{e}");
    }

    #[test]
    fn a_malformed_manifest_is_reported_with_its_position() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(
            tmp.path().join("Clarinet.toml"),
            "[project]\nname = \"p\"\n\n[contracts.a\npath = 1\n",
        )
        .unwrap();
        let e = run_contract_new("c", Some(tmp.path())).unwrap_err();
        assert!(e.contains("line 4"), "{e}");
        assert!(e.contains("not valid TOML"), "{e}");
        assert!(!tmp.path().join("contracts").exists());
    }
}
