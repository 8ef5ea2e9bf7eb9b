//! The `::` commands: Clarinet's (`::help ::functions ::keywords ::describe ::toggle_costs
//! ::get_costs ::set_tx_sender ::get_assets_maps ::get_contracts ::get_block_height
//! ::advance_chain_tip ::mint_stx ::get_epoch ::set_epoch ::encode ::decode ::reload
//! ::read ::trace ::debug`), and ours (`::runtime ::toggle_timings ::wat ::wasm_info`).

use std::fmt::Write as _;
use std::sync::OnceLock;

use clarinet_wasm_compiler::FunctionKind;
use clarinet_wasm_runtime::chain::with_interpreter_hook;
use clarinet_wasm_runtime::dual::Runtimes;
use clarinet_wasm_runtime::wasm::ModuleSource;
use clarity::codec::StacksMessageCodec;
use clarity::types::StacksEpochId;
use clarity::vm::types::QualifiedContractIdentifier;
use clarity::vm::Value;
use colored::Colorize;

use crate::console::{Console, Reply};
use crate::render::{self, Show};

/// Every command with its usage and what it does (`::help`, completion).
pub const COMMANDS: &[(&str, &str, &str)] = &[
    ("::help", "", "this list"),
    ("::functions", "", "the native functions of Clarity"),
    ("::keywords", "", "the keywords of Clarity"),
    (
        "::describe",
        "<function> | <keyword>",
        "documentation of a native function or keyword",
    ),
    ("::toggle_costs", "", "show the cost after every input"),
    ("::get_costs", "<expr>", "evaluate <expr> and show its cost"),
    (
        "::toggle_timings",
        "",
        "show each input's time on each runtime",
    ),
    (
        "::set_tx_sender",
        "<principal> | <account>",
        "set tx-sender",
    ),
    (
        "::get_assets_maps",
        "",
        "STX and token balances of the accounts",
    ),
    (
        "::get_contracts",
        "",
        "the deployed contracts and their functions",
    ),
    ("::get_block_height", "", "the current block height"),
    (
        "::advance_chain_tip",
        "<count>",
        "simulate mining <count> blocks",
    ),
    (
        "::mint_stx",
        "<principal> <amount>",
        "credit <amount> µSTX to <principal>",
    ),
    ("::get_epoch", "", "the current epoch"),
    (
        "::set_epoch",
        "2.0 | 2.05 | 2.1 | 2.2 | 2.3 | 2.4",
        "change the epoch",
    ),
    (
        "::encode",
        "<expr>",
        "the consensus serialization of <expr>'s value",
    ),
    (
        "::decode",
        "<hex>",
        "the value of a consensus serialization",
    ),
    (
        "::runtime",
        "both | interpreter | wasm",
        "which runtimes run each input",
    ),
    (
        "::wat",
        "<contract> [<function>]",
        "the generated Wasm, as text",
    ),
    (
        "::wasm_info",
        "<contract>",
        "module size, exports and compile time",
    ),
    (
        "::trace",
        "<expr>",
        "the interpreter's call tree while <expr> runs",
    ),
    (
        "::debug",
        "<expr>",
        "step through <expr> on the interpreter (in a terminal)",
    ),
    ("::read", "<file>", "run the inputs of a file"),
    (
        "::reload",
        "",
        "start again: a fresh chain, the project deployed",
    ),
];

