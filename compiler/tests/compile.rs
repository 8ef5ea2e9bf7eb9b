//! The compiler on its own: valid modules for contracts of every kind of word, metadata
//! that describes the module.

use clarinet_wasm_compiler::{compile, FunctionKind, TopLevel};
use clarity::types::StacksEpochId;
use clarity::vm::analysis::mem_type_check;
use clarity::vm::ClarityVersion;

fn compile_src(
    src: &str,
) -> Result<clarinet_wasm_compiler::Compiled, clarinet_wasm_compiler::CompileError> {
    let (_, analysis) =
        mem_type_check(src, ClarityVersion::Clarity2, StacksEpochId::Epoch24).expect("type-checks");
    compile(&analysis, &costs3(), StacksEpochId::Epoch24)
}

/// The epoch 2.4 cost functions, from the boot contract clarity-repl ships.
fn costs3() -> clarinet_wasm_costs::CostTable {
    let (_, src) = clarity_repl::repl::boot::STACKS_BOOT_CODE_TESTNET
        .iter()
        .find(|(n, _)| *n == "costs-3")
        .expect("costs-3");
    let id = clarity::vm::types::QualifiedContractIdentifier::parse(
        "ST000000000000000000002AMW42H.costs-3",
    )
    .unwrap();
    clarinet_wasm_costs::CostTable::from_contract_source(&id, src).unwrap()
}

fn validate(wasm: &[u8]) {
    let mut features = wasmparser::WasmFeatures::default();
    features.insert(wasmparser::WasmFeatures::MULTI_VALUE);
    wasmparser::Validator::new_with_features(features)
        .validate_all(wasm)
        .expect("valid module");
}

#[test]
fn supported_contracts_give_valid_modules() {
    let sources = [
        "(define-trait tr ((f () (response bool bool))))",
        "(define-read-only (h)\n  (at-block 0x0000000000000000000000000000000000000000000000000000000000000000 u1))",
        "(define-read-only (s) {a: stx-liquid-supply, b: tx-sponsor?})",
        "(define-read-only (f (a int) (b int)) (+ a (* b 2) (- a) (/ a 3) (mod b 5) (pow a 2)))",
        "(define-read-only (f (x (optional (list 5 {a: int, b: (string-utf8 10)})))) (match x l (len l) u0))",
        "(define-data-var v (response uint (buff 4)) (err 0x01))
         (define-map m {k: principal} (list 3 (optional bool)))
         (define-public (f) (begin (map-set m {k: tx-sender} (list none (some true))) (ok (var-get v))))",
        "(define-constant c (list (some 1) none))
         (define-read-only (g) (is-eq c (list none (some 1))))",
        "(define-private (p (s (string-ascii 5))) (< s \"abc\"))
         (define-read-only (q) (and (p \"a\") (or false (not (p \"b\")))))",
        "(define-public (t (r (response int uint))) (let ((a (try! r)) (b (unwrap! (some a) (err u1)))) (asserts! (> b 0) (err u2)) (ok b)))",
    ];
    for s in sources {
        let c = compile_src(s).unwrap_or_else(|e| panic!("{s}: {e}"));
        validate(&c.wasm);
    }
}

#[test]
fn metadata_lists_functions_and_top_level() {
    let c = compile_src(
        "(define-constant k u5)
         (define-data-var n uint k)
         (define-private (p) u1)
         (define-public (pub-fn (a uint)) (ok (+ a (p))))
         (define-read-only (ro) (var-get n))
         (print k)",
    )
    .unwrap();
    let kinds: Vec<_> = c
        .meta
        .functions
        .iter()
        .map(|f| (f.name.as_str(), f.kind))
        .collect();
    assert!(kinds.contains(&("p", FunctionKind::Private)));
    assert!(kinds.contains(&("pub-fn", FunctionKind::Public)));
    assert!(kinds.contains(&("ro", FunctionKind::ReadOnly)));
    for f in &c.meta.functions {
        let (start, end) = f.code_range;
        assert!(
            start < end && end <= c.wasm.len(),
            "{} has a code range",
            f.name
        );
    }
    assert!(matches!(c.meta.top_level[0], TopLevel::Constant { .. }));
    assert!(matches!(c.meta.top_level[1], TopLevel::DataVar { .. }));
    assert!(matches!(
        c.meta.top_level.last().unwrap(),
        TopLevel::Expr { .. }
    ));
    assert_eq!(c.meta.constants.len(), 1);
    assert!(c.meta.heap_start >= c.meta.constants[0].address + 16);
}
