//! `clarinet-wasm console` in a real pseudo-terminal (rexpect): the banner, a continuation
//! prompt while brackets are open, tab completion of commands, natives, contracts and
//! functions, Ctrl-C clearing the input, history recalled with the up arrow and kept in
//! the history file, clarity-repl's debugger under `::debug`, Ctrl-D quitting.

use std::process::Command;

use rexpect::session::spawn_command;

#[test]
fn an_interactive_session() -> Result<(), rexpect::error::Error> {
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join("history");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_clarinet-wasm"));
    // (the debugger keeps its own history, `.debug_history`, in the working directory)
    cmd.arg("console")
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env("CLARINET_WASM_HISTORY", &history);
    let mut p = spawn_command(cmd, Some(30_000))?;
    p.exp_string("no project: an empty chain")?;
    p.exp_string("wallet_1")?;
    p.exp_string("epoch 2.4, Clarity 2")?;
    p.exp_string(">> ")?;

    // Open brackets: a continuation prompt, then the whole form runs.
    p.send_line("(+ 40")?;
    p.exp_string(".. ")?;
    p.send_line("2)")?;
    p.exp_string("42")?;

    // Completion of a command.
    p.send("::get_bl")?;
    p.send("\t")?;
    p.send_line("")?;
    p.exp_string("Current height: 0")?;

    // Ctrl-C drops what was typed; the session goes on.
    p.send("(+ 5 5")?;
    p.send_control('c')?;
    p.send_line("(* 7 6)")?;
    p.exp_string("42")?;

    // Completion of a native, then of a contract's function.
    p.send("(sha25")?;
    p.send("\t")?;
    p.send_line(" 0x00)")?;
    p.exp_string("0x6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")?;
    p.send_line("(define-read-only (hello) u7) (define-read-only (other) u8)")?;
    p.exp_string("ok (deployed)")?;
    p.send("(contract-call? .contract-0 hel")?;
    p.send("\t")?;
    p.send_line(")")?;
    p.exp_string("u7")?;

    // The up arrow recalls the previous input.
    p.send("\x1b[A")?;
    p.send_line("")?;
    p.exp_string("u7")?;

    // clarity-repl's debugger on the interpreter's run: it stops, `step` moves on,
    // `continue` finishes; the step is then shown as any other.
    p.send_line("::debug (+ (* 2 3) 36)")?;
    p.exp_string("(debug) ")?;
    p.send_line("step")?;
    p.exp_string("(debug) ")?;
    p.send_line("continue")?;
    p.exp_string("42")?;

    // Ctrl-D quits, and the history is kept.
    p.send_control('d')?;
    p.exp_eof()?;
    let kept = std::fs::read_to_string(&history).unwrap_or_default();
    assert!(kept.contains("(sha256 0x00)"), "{kept}");
    assert!(
        kept.contains("(+ 40\n2)") || kept.contains("(+ 40"),
        "{kept}"
    );
    Ok(())
}