pub fn run(c: &mut Console, line: &str) -> Reply {
    let (cmd, rest) = match line.split_once(char::is_whitespace) {
        Some((c, r)) => (c, r.trim()),
        None => (line, ""),
    };
    let usage = |c: &str| {
        let (_, u, _) = COMMANDS.iter().find(|(n, _, _)| *n == c).expect("listed");
        Reply::error(format!("usage: {c} {u}"))
    };
    match cmd {
        "::help" => Reply::ok(help()),
        "::functions" => Reply::ok(reference().natives.join("\n") + "\n"),
        "::keywords" => Reply::ok(reference().keywords.join("\n") + "\n"),
        "::describe" if !rest.is_empty() => match docs().lookup_functions_or_keywords_docs(rest) {
            Some(d) => Reply::ok(format!("{d}\n")),
            None => Reply::error(format!("no native function or keyword named {rest}")),
        },
        "::toggle_costs" => {
            c.show.costs = !c.show.costs;
            Reply::ok(format!("Always show costs: {}\n", c.show.costs))
        }
        "::toggle_timings" => {
            c.show.timings = !c.show.timings;
            Reply::ok(format!("Always show timings: {}\n", c.show.timings))
        }
        "::get_costs" if !rest.is_empty() => {
            let show = Show {
                costs: true,
                ..c.show
            };
            c.eval(rest, show)
        }
        "::set_tx_sender" if !rest.is_empty() => match c.principal(rest) {
            Some(p) => {
                c.sender = p;
                Reply::ok(format!("tx-sender switched to {}\n", c.sender))
            }
            None => Reply::error(format!("{rest} is neither a principal nor an account name")),
        },
        "::get_assets_maps" => assets(c),
        "::get_contracts" => contracts(c),
        "::get_block_height" => Reply::ok(format!(
            "Current height: {}\n",
            c.dual.reference().store.chain_height()
        )),
        "::advance_chain_tip" => match rest.parse::<u32>() {
            Ok(n) if n > 0 => {
                c.dual.advance_blocks(n);
                Reply::ok(format!(
                    "{n} blocks simulated, new height: {}\n",
                    c.dual.reference().store.chain_height()
                ))
            }
            _ => usage(cmd),
        },
        "::mint_stx" => {
            let mut parts = rest.split_whitespace();
            match (
                parts.next().and_then(|p| c.principal(p)),
                parts.next().and_then(|a| a.parse::<u128>().ok()),
                parts.next(),
            ) {
                (Some(p), Some(amount), None) => {
                    c.dual.mint_stx(&p, amount);
                    Reply::ok(format!("→ {p}: {amount} µSTX\n"))
                }
                _ => usage(cmd),
            }
        }
        "::get_epoch" => Reply::ok(format!("Current epoch: {}\n", c.dual.reference().epoch)),
        "::set_epoch" => match epoch(rest) {
            Some(e) => match c.dual.set_epoch(e) {
                Ok(()) => Reply::ok(format!("Epoch updated to: {e}\n")),
                Err(why) => Reply::error(format!("epoch {e}: {why}")),
            },
            None => usage(cmd),
        },
        "::encode" if !rest.is_empty() => match c.dual.value_of(rest, &c.sender.clone()) {
            Ok(v) => Reply::ok(format!("{}\n", clarinet_wasm_runtime::store::value_hex(&v))),
            Err(o) => Reply::error(format!(
                "encoding failed: {}",
                clarinet_wasm_runtime::dual::render_result(&o)
            )),
        },
        "::decode" if !rest.is_empty() => decode(rest),
        "::runtime" => runtime(c, rest),
        "::wat" if !rest.is_empty() => wat(c, rest),
        "::wasm_info" if !rest.is_empty() => wasm_info(c, rest),
        "::read" if !rest.is_empty() => read(c, rest),
        "::reload" => {
            let project = c.project.take();
            let (show, interactive) = (c.show, c.interactive);
            *c = Console::new(project, c.start_runtimes);
            c.show = show;
            c.interactive = interactive;
            Reply::ok(c.banner())
        }
        "::trace" if !rest.is_empty() => trace(c, rest),
        "::debug" if !rest.is_empty() => {
            // clarity-repl's debugger asks for commands on the terminal at each step of the
            // interpreter's run; from a script it would wait forever.
            if !c.interactive {
                return Reply::error("::debug needs a terminal");
            }
            let id = QualifiedContractIdentifier::new(
                c.issuer(),
                clarinet_wasm_runtime::dual::SNIPPET_CONTRACT.into(),
            );
            let hook = Box::new(clarity_repl::repl::debug::cli::CLIDebugger::new(&id, rest));
            let show = c.show;
            with_interpreter_hook(hook, || c.eval(rest, show)).0
        }
        _ if COMMANDS.iter().any(|(n, _, _)| *n == cmd) => usage(cmd),
        _ => Reply::error(format!("unknown command {cmd}: ::help lists the commands")),
    }
}

/// `::trace EXPR`: the step, shown as any other, then the call tree of each runtime.
fn trace(c: &mut Console, expr: &str) -> Reply {
    if crate::forms::top_level_forms(expr) != 1 || expr.contains("(define-") {
        return Reply::error("::trace takes one expression (not a definition)");
    }
    let sender = c.sender.clone();
    let (report, traces) = c.dual.trace(expr, &sender);
    let (text, failed) = render::step(&report, c.show);
    let (trees, differs) = render::traces(&traces);
    Reply {
        text: format!("{text}{trees}"),
        failed: failed || differs,
    }
}

fn help() -> String {
    let mut s = String::new();
    for (name, usage, what) in COMMANDS {
        let head = format!("{name} {usage}");
        let _ = writeln!(s, "{:<44} {what}", head.trim_end());
    }
    s
}

