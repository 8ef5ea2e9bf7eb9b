//! The suite: each case a contract (bundled in `bench/`, or a boot contract) and what one
//! timed step does. Every runtime runs the same steps from the same state.

use clarinet_wasm_runtime::chain::{Account, Chain};
use clarity::vm::types::{
    PrincipalData, QualifiedContractIdentifier, StandardPrincipalData, TupleData,
};
use clarity::vm::Value;

pub type Source = fn() -> &'static str;
pub type Args = fn(&Chain) -> Vec<Value>;

/// What one timed step of a case does.
pub enum Step {
    /// Call `function` of the case's last contract from the deployer, or, with
    /// `fresh_senders`, each time from a new funded account (a step that can succeed once
    /// per sender, as `stack-stx`).
    Call {
        function: &'static str,
        read_only: bool,
        args: Args,
        fresh_senders: bool,
    },
    /// Deploy `source` under a new name (`<prefix>-<i>`) each time.
    Deploy {
        prefix: &'static str,
        source: Source,
    },
}

pub struct Case {
    pub name: &'static str,
    /// What a step does, for the table.
    pub what: &'static str,
    /// Contracts deployed before timing, in order (name, source); calls go to the last.
    pub contracts: &'static [(&'static str, Source)],
    /// Calls made once from the deployer before timing (function, args).
    pub setup: &'static [(&'static str, Args)],
    pub step: Step,
}

const fn call(function: &'static str, read_only: bool, args: Args) -> Step {
    Step::Call {
        function,
        read_only,
        args,
        fresh_senders: false,
    }
}

fn no_args(_: &Chain) -> Vec<Value> {
    vec![]
}

fn counter() -> &'static str {
    include_str!("../../../bench/counter.clar")
}
fn compute() -> &'static str {
    include_str!("../../../bench/compute.clar")
}
fn storage() -> &'static str {
    include_str!("../../../bench/storage.clar")
}
fn token() -> &'static str {
    include_str!("../../../bench/token.clar")
}
fn nft() -> &'static str {
    include_str!("../../../bench/nft.clar")
}
fn sequences() -> &'static str {
    include_str!("../../../bench/sequences.clar")
}
fn trait_def() -> &'static str {
    include_str!("../../../bench/trait-def.clar")
}
fn trait_impl() -> &'static str {
    include_str!("../../../bench/trait-impl.clar")
}
fn trait_loop() -> &'static str {
    include_str!("../../../bench/trait-loop.clar")
}
pub fn large() -> &'static str {
    include_str!("../../../bench/large.clar")
}
/// pox-3 as clarity-repl 2.0.0 ships it (testnet constants), deployed as a user contract
/// so that both runtimes run its calls.
pub fn pox_3() -> &'static str {
    clarity_repl::repl::boot::STACKS_BOOT_CODE_TESTNET
        .iter()
        .find(|(n, _)| *n == "pox-3")
        .map(|(_, s)| *s)
        .expect("clarity-repl ships pox-3")
}

fn wallet_1(c: &Chain) -> Value {
    Value::Principal(PrincipalData::Standard(
        c.account("wallet_1").expect("wallet_1").address.clone(),
    ))
}

/// What each stacker locks: above pox-3's minimum for the devnet supply plus all stackers.
pub const STACKED: u128 = 1_000_000_000_000;

fn stack_stx(_: &Chain) -> Vec<Value> {
    let pox_addr = TupleData::from_data(vec![
        ("version".into(), Value::buff_from(vec![0]).expect("buff")),
        (
            "hashbytes".into(),
            Value::buff_from(vec![0x73; 20]).expect("buff"),
        ),
    ])
    .expect("tuple");
    vec![
        Value::UInt(STACKED),
        Value::Tuple(pox_addr),
        // A burn height in the current reward cycle (0 on a fresh chain).
        Value::UInt(1),
        Value::UInt(1),
    ]
}

