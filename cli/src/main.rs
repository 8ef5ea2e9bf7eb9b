//! `clarinet-wasm`: the command line. Each subcommand lives in its own file; this one only
//! parses arguments and dispatches.

mod bench;
mod check;
mod common;
mod compile;
mod console;
mod deploy;
mod diagnostics;
mod new;
mod plan;
mod project_args;
mod report;
mod run;
mod test;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "clarinet-wasm",
    version,
    about = "Run and test Clarity contracts on WebAssembly, side by side with the interpreter"
)]
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
    /// Compile a contract, or every contract of the project, to Wasm (or its text form).
    Compile {
        /// A single contract (its file stem is the contract name); without it, the project.
        file: Option<PathBuf>,
        /// With FILE: where to write the module [default: FILE with .wasm, or .wat with --wat].
        #[arg(short, long)]
        out: Option<PathBuf>,
        /// For a project: the directory to write one module per contract into.
        #[arg(long, value_name = "DIR", default_value = "target/wasm")]
        out_dir: PathBuf,
        /// Write the WebAssembly text format instead of the binary.
        #[arg(long)]
        wat: bool,
        #[command(flatten)]
        chain: common::ChainArgs,
        #[command(flatten)]
        manifest: project_args::ManifestArg,
    },
    /// Parse, analyze and compile every contract of the project; report diagnostics.
    Check {
        #[command(flatten)]
        manifest: project_args::ManifestArg,
    },
    /// Run the project's Clarity unit tests (tests/**/*_test.clar, *.test.clar).
    Test(test::TestArgs),
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
        /// Sponsor every transaction (`tx-sponsor?`): a principal or a devnet account name.
        #[arg(long)]
        sponsor: Option<String>,
        #[command(flatten)]
        chain: common::ChainArgs,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Create a new project from the templates.
    New {
        /// The project (and directory) name.
        name: String,
        /// Where to create the project directory.
        #[arg(long, default_value = ".")]
        path: PathBuf,
    },
    /// Measure the interpreter and Wasm on a fixed suite (both metered), beside native
    /// Rust kernels and, on request, the npm clarinet-sdk.
    Bench {
        /// Only cases whose name contains TEXT.
        #[arg(long, value_name = "TEXT")]
        filter: Option<String>,
        /// Measured calls per case (after a warm-up).
        #[arg(long, default_value = "200")]
        calls: usize,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Write the report to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Also run the suite on a peer: `clarinet-sdk` (the npm @stacks/clarinet-sdk in
        /// node; install it with `npm ci` in bench/clarinet-sdk).
        #[arg(long, value_enum)]
        peer: Vec<bench::Peer>,
    },
    /// Deploy the whole project on a fresh simulated chain, in plan order, and compare
    /// each contract's deployment between the runtimes.
    Deploy {
        /// Which runtime(s) to run; `both` compares every deployment.
        #[arg(long, value_enum, default_value = "both")]
        runtime: RuntimeArg,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        #[command(flatten)]
        manifest: project_args::ManifestArg,
    },
    /// Clarinet's console on both runtimes: each input runs on the interpreter and on
    /// Wasm, differences shown side by side. In a project, the project is deployed
    /// first. Reads a script from standard input when it is not a terminal.
    Console {
        /// Which runtime(s) run each input (`::runtime` switches).
        #[arg(long, value_enum, default_value = "both")]
        runtime: RuntimeArg,
        #[command(flatten)]
        manifest: project_args::ManifestArg,
    },
    /// A Clarity language server on standard input and output (for editors): diagnostics,
    /// hover, completion, go to definition, symbols, signature help, and each function's
    /// Wasm and cost (code lenses, `clarinet-wasm/wat`, `clarinet-wasm/costs`,
    /// `clarinet-wasm/wasmInfo`).
    Lsp,
    /// Write the simnet deployment plan Clarinet would build
    /// (deployments/default.simnet-plan.yaml).
    Plan {
        /// Print it instead of writing it.
        #[arg(long)]
        stdout: bool,
        /// Overwrite a plan that holds calls or transfers.
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        manifest: project_args::ManifestArg,
    },
    /// Contract commands.
    Contract {
        #[command(subcommand)]
        command: ContractCommand,
    },
}

#[derive(Subcommand)]
enum ContractCommand {
    /// Add a contract and its test file to the project.
    New {
        /// The contract name.
        name: String,
        #[command(flatten)]
        manifest: project_args::ManifestArg,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Compile {
            file: Some(file),
            out,
            wat,
            chain,
            ..
        } => compile::run(&file, out.as_deref(), wat, &chain),
        Command::Compile {
            file: None,
            out_dir,
            wat,
            manifest,
            ..
        } => compile::run_project(&manifest, &out_dir, wat),
        Command::Check { manifest } => check::run(&manifest),
        Command::Bench {
            filter,
            calls,
            format,
            output,
            peer,
        } => bench::run(&bench::Options {
            filter,
            calls,
            format,
            output,
            peers: peer,
        }),
        Command::Test(args) => test::run(&args),
        Command::Deploy {
            runtime,
            format,
            manifest,
        } => deploy::run(&manifest, runtime, format),
        Command::Console { runtime, manifest } => console::run(&manifest, runtime),
        Command::Lsp => clarinet_wasm_lsp::serve_stdio(),
        Command::Plan {
            stdout,
            force,
            manifest,
        } => plan::run(&manifest, stdout, force),
        Command::New { name, path } => new::run_new(&name, &path),
        Command::Contract {
            command: ContractCommand::New { name, manifest },
        } => new::run_contract_new(&name, manifest.manifest_path.as_deref()),
        Command::Run {
            files,
            runtime,
            calls,
            evals,
            sender,
            sponsor,
            chain,
            format,
        } => run::run(
            &files,
            runtime,
            &calls,
            &evals,
            run::Who {
                sender: sender.as_deref(),
                sponsor: sponsor.as_deref(),
            },
            &chain,
            format,
        ),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
    }
}
