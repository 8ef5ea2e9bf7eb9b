//! Clarity unit tests: `.clar` files under `tests/` named `*_test.clar` or `*.test.clar`;
//! every public `test-*` function is a test, `prepare` runs before each, and annotations
//! in the comment lines right above a test adjust it.

use std::path::{Path, PathBuf};

use clarity::vm::ast::{build_ast_with_rules, ASTRules};
use clarity::vm::types::{QualifiedContractIdentifier, StandardPrincipalData};
use clarity::vm::{ClarityVersion, ContractName};

use crate::manifest::{Project, ProjectContract, ProjectError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestCase {
    pub function: String,
    /// `@name`, or the function name.
    pub name: String,
    /// `@caller`: an account name or a principal.
    pub caller: Option<String>,
    /// `@sponsor`: the test's transaction is sponsored by this account or principal.
    pub sponsor: Option<String>,
    pub mine_blocks_before: u32,
    pub no_prepare: bool,
    pub line: u32,
    /// Annotation problems (unknown annotation, bad value): the test fails with them.
    pub problems: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct TestFile {
    pub contract: ProjectContract,
    pub tests: Vec<TestCase>,
    pub has_prepare: bool,
}

/// Test files of the project, sorted by path.
pub fn discover(project: &Project) -> Result<Vec<PathBuf>, ProjectError> {
    let mut out = vec![];
    let dir = project.root.join("tests");
    if dir.is_dir() {
        walk(&dir, &mut out).map_err(|e| ProjectError(format!("tests/: {e}")))?;
    }
    out.sort();
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let p = entry?.path();
        if p.is_dir() {
            walk(&p, out)?;
        } else if let Some(n) = p.file_name().and_then(|n| n.to_str()) {
            if n.ends_with("_test.clar") || n.ends_with(".test.clar") {
                out.push(p);
            }
        }
    }
    Ok(())
}

/// The contract name a test file is deployed under: its file name without `.clar`, with
/// characters a contract name cannot hold (the `.` of `x.test`) turned into `-`.
pub fn contract_name_for(path: &Path) -> Result<ContractName, ProjectError> {
    let file = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let stem = file.trim_end_matches(".clar");
    let name: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    ContractName::try_from(name.clone()).map_err(|_| {
        ProjectError(format!(
            "{}: '{name}' is not a valid contract name for a test file",
            path.display()
        ))
    })
}

/// Read a test file: its tests and annotations.
pub fn parse(
    project: &Project,
    path: &Path,
    deployer: &StandardPrincipalData,
    version: ClarityVersion,
) -> Result<TestFile, ProjectError> {
    let source = std::fs::read_to_string(path)
        .map_err(|e| ProjectError(format!("{}: {e}", project.relative(path))))?;
    let name = contract_name_for(path)?;
    let id = QualifiedContractIdentifier::new(deployer.clone(), name);
    let contract = ProjectContract {
        id,
        path: path.to_path_buf(),
        source,
        version,
        epoch: project.epoch(),
        settings: crate::versions::Settings::running(project.epoch(), version),
        is_requirement: false,
    };
    let mut tests = vec![];
    let mut has_prepare = false;
    // A file that does not parse still becomes a TestFile: its deployment fails and says why.
    if let Ok(ast) = build_ast_with_rules(
        &contract.id,
        &contract.source,
        &mut (),
        version,
        contract.epoch,
        ASTRules::PrecheckSize,
    ) {
        let lines: Vec<&str> = contract.source.lines().collect();
        for e in &ast.expressions {
            let Some(list) = e.match_list() else { continue };
            if list
                .first()
                .and_then(|h| h.match_atom())
                .map(|a| a.as_str())
                != Some("define-public")
            {
                continue;
            }
            let Some(fname) = list
                .get(1)
                .and_then(|s| s.match_list())
                .and_then(|s| s.first())
                .and_then(|n| n.match_atom())
            else {
                continue;
            };
            let fname = fname.to_string();
            if fname == "prepare" {
                has_prepare = true;
                continue;
            }
            if !fname.starts_with("test-") {
                continue;
            }
            let line = e.span.start_line;
            let mut case = TestCase {
                function: fname.clone(),
                name: fname,
                caller: None,
                sponsor: None,
                mine_blocks_before: 0,
                no_prepare: false,
                line,
                problems: vec![],
            };
            for (n, text) in annotations_above(&lines, line) {
                if let Err(msg) = apply_annotation(&mut case, &text) {
                    case.problems
                        .push(format!("{}:{n}: {msg}", project.relative(path)));
                }
            }
            tests.push(case);
        }
    }
    Ok(TestFile {
        contract,
        tests,
        has_prepare,
    })
}

/// `(line, text after @)` for the `;; @...` lines of the comment block right above `line`.
fn annotations_above(lines: &[&str], line: u32) -> Vec<(u32, String)> {
    let mut out = vec![];
    let mut n = line as usize - 1; // 0-based index of the line above
    while n >= 1 {
        let text = lines.get(n - 1).map(|l| l.trim()).unwrap_or_default();
        let Some(comment) = text.strip_prefix(";;") else {
            break;
        };
        if let Some(a) = comment.trim().strip_prefix('@') {
            out.push((n as u32, a.trim().to_string()));
        }
        n -= 1;
    }
    out.reverse();
    out
}

fn apply_annotation(case: &mut TestCase, text: &str) -> Result<(), String> {
    let (key, value) = text
        .split_once(char::is_whitespace)
        .map(|(k, v)| (k, v.trim()))
        .unwrap_or((text, ""));
    match key {
        "name" if !value.is_empty() => case.name = value.to_string(),
        "caller" if !value.is_empty() => case.caller = Some(value.to_string()),
        "sponsor" if !value.is_empty() => case.sponsor = Some(value.to_string()),
        "mine-blocks-before" => {
            case.mine_blocks_before = value
                .parse()
                .map_err(|_| format!("@mine-blocks-before expects a number, got '{value}'"))?
        }
        "no-prepare" => case.no_prepare = true,
        "name" | "caller" | "sponsor" => return Err(format!("@{key} needs a value")),
        _ => return Err(format!("unknown annotation @{key}")),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotations_are_read_from_the_comment_block_above() {
        let src = ";; unrelated\n\n;; @name adds up\n;; @caller wallet_1\n;; @mine-blocks-before 3\n;; @no-prepare\n;; @sponsor wallet_2\n(define-public (test-x) (ok true))";
        let lines: Vec<&str> = src.lines().collect();
        let mut case = TestCase {
            function: "test-x".into(),
            name: "test-x".into(),
            caller: None,
            sponsor: None,
            mine_blocks_before: 0,
            no_prepare: false,
            line: 8,
            problems: vec![],
        };
        for (_, a) in annotations_above(&lines, 8) {
            apply_annotation(&mut case, &a).unwrap();
        }
        assert_eq!(case.name, "adds up");
        assert_eq!(case.caller.as_deref(), Some("wallet_1"));
        assert_eq!(case.mine_blocks_before, 3);
        assert!(case.no_prepare);
        assert_eq!(case.sponsor.as_deref(), Some("wallet_2"));
    }

    #[test]
    fn bad_annotations_are_reported() {
        let mut case = TestCase {
            function: "t".into(),
            name: "t".into(),
            caller: None,
            sponsor: None,
            mine_blocks_before: 0,
            no_prepare: false,
            line: 1,
            problems: vec![],
        };
        assert!(apply_annotation(&mut case, "mine-blocks-before lots").is_err());
        assert!(apply_annotation(&mut case, "frobnicate").is_err());
    }

    #[test]
    fn test_file_names_become_contract_names() {
        assert_eq!(
            contract_name_for(Path::new("tests/counter_test.clar"))
                .unwrap()
                .as_str(),
            "counter_test"
        );
        assert_eq!(
            contract_name_for(Path::new("tests/counter.test.clar"))
                .unwrap()
                .as_str(),
            "counter-test"
        );
    }
}
