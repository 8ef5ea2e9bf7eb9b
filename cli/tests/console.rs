//! `clarinet-wasm console` fed scripts on standard input (its scriptable mode): every
//! command, every kind of bad input, a project deployed first, and a difference between
//! the runtimes shown side by side (through the test-only fault injection).

mod support;
use support::*;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn console(cwd: &Path, args: &[&str], script: &str, env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_clarinet-wasm"));
    c.arg("console")
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        c.env(k, v);
    }
    let mut child = c.spawn().expect("run clarinet-wasm console");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Each expected piece, in this order, somewhere in `out`.
#[track_caller]
fn in_order(out: &str, pieces: &[&str]) {
    let mut at = 0;
    for p in pieces {
        match out[at..].find(p) {
            Some(i) => at += i + p.len(),
            None => panic!("missing {p:?} (in order) in:\n{out}"),
        }
    }
}

fn empty_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn commands_outside_a_project() {
    let dir = empty_dir();
    let script = "\
(+ 1 2)
::get_block_height
::advance_chain_tip 3
::get_block_height
::get_epoch
::set_epoch 2.1
::get_epoch
::set_epoch 2.4
::encode (ok u1)
::decode 0x070100000000000000000000000000000001
::decode 07 01 00000000000000000000000000000002
::describe stx-transfer?
::functions
::keywords
(define-fungible-token gold) (define-non-fungible-token badge uint) (ft-mint? gold u50 tx-sender) (define-public (mint (id uint) (to principal)) (nft-mint? badge id to))
(contract-call? .contract-0 mint u1 tx-sender)
(contract-call? .contract-0 mint u2 'ST1SJ3DTE5DN7X54YDH5D64R3BCB6A2AG2ZQ8YPD5)
(contract-call? .contract-0 mint u3 'ST1SJ3DTE5DN7X54YDH5D64R3BCB6A2AG2ZQ8YPD5)
::mint_stx wallet_1 5
::get_assets_maps
::set_tx_sender wallet_2
tx-sender
::toggle_costs
(sha256 0x00)
::toggle_costs
::get_costs (+ 1 2)
::toggle_timings
(* 6 7)
::help
";
    let out = console(dir.path(), &[], script, &[]);
    let stdout = text(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}\n{}",
        text(&out.stderr)
    );
    in_order(
        &stdout,
        &[
            "3\n",
            "Current height: 0",
            "3 blocks simulated, new height: 3",
            "Current height: 3",
            "Current epoch: 2.4",
            "Epoch updated to: 2.1",
            "Current epoch: 2.1",
            "Epoch updated to: 2.4",
            "070100000000000000000000000000000001",
            "(ok u1)",
            "(ok u2)",
            "(stx-transfer? amount sender recipient)",
            "stx-transfer?",
            "block-height",
            "ft-mint ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM.contract-0::gold 50",
            "→ ST1SJ3DTE5DN7X54YDH5D64R3BCB6A2AG2ZQ8YPD5: 5 µSTX",
            "deployer   ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM  100000000000000 µSTX, 50 .contract-0.gold, 1 .contract-0.badge\n",
            "wallet_1   ST1SJ3DTE5DN7X54YDH5D64R3BCB6A2AG2ZQ8YPD5  100000000000005 µSTX, 0 .contract-0.gold, 2 .contract-0.badge\n",
            "tx-sender switched to ST2CY5V39NHDPWSXMW9QDT3HC3GD6Q6XX4CFRK9AG",
            "ST2CY5V39NHDPWSXMW9QDT3HC3GD6Q6XX4CFRK9AG",
            "Always show costs: true",
            "0x6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "cost: runtime ",
            "Always show costs: false",
            "3\ncost: runtime ",
            "Always show timings: true",
            "42\ntime: interpreter ",
            ", wasm ",
            "::wasm_info <contract>",
        ],
    );
}

#[test]
fn bad_input_is_reported_and_the_session_goes_on() {
    let dir = empty_dir();
    let script = "\
(+ 1
(+ 1 u1)
(contract-call? .nope f)
(unknown-fn 1)
(try! (err u1))
(unwrap-panic (element-at? (list 1) u5))
(- u0 u1)
::advance_chain_tip x
::mint_stx nobody 5
::set_tx_sender
::decode zz
::describe no-such-word
::wat nope
::runtime sideways
::bogus
(+ 20 22)
";
    // A syntax error on a line of its own (an unclosed form would take the next lines).
    let script = script.replacen("(+ 1\n", "(+ 1 )) \n", 1);
    let out = console(dir.path(), &[], &script, &[]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    in_order(
        &stdout,
        &[
            "<stdin>:1: error: parse",
            "<stdin>:2: error: analysis",
            "<stdin>:3: error",
            "<stdin>:4: error: analysis: use of unresolved function 'unknown-fn'",
            "<stdin>:5: error",
            "<stdin>:6: error",
            "UnwrapFailure",
            "<stdin>:7: error",
            "ArithmeticUnderflow",
            "<stdin>:8: usage: ::advance_chain_tip <count>",
            "<stdin>:9: usage: ::mint_stx <principal> <amount>",
            "<stdin>:10: usage: ::set_tx_sender",
            "<stdin>:11: not hexadecimal bytes: zz",
            "<stdin>:12: no native function or keyword named no-such-word",
            "<stdin>:13: no contract nope",
            "<stdin>:14: usage: ::runtime both | interpreter | wasm",
            "<stdin>:15: unknown command ::bogus",
            "42\n",
        ],
    );
}

#[test]
fn typed_contracts_are_deployed_called_and_shown_as_wasm() {
    let dir = empty_dir();
    let script = "\
(define-data-var n uint u0) (define-public (bump)
  (begin
    (var-set n (+ (var-get n) u1))
    (print { bumped: (var-get n) })
    (ok (var-get n))))
(contract-call? .contract-0 bump)
(contract-call? .contract-0 bump)
::get_contracts
::wat contract-0 bump
::wat contract-0
::wasm_info contract-0
::runtime interpreter
(contract-call? .contract-0 bump)
::runtime both
::reload
::get_contracts
";
    let out = console(dir.path(), &[], script, &[]);
    let stdout = text(&out.stdout);
    in_order(
        &stdout,
        &[
            "ok (deployed)",
            "Events emitted",
            "(tuple (bumped u1))",
            "(ok u1)",
            "(ok u2)",
            "ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM.contract-0",
            "(bump)",
            "  (func (;",
            "(module",
            "(export \"bump\"",
            "module size: ",
            "compile time: ",
            "native code: compiled by Cranelift",
            "public     bump",
            "runtime: interpreter",
            "(ok u3)",
            "the runtimes ran different inputs since ::runtime changed",
            "clarinet-wasm console",
            "no contracts",
        ],
    );
    // Switching back to both after the chains parted is refused: a failure.
    assert_eq!(out.status.code(), Some(1), "{stdout}");
}

#[test]
fn a_project_is_deployed_first() {
    let script = "\
::get_contracts
(contract-call? .counter increment)
(contract-call? .counter get-total)
::set_tx_sender wallet_1
(contract-call? 'ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM.counter increment-by u5)
(contract-call? 'ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM.counter get-total)
";
    let out = console(&example(), &[], script, &[]);
    let stdout = text(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}\n{}",
        text(&out.stderr)
    );
    in_order(
        &stdout,
        &[
            ".counter",
            "(increment-by (step uint))",
            "(increment)",
            ".points",
            ".vault",
            "(ok u1)",
            "u1",
            "tx-sender switched to ST1SJ3DTE5DN7X54YDH5D64R3BCB6A2AG2ZQ8YPD5",
            // wallet_1's own tally, the contract's total.
            "(ok u5)",
            "u6",
        ],
    );
}

#[test]
fn a_difference_is_shown_side_by_side() {
    let dir = empty_dir();
    let out = console(
        dir.path(),
        &[],
        "(+ 1 2)\n(* 2 3)\n",
        &[("CLARINET_WASM_FAULT", "add")],
    );
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    in_order(
        &stdout,
        &[
            "<stdin>:1: the runtimes differ in result",
            "  interpreter: 3",
            "  wasm:        4",
            "6\n",
        ],
    );
}

#[test]
fn read_runs_a_file_and_names_its_failing_lines() {
    let dir = empty_dir();
    let file = dir.path().join("inputs.clar");
    std::fs::write(&file, ";; inputs\n(+ 1 1)\n\n(- u0 u1)\n").unwrap();
    let out = console(
        dir.path(),
        &[],
        &format!("::read {}\n(+ 2 2)\n", file.display()),
        &[],
    );
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    in_order(
        &stdout,
        &["2\n", "inputs.clar:4: error", "ArithmeticUnderflow", "4\n"],
    );
}

/// Functions that call each other, write data, print, fail and short-return.
const TRACED: &str = "\
(define-map m int int) (define-private (dbl (x int)) (+ x x)) \
(define-private (boom (x int)) (/ x 0)) \
(define-private (chk (x int)) (begin (try! (if (> x 0) (ok x) (err u7))) (ok (dbl x)))) \
(define-public (go (n int)) (ok (fold + (map dbl (list n 1)) (dbl n)))) \
(define-public (bad (n int)) (ok (boom n))) \
(define-public (tr (n int)) (begin (print n) (map-set m n n) (chk n)))
";

#[test]
fn trace_shows_one_call_tree_when_the_runtimes_agree() {
    let dir = empty_dir();
    let script = format!(
        "{TRACED}\
::trace (contract-call? .contract-0 tr 3)
::trace (contract-call? .contract-0 tr -3)
::trace (contract-call? .contract-0 bad 21)
::trace (+ 1 (unwrap-panic (contract-call? .contract-0 go 2)))
::trace
::debug (+ 1 2)
"
    );
    let out = console(dir.path(), &[], &script, &[]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    in_order(
        &stdout,
        &[
            "ok (deployed)",
            // A call with its arguments, result and cost; inside it, in order, the event,
            // the write and the nested calls, each with its own cost.
            "(ok 6)",
            "call tree (the runtimes agree on every node)",
            "(contract-call? .contract-0 tr 3) -> (ok 6)  runtime ",
            "├─ event print ",
            ".contract-0: 3",
            "├─ write (map-set m 3 3) -> true",
            "└─ (chk 3) -> (ok 6)  runtime ",
            "   └─ (dbl 3) -> 6  runtime 349",
            // A short return inside a function is its result.
            "(err u7)",
            "└─ (chk -3) -> (err u7)  runtime ",
            // A run-time error: the node that failed, and what it cost.
            "error: division by zero",
            "(contract-call? .contract-0 bad 21) -> error: Runtime(DivisionByZero)",
            "└─ (boom 21) -> error  runtime 319",
            // A contract call inside an expression; `map`'s applications are not
            // evaluated as expressions by the interpreter, so they are not nodes.
            "(+ 1 (unwrap-panic (contract-call? .contract-0 go 2))) -> 11",
            "└─ (contract-call? ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM.contract-0 go 2) -> (ok 10)",
            "   └─ (dbl 2) -> 4  runtime 349",
            "<stdin>:6: usage: ::trace",
            "<stdin>:7: ::debug needs a terminal",
        ],
    );
    assert!(!stdout.contains("differ"), "{stdout}");
}

/// A Wasm contract calling a boot contract, which runs on the interpreter: its calls are
/// in the Wasm tree too, and agree with the interpreter's node for node.
#[test]
fn trace_follows_a_call_into_a_contract_run_by_the_interpreter() {
    let dir = empty_dir();
    let script = "\
(define-read-only (info) (ok (get reward-cycle-length \
  (unwrap-panic (contract-call? 'ST000000000000000000002AMW42H.pox-3 get-pox-info)))))
::trace (contract-call? .contract-0 info)
";
    let out = console(dir.path(), &[], script, &[]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    in_order(
        &stdout,
        &[
            "call tree (the runtimes agree on every node)",
            "(contract-call? .contract-0 info) -> (ok u1050)",
            "pox-3 get-pox-info) -> (ok (tuple",
            "(get-stacking-minimum) -> u125000000000",
            "(burn-height-to-reward-cycle u0) -> u0",
        ],
    );
}

#[test]
fn trace_marks_the_first_node_where_the_runtimes_differ() {
    let dir = empty_dir();
    let script = format!("{TRACED}::trace (contract-call? .contract-0 tr 3)\n");
    let out = console(dir.path(), &[], &script, &[("CLARINET_WASM_FAULT", "add")]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    in_order(
        &stdout,
        &[
            "the runtimes differ in result",
            "the call trees differ first in result (marked ◀)",
            "interpreter:",
            "(contract-call? .contract-0 tr 3) -> (ok 6)",
            "├─ write (map-set m 3 3) -> true",
            "└─ (chk 3) -> (ok 6)",
            "   └─ (dbl 3) -> 6  runtime 349  ◀ result",
            "wasm:",
            "(contract-call? .contract-0 tr 3) -> (ok 7)",
            "└─ (chk 3) -> (ok 7)",
            "   └─ (dbl 3) -> 7  runtime 349  ◀ result",
        ],
    );
}
