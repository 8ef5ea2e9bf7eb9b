//! Words the compiler does not support yet: the Wasm path refuses them with
//! `Verdict::WasmNotRun("... not supported yet: <word>")`, and the interpreter still runs.

use clarinet_wasm_tests::*;

/// The step was refused by the compiler, naming `word`.
fn refused(h: &mut Harness, r: StepReport, word: &str) {
    match &r.verdict {
        Verdict::WasmNotRun(msg) if msg.contains(&format!("not supported yet: {word}")) => {
            if r.wasm.is_some() {
                h.fail(format!(
                    "refused step has a Wasm outcome\n  {}",
                    describe(&r)
                ));
            }
        }
        _ => h.fail(format!(
            "expected WasmNotRun(\"not supported yet: {word}\")\n  {}",
            describe(&r)
        )),
    }
}

#[test]
fn unsupported_words_in_snippets() {
    let mut h = Harness::new();
    let cases = [("(is-some tx-sponsor?)", "tx-sponsor?", "false")];
    for (src, word, value) in cases {
        let r = h.eval(src);
        if r.interpreter
            .result
            .as_ref()
            .ok()
            .and_then(|v| v.as_ref())
            .map(|v| v.to_string())
            .as_deref()
            != Some(value)
        {
            h.fail(format!(
                "interpreter value should be {value}\n  {}",
                describe(&r)
            ));
        }
        refused(&mut h, r, word);
    }
    h.finish();
}

#[test]
fn unsupported_word_inside_a_contract() {
    let mut h = Harness::new();
    let deployer = h.deployer.clone();
    let src = "(define-read-only (ok-fn) u1)\n(define-read-only (when-was (b (buff 32))) (at-block b block-height))";
    let r =
        h.d.deploy("hasher", src, &deployer, ClarityVersion::Clarity2);
    refused(&mut h, r, "at-block");
    h.finish();
}