/// clarity-repl's session, for its documentation of natives and keywords.
fn docs() -> &'static clarity_repl::repl::Session {
    static DOCS: OnceLock<clarity_repl::repl::Session> = OnceLock::new();
    DOCS.get_or_init(|| clarity_repl::repl::Session::new(Default::default()))
}

pub struct Reference {
    pub natives: Vec<String>,
    pub keywords: Vec<String>,
}

/// The names of Clarity's natives (functions and definitions) and keywords.
pub fn reference() -> &'static Reference {
    use clarity::vm::functions::define::DefineFunctions;
    use clarity::vm::functions::NativeFunctions;
    use clarity::vm::variables::NativeVariables;
    static R: OnceLock<Reference> = OnceLock::new();
    R.get_or_init(|| {
        let mut natives: Vec<String> = NativeFunctions::ALL_NAMES
            .iter()
            .chain(DefineFunctions::ALL_NAMES)
            .map(|s| s.to_string())
            .collect();
        natives.sort();
        natives.dedup();
        let mut keywords: Vec<String> = NativeVariables::ALL_NAMES
            .iter()
            .map(|s| s.to_string())
            .collect();
        keywords.sort();
        Reference { natives, keywords }
    })
}

fn epoch(s: &str) -> Option<StacksEpochId> {
    Some(match s {
        "2.0" => StacksEpochId::Epoch20,
        "2.05" => StacksEpochId::Epoch2_05,
        "2.1" => StacksEpochId::Epoch21,
        "2.2" => StacksEpochId::Epoch22,
        "2.3" => StacksEpochId::Epoch23,
        "2.4" => StacksEpochId::Epoch24,
        _ => return None,
    })
}

fn decode(s: &str) -> Reply {
    // Spaces between bytes are allowed, as in Clarinet.
    let digits: String = s
        .trim_start_matches("0x")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let Ok(bytes) = clarity::util::hash::hex_bytes(&digits) else {
        return Reply::error(format!("not hexadecimal bytes: {s}"));
    };
    match Value::consensus_deserialize(&mut &bytes[..]) {
        Ok(v) => Reply::ok(format!("{}\n", clarity_repl::utils::value_to_string(&v))),
        Err(e) => Reply::error(format!("not a Clarity value: {e}")),
    }
}

fn runtime(c: &mut Console, rest: &str) -> Reply {
    let r = match rest {
        "both" => Runtimes::Both,
        "interpreter" => Runtimes::Interpreter,
        "wasm" => Runtimes::Wasm,
        _ => return Reply::error("usage: ::runtime both | interpreter | wasm"),
    };
    if r == Runtimes::Both && c.parted {
        return Reply::error(
            "the runtimes ran different inputs since ::runtime changed: ::reload to start both again",
        );
    }
    c.dual.runtimes = r;
    Reply::ok(format!("runtime: {rest}\n"))
}

/// The public and read-only functions of a contract (name, signature), from its Wasm
/// metadata, else from its stored analysis.
pub fn functions_of(c: &mut Console, id: &QualifiedContractIdentifier) -> Vec<(String, String)> {
    if let Some(l) = c.dual.wasm_contract(id) {
        return l
            .meta
            .functions
            .iter()
            .filter(|f| f.kind != FunctionKind::Private)
            .map(|f| {
                let args: Vec<String> = f.args.iter().map(|(n, t)| format!("({n} {t})")).collect();
                (
                    f.name.clone(),
                    format!("({} {})", f.name, args.join(" ")).replace(" )", ")"),
                )
            })
            .collect();
    }
    let Some(a) = c.dual.reference().analysis_of(id) else {
        return vec![];
    };
    a.public_function_types
        .keys()
        .chain(a.read_only_function_types.keys())
        .map(|n| (n.to_string(), format!("({n} ...)")))
        .collect()
}

fn contracts(c: &mut Console) -> Reply {
    if c.contracts.is_empty() {
        return Reply::ok("no contracts\n");
    }
    let mut s = String::new();
    for id in c.contracts.clone() {
        let _ = writeln!(s, "{}", id.to_string().bold());
        for (_, sig) in functions_of(c, &id) {
            let _ = writeln!(s, "  {sig}");
        }
    }
    Reply::ok(s)
}

/// The fungible and non-fungible tokens the console's contracts define.
fn tokens(c: &mut Console) -> (Vec<Token>, Vec<Token>) {
    let ids = c.contracts.clone();
    let chain = c.dual.reference();
    let (mut fts, mut nfts) = (vec![], vec![]);
    for id in ids {
        if let Some(a) = chain.analysis_of(&id) {
            fts.extend(
                a.fungible_tokens
                    .iter()
                    .map(|t| (id.clone(), t.to_string())),
            );
            nfts.extend(
                a.non_fungible_tokens
                    .keys()
                    .map(|t| (id.clone(), t.to_string())),
            );
        }
    }
    (fts, nfts)
}

