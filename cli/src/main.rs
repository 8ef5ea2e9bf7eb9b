//! `clarinet-wasm`: the command line. Each subcommand lives in its own file; this one only
//! parses arguments and dispatches.

mod common;
mod compile;
mod report;
mod run;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(name = "clarinet-wasm", version, about = "Run and test Clarity contracts on WebAssembly, side by side with the interpreter")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum RuntimeArg {
    Interpreter,
    Wasm,
    Both,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Compile a contract to a Wasm module (or its text form).
    Compile {
        /// The contract (its file stem is the contract name).
        file: PathBuf,
        /// Where to write the module [default: FILE with .wasm, or .wat with --wat].
        #[arg(short, long)]
        out: Option<PathBuf>,
        /// Write the WebAssembly text format instead of the binary.
        #[arg(long)]
        wat: bool,
        #[command(flatten)]
        chain: common::ChainArgs,
    },
    /// Deploy contracts and run calls on the interpreter, on Wasm, or on both and compare.
    Run {
        /// Contracts to deploy, in order (contract name = file stem).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Which runtime(s) to run; `both` compares every step.
        #[arg(long, value_enum, default_value = "both")]
        runtime: RuntimeArg,
        /// A call against the last contract, e.g. "(transfer u10 'ST1...)". Repeatable.
        #[arg(long = "call", value_name = "\"(fn arg ...)\"")]
        calls: Vec<String>,
        /// An expression evaluated as a transaction, e.g. "(contract-call? .token get-supply)". Repeatable.
        #[arg(long = "eval", value_name = "EXPR")]
        evals: Vec<String>,
        /// Who deploys and calls: a principal or a devnet account name [default: deployer].
        #[arg(long)]
        sender: Option<String>,
        #[command(flatten)]
        chain: common::ChainArgs,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Compile { file, out, wat, chain } => compile::run(&file, out.as_deref(), wat, &chain),
        Command::Run { files, runtime, calls, evals, sender, chain, format } => {
            run::run(&files, runtime, &calls, &evals, sender.as_deref(), &chain, format)
        }
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
    }
}
