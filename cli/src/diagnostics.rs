//! `path:line:col: level: message`, then the source line with a caret; coloured on a
//! terminal (colored turns itself off when stdout is not one).

use colored::Colorize;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
    Note,
}

pub fn render(
    path: &str,
    source: Option<&str>,
    line: u32,
    col: u32,
    level: Level,
    message: &str,
) -> String {
    let lvl = match level {
        Level::Error => "error".red().bold(),
        Level::Warning => "warning".yellow().bold(),
        Level::Note => "note".cyan().bold(),
    };
    let mut out = format!(
        "{}: {lvl}: {}",
        format!("{path}:{line}:{col}").bold(),
        message
    );
    if let Some(text) = source.and_then(|s| s.lines().nth(line.saturating_sub(1) as usize)) {
        if line > 0 {
            let gutter = format!("{line} | ");
            out.push_str(&format!(
                "\n{}{text}\n{}{}",
                gutter.blue(),
                " ".repeat(gutter.len() + col.saturating_sub(1) as usize),
                "^".red().bold()
            ));
        }
    }
    out
}
