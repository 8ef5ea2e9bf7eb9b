//! `clarinet-wasm console`: Clarinet's console over both runtimes. Every input runs on the
//! interpreter and on Wasm; agreement is shown once, a difference side by side. Start
//! reading at `console.rs` (a session: `input` in, text out); `commands.rs` holds the `::`
//! commands, `render.rs` how a step is shown, `forms.rs` where an input ends,
//! `interactive.rs` the terminal front-end.

mod commands;
mod console;
mod forms;
mod interactive;
mod render;

use std::io::{IsTerminal, Read};
use std::process::ExitCode;

pub use clarinet_wasm_runtime::dual::Runtimes;
pub use console::{Console, Reply};

/// Tests that set `colored`'s process-wide override take turns.
#[cfg(test)]
pub(crate) static COLOUR_OVERRIDE: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Run the console: interactive in a terminal; from a pipe or a file, each complete form
/// (or `::` line) in turn with plain output, exiting 1 if any input failed or the
/// runtimes disagreed.
pub fn run(project: Option<clarinet_wasm_project::Project>, runtimes: Runtimes) -> ExitCode {
    let mut console = Console::new(project, runtimes);
    let failed = if std::io::stdin().is_terminal() {
        console.interactive = true;
        interactive::run(&mut console)
    } else {
        script(&mut console)
    };
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn script(console: &mut Console) -> bool {
    let mut failed = console.startup_failed;
    for w in &console.startup {
        eprintln!("warning: {w}");
    }
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("console: cannot read standard input: {e}");
        return true;
    }
    for (line, form) in forms::split(&text) {
        let r = console.input(&form);
        if r.failed {
            failed = true;
            print!("<stdin>:{line}: ");
        }
        print!("{}", r.text);
    }
    failed
}