pub const CASES: &[Case] = &[
    Case {
        name: "counter-increment",
        what: "public call: var-get, var-set",
        contracts: &[("counter", counter)],
        setup: &[],
        step: call("increment", false, no_args),
    },
    Case {
        name: "read-only-getter",
        what: "read-only call: var-get",
        contracts: &[("counter", counter)],
        setup: &[],
        step: call("get-count", true, no_args),
    },
    Case {
        name: "fold-add-1000",
        what: "fold + over 1,000 ints",
        contracts: &[("compute", compute)],
        setup: &[],
        step: call("fold-add", true, no_args),
    },
    Case {
        name: "map-1000",
        what: "map a private function over 1,000 ints",
        contracts: &[("compute", compute)],
        setup: &[],
        step: call("map-double", true, no_args),
    },
    Case {
        name: "sha256-chain-100",
        what: "100 chained sha256",
        contracts: &[("compute", compute)],
        setup: &[],
        step: call("sha-chain", true, no_args),
    },
    Case {
        name: "arith-fold-1000",
        what: "1,000 steps of 128-bit * + mod",
        contracts: &[("compute", compute)],
        setup: &[],
        step: call("arith-fold", true, no_args),
    },
    Case {
        name: "map-set-get-1000",
        what: "1,000 map-set + map-get?",
        contracts: &[("storage", storage)],
        setup: &[],
        step: call("fill", false, no_args),
    },
    Case {
        name: "ft-transfer",
        what: "ft-transfer? of one unit",
        contracts: &[("token", token)],
        setup: &[],
        step: call("transfer", false, |c| vec![Value::UInt(1), wallet_1(c)]),
    },
    Case {
        name: "nft-mint-transfer",
        what: "nft-mint? of a new id, then nft-transfer?",
        contracts: &[("nft", nft)],
        setup: &[],
        step: call("mint-transfer", false, |c| vec![wallet_1(c)]),
    },
    Case {
        name: "concat-slice-loop",
        what: "100 rotations (slice?, element-at?, concat) of a buff and a string",
        contracts: &[("sequences", sequences)],
        setup: &[],
        step: call("rotate-loop", true, no_args),
    },
    Case {
        name: "trait-dispatch-100",
        what: "100 contract-call?s through a trait",
        contracts: &[
            ("trait-def", trait_def),
            ("trait-impl", trait_impl),
            ("trait-loop", trait_loop),
        ],
        setup: &[],
        step: call("dispatch", false, |c| {
            vec![Value::Principal(PrincipalData::Contract(
                QualifiedContractIdentifier::new(c.deployer(), "trait-impl".into()),
            ))]
        }),
    },
    Case {
        name: "pox-3-stack-stx",
        what: "pox-3 stack-stx, each by a new funded account",
        contracts: &[("pox-3", pox_3)],
        setup: &[],
        step: Step::Call {
            function: "stack-stx",
            read_only: false,
            args: stack_stx,
            fresh_senders: true,
        },
    },
    Case {
        name: "pox-3-get-stacker-info",
        what: "pox-3 get-stacker-info of a stacker",
        contracts: &[("pox-3", pox_3)],
        setup: &[("stack-stx", stack_stx)],
        step: call("get-stacker-info", true, |c| {
            vec![Value::Principal(PrincipalData::Standard(c.deployer()))]
        }),
    },
    Case {
        name: "pox-3-deploy",
        what: "deploy pox-3 (1,320 lines)",
        contracts: &[],
        setup: &[],
        step: Step::Deploy {
            prefix: "pox-copy",
            source: pox_3,
        },
    },
    Case {
        name: "large-deploy",
        what: "deploy a 1,000-line contract (bench/large.clar)",
        contracts: &[],
        setup: &[],
        step: Step::Deploy {
            prefix: "large",
            source: large,
        },
    },
];

/// The i-th fresh sender: a testnet address of its own, funded with what it stacks.
pub fn fresh_sender(i: usize) -> Account {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("clarinet-wasm bench sender {i}"));
    let mut hash = [0u8; 20];
    hash.copy_from_slice(&digest[..20]);
    Account {
        name: format!("sender_{i}"),
        // Version 26: a testnet single-signature address (ST...).
        address: StandardPrincipalData(26, hash),
        balance: STACKED,
    }
}