type Token = (QualifiedContractIdentifier, String);

/// STX balances, fungible-token balances and non-fungible tokens held (a count) of the
/// accounts, read on the reference chain.
fn assets(c: &mut Console) -> Reply {
    use clarity::vm::database::ClarityDatabase;
    use clarity::vm::types::PrincipalData;
    let (fts, nfts) = tokens(c);
    let accounts = c.accounts.clone();
    let chain = c.dual.reference();
    let owners: Vec<Vec<PrincipalData>> = nfts
        .iter()
        .map(|(id, name)| chain.store.nft_owners(id, name))
        .collect();
    let mut db = ClarityDatabase::new(&mut chain.store, &chain.burn, &chain.burn);
    db.begin();
    let mut s = String::new();
    for a in accounts {
        let who = PrincipalData::Standard(a.address.clone());
        let stx = db.get_account_stx_balance(&who).get_total_balance();
        let _ = write!(s, "{:<10} {}  {stx} µSTX", a.name, a.address);
        for (id, token) in &fts {
            let b = db.get_ft_balance(id, token, &who, None).unwrap_or(0);
            let _ = write!(s, ", {b} .{}.{token}", id.name);
        }
        for ((id, token), held) in nfts.iter().zip(&owners) {
            let n = held.iter().filter(|o| **o == who).count();
            let _ = write!(s, ", {n} .{}.{token}", id.name);
        }
        s.push('\n');
    }
    db.roll_back();
    Reply::ok(s)
}

fn loaded(
    c: &mut Console,
    name: &str,
) -> Result<
    (
        QualifiedContractIdentifier,
        std::sync::Arc<clarinet_wasm_runtime::wasm::LoadedContract>,
    ),
    Reply,
> {
    let id = c
        .contract(name)
        .ok_or_else(|| Reply::error(format!("no contract {name}: ::get_contracts lists them")))?;
    let l = c
        .dual
        .wasm_contract(&id)
        .ok_or_else(|| Reply::error(format!("{id} was not compiled to Wasm")))?;
    Ok((id, l))
}

fn wat(c: &mut Console, rest: &str) -> Reply {
    let mut parts = rest.split_whitespace();
    let (Some(name), function) = (parts.next(), parts.next()) else {
        return Reply::error("usage: ::wat <contract> [<function>]");
    };
    let (id, l) = match loaded(c, name) {
        Ok(x) => x,
        Err(r) => return r,
    };
    let text = match function {
        None => l.compiled.wat().map(|t| t + "\n"),
        Some(f) => l.compiled.function_wat(f),
    };
    match text {
        Ok(t) => Reply::ok(t),
        Err(e) => Reply::error(format!("{id}: {e}")),
    }
}

fn wasm_info(c: &mut Console, name: &str) -> Reply {
    let (id, l) = match loaded(c, name) {
        Ok(x) => x,
        Err(r) => return r,
    };
    let mut s = String::new();
    let _ = writeln!(s, "{}", id.to_string().bold());
    let _ = writeln!(s, "  module size: {} bytes", l.compiled.wasm.len());
    let _ = writeln!(
        s,
        "  compile time: {:.2} ms",
        l.compile_time.as_secs_f64() * 1e3
    );
    let _ = writeln!(
        s,
        "  native code: {}",
        match l.origin {
            ModuleSource::Compiled => "compiled by Cranelift",
            ModuleSource::Disk => "from the disk cache",
            ModuleSource::Memory => "reused from memory (the same Wasm was loaded before)",
        }
    );
    let _ = writeln!(s, "  exports:");
    for f in &l.meta.functions {
        let _ = writeln!(s, "    {:<10} {}", f.kind.as_str(), f.export);
    }
    let stats = clarinet_wasm_runtime::wasm::module_stats();
    let _ = writeln!(
        s,
        "  modules this session: {} compiled, {} from the disk cache, {} reused in memory",
        stats.compiled, stats.from_disk, stats.from_memory
    );
    Reply::ok(s)
}

fn read(c: &mut Console, path: &str) -> Reply {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => return Reply::error(format!("cannot read {path}: {e}")),
    };
    let mut out = String::new();
    let mut failed = false;
    for (line, form) in crate::forms::split(&text) {
        let r = c.input(&form);
        if r.failed {
            failed = true;
            let _ = write!(out, "{path}:{line}: ");
        }
        out.push_str(&r.text);
    }
    Reply { text: out, failed }
}
