//! A generator of whole Clarity projects, for `tests/generated_contracts.rs`.
//!
//! A project is a trait-defining contract (1-2 traits), 2-3 contracts implementing them
//! (declared with `impl-trait` or only structurally, sometimes a broken one), a main
//! contract with definitions of every kind (constants, data vars, maps, fungible and
//! non-fungible tokens, private / read-only / public functions calling earlier ones,
//! `use-trait` and trait-typed parameters, top-level statements), and a sequence of calls
//! to the main contract's public and read-only functions from devnet accounts.
//!
//! # How it is driven
//!
//! The generator is plain Rust over a *choice sequence*: every decision reads the next
//! `u32` of a stream, and a stream that runs out answers 0. Choice 0 is always the
//! simplest option (the first alternative of a list is a leaf or a literal, 0 items,
//! `false` for an optional feature), so proptest's shrinking of the streams (shorter,
//! smaller numbers) shrinks the project towards simpler ones, Hypothesis-style. The
//! project is built from 16 independent streams (declarations, each function, the
//! calls ...), so that shrinking one part does not reshuffle the others.
//!
//! # Typing
//!
//! The generator is typed: `expr(ty, ...)` only builds terms whose analysed type is
//! admitted by `ty`. Sequence lengths in a [`Ty`] are *bounds*: a term generated for
//! `(string-ascii 8)` has a type of at most that length (its analysed type may be
//! smaller), so it fits every declared type (data vars, maps, parameters, trait
//! signatures) it is generated for; the few words that need an exact element type
//! (`replace-at?`, `index-of?` on lists) are only used with element types that have no
//! length and no principal (a contract principal literal has a type of its own, and two
//! of them make a `ListUnionType`, so `to-consensus-buff?` is never given principals
//! either). Every optional and response has a determinate type (`none` and `err` only
//! appear beside a `some` / `ok` that fixes it). Effects follow the read-only checker:
//! a read-only context (read-only functions, helpers used by `map`, `at-block` bodies)
//! never writes, calls a public function, or dispatches dynamically. Intermediate
//! expressions of a `begin` or `let` body are never responses.

use std::fmt;

use clarity::vm::types::{
    PrincipalData, QualifiedContractIdentifier, StandardPrincipalData, TupleData,
};
use clarity::vm::Value;

use clarinet_wasm_runtime::chain::DEVNET_ACCOUNTS;

/// Differences between the runtimes found by this generator and not fixed yet; the
/// generator keeps away from them (each is reproduced in the report that found it).
/// None at present: the last one, `map` over several sequences when one is empty, is
/// fixed (`compiler/src/words/higher_order.rs: map_with_an_empty_sequence`).
pub const KNOWN_DIVERGENCES: &[&str] = &[];

/// Integers at the edges of 64- and 128-bit arithmetic, for both generators.
pub const EDGE_INTS: [i128; 11] = [
    i128::MAX,
    i128::MIN,
    i128::MAX - 1,
    i128::MIN + 1,
    1 << 64,
    -(1 << 64),
    (1 << 64) - 1,
    1 << 63,
    1 << 126,
    -(1 << 126),
    13043817825332782212,
];

/// How many choice streams a project reads.
pub const STREAMS: usize = 16;
const S_TRAITS: usize = 0;
const S_IMPLS: usize = 1;
const S_MAIN: usize = 2;
const S_FUNCTIONS: usize = 3;
/// Functions of the main contract have streams `S_FUNCTIONS ..` up to this one.
const S_TOP: usize = 14;
const S_CALLS: usize = 15;

/// Maximum depth of generated expressions (function bodies).
pub const MAX_DEPTH: u32 = 4;

/// The senders of calls.
pub const SENDERS: [&str; 4] = ["deployer", "wallet_1", "wallet_2", "wallet_3"];

fn address(name: &str) -> &'static str {
    DEVNET_ACCOUNTS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, a)| *a)
        .expect("devnet account")
}

fn standard(name: &str) -> StandardPrincipalData {
    match PrincipalData::parse_standard_principal(address(name)) {
        Ok(p) => p,
        Err(e) => panic!("devnet address {name}: {e}"),
    }
}

// ---- choices ------------------------------------------------------------------------------

/// A stream of choices; 0 once exhausted.
#[derive(Clone, Debug, Default)]
pub struct Choices {
    data: Vec<u32>,
    pos: usize,
}

impl Choices {
    pub fn new(data: &[u32]) -> Choices {
        Choices {
            data: data.to_vec(),
            pos: 0,
        }
    }

    /// How many choices were read (including those past the end).
    pub fn used(&self) -> usize {
        self.pos
    }

    fn raw(&mut self) -> u32 {
        let v = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        v
    }

    /// `0 .. n`.
    fn below(&mut self, n: usize) -> usize {
        if n <= 1 {
            0
        } else {
            self.raw() as usize % n
        }
    }

    /// `lo ..= hi`.
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }

    /// True with `percent`% probability; false on choice 0.
    fn chance(&mut self, percent: u32) -> bool {
        self.raw() % 100 >= 100 - percent
    }

    /// An index by weight; choice 0 is index 0.
    fn weighted(&mut self, w: &[u32]) -> usize {
        let total: u32 = w.iter().sum();
        if total == 0 {
            return 0;
        }
        let mut x = self.raw() % total;
        for (i, &wi) in w.iter().enumerate() {
            if x < wi {
                return i;
            }
            x -= wi;
        }
        0
    }

    fn pick<T: Clone>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())].clone()
    }
}

// ---- types --------------------------------------------------------------------------------

/// A value type; sequence lengths are bounds (see the module documentation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ty {
    Int,
    UInt,
    Bool,
    Principal,
    Ascii(u32),
    Utf8(u32),
    Buff(u32),
    List(Box<Ty>, u32),
    Opt(Box<Ty>),
    Resp(Box<Ty>, Box<Ty>),
    /// Fields sorted by name.
    Tuple(Vec<(String, Ty)>),
}

use Ty::*;

pub fn opt(t: Ty) -> Ty {
    Opt(Box::new(t))
}
pub fn resp(t: Ty, e: Ty) -> Ty {
    Resp(Box::new(t), Box::new(e))
}
pub fn list(t: Ty, n: u32) -> Ty {
    List(Box::new(t), n)
}
pub fn tuple(fields: Vec<(&str, Ty)>) -> Ty {
    let mut f: Vec<(String, Ty)> = fields
        .into_iter()
        .map(|(n, t)| (n.to_string(), t))
        .collect();
    f.sort_by(|a, b| a.0.cmp(&b.0));
    Tuple(f)
}

fn destruct_tuple() -> Ty {
    tuple(vec![
        ("hash-bytes", Buff(20)),
        ("name", opt(Ascii(40))),
        ("version", Buff(1)),
    ])
}

fn construct_error() -> Ty {
    tuple(vec![("error_code", UInt), ("value", opt(Principal))])
}

fn account_tuple() -> Ty {
    tuple(vec![
        ("locked", UInt),
        ("unlock-height", UInt),
        ("unlocked", UInt),
    ])
}

impl Ty {
    /// The Clarity spelling of the type.
    pub fn decl(&self) -> String {
        match self {
            Int => "int".into(),
            UInt => "uint".into(),
            Bool => "bool".into(),
            Principal => "principal".into(),
            Ascii(n) => format!("(string-ascii {n})"),
            Utf8(n) => format!("(string-utf8 {n})"),
            Buff(n) => format!("(buff {n})"),
            List(t, n) => format!("(list {n} {})", t.decl()),
            Opt(t) => format!("(optional {})", t.decl()),
            Resp(t, e) => format!("(response {} {})", t.decl(), e.decl()),
            Tuple(fs) => format!(
                "{{{}}}",
                fs.iter()
                    .map(|(n, t)| format!("{n}: {}", t.decl()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    /// Whether a value of a type admitted by `self` is admitted by `bound`.
    pub fn fits(&self, bound: &Ty) -> bool {
        match (self, bound) {
            (Int, Int) | (UInt, UInt) | (Bool, Bool) | (Principal, Principal) => true,
            (Ascii(x), Ascii(y)) | (Utf8(x), Utf8(y)) | (Buff(x), Buff(y)) => x <= y,
            (List(t, x), List(u, y)) => x <= y && t.fits(u),
            (Opt(t), Opt(u)) => t.fits(u),
            (Resp(a, b), Resp(c, d)) => a.fits(c) && b.fits(d),
            (Tuple(f), Tuple(g)) => {
                f.len() == g.len()
                    && f.iter()
                        .zip(g)
                        .all(|((n1, t1), (n2, t2))| n1 == n2 && t1.fits(t2))
            }
            _ => false,
        }
    }

    /// Analysed types of terms of this type are exactly the bound: no sequence lengths,
    /// and no principals (a contract principal literal has a type of its own).
    pub fn exact(&self) -> bool {
        match self {
            Int | UInt | Bool => true,
            Principal | Ascii(_) | Utf8(_) | Buff(_) | List(..) => false,
            Opt(t) => t.exact(),
            Resp(t, e) => t.exact() && e.exact(),
            Tuple(fs) => fs.iter().all(|(_, t)| t.exact()),
        }
    }

    pub fn has_principal(&self) -> bool {
        match self {
            Principal => true,
            Int | UInt | Bool | Ascii(_) | Utf8(_) | Buff(_) => false,
            List(t, _) | Opt(t) => t.has_principal(),
            Resp(t, e) => t.has_principal() || e.has_principal(),
            Tuple(fs) => fs.iter().any(|(_, t)| t.has_principal()),
        }
    }

    pub fn is_resp(&self) -> bool {
        matches!(self, Resp(..))
    }

    /// `TypeSignature::max_serialized_size`.
    pub fn max_serialized(&self) -> u32 {
        1 + match self {
            Int | UInt => 16,
            Bool => 0,
            Principal => 150,
            Ascii(n) | Buff(n) => 4 + n,
            Utf8(n) => 4 + 4 * n,
            List(t, n) => 4 + n * t.max_serialized(),
            Opt(t) => t.max_serialized(),
            Resp(t, e) => t.max_serialized().max(e.max_serialized()),
            Tuple(fs) => {
                4 + fs
                    .iter()
                    .map(|(n, t)| 1 + n.len() as u32 + t.max_serialized())
                    .sum::<u32>()
            }
        }
    }

    fn depth(&self) -> u32 {
        match self {
            List(t, _) | Opt(t) => 1 + t.depth(),
            Resp(t, e) => 1 + t.depth().max(e.depth()),
            Tuple(fs) => 1 + fs.iter().map(|(_, t)| t.depth()).max().unwrap_or(0),
            _ => 0,
        }
    }
}

// ---- what a contract holds ------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Private,
    ReadOnly,
    Public,
}

#[derive(Clone, Debug)]
pub enum PTy {
    V(Ty),
    /// A trait reference, by index of the project's traits.
    Trait(usize),
}

#[derive(Clone, Debug)]
pub struct FnSig {
    pub name: String,
    pub kind: Kind,
    pub params: Vec<(String, PTy)>,
    /// A bound of the analysed return type.
    pub ret: Ty,
    /// May write (not callable from a read-only context).
    pub writes: bool,
    /// What the function is for: `map` / `fold` / `filter` helpers.
    pub role: Role,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Plain,
    MapHelper,
    StepHelper,
    PredHelper,
}

#[derive(Clone, Debug)]
pub struct TraitFn {
    pub name: String,
    pub args: Vec<Ty>,
    pub ret: Ty,
}

#[derive(Clone, Debug)]
pub struct TraitDef {
    pub name: String,
    pub fns: Vec<TraitFn>,
}

/// A function of another contract, for a static `contract-call?`.
#[derive(Clone, Debug)]
struct ExtFn {
    contract: String,
    name: String,
    args: Vec<Ty>,
    ret: Ty,
    read_only: bool,
}

#[derive(Clone, Debug, Default)]
struct World {
    consts: Vec<(String, Ty)>,
    vars: Vec<(String, Ty)>,
    maps: Vec<(String, Ty, Ty)>,
    fts: Vec<(String, Option<u128>)>,
    nfts: Vec<(String, Ty)>,
    fns: Vec<FnSig>,
    externals: Vec<ExtFn>,
    traits: Vec<TraitDef>,
    /// The deployed contracts (before this one), for principal literals.
    contracts: Vec<String>,
}

/// Local variables and trait references in scope.
#[derive(Clone, Debug, Default)]
struct Scope {
    vars: Vec<(String, Ty)>,
    trefs: Vec<(String, usize)>,
}

impl Scope {
    fn with(&self, name: &str, ty: &Ty) -> Scope {
        let mut s = self.clone();
        s.vars.push((name.to_string(), ty.clone()));
        s
    }
}

/// What the code being generated may do.
#[derive(Clone, Debug)]
struct Fx {
    /// Write, call public functions, dispatch dynamically.
    writes: bool,
    /// Inside a function returning (a bound of) this type: the short-returning words
    /// may throw values of it.
    ret: Option<Ty>,
}

// ---- projects -----------------------------------------------------------------------------

/// A call of the main contract.
#[derive(Clone)]
pub struct Call {
    pub function: String,
    pub args: Vec<Value>,
    /// The declared types of the parameters (`None`: a trait reference).
    pub params: Vec<Option<String>>,
    /// A devnet account name.
    pub sender: String,
    /// Blocks to advance before the call.
    pub advance: u32,
    /// A devnet account sponsoring the call.
    pub sponsor: Option<String>,
}

#[derive(Clone)]
pub struct Project {
    /// (name, source) in deployment order, all from the deployer.
    pub contracts: Vec<(String, String)>,
    pub main: String,
    pub calls: Vec<Call>,
}

impl fmt::Debug for Project {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Project {{")?;
        for (name, src) in &self.contracts {
            writeln!(f, ";; ---- {name}.clar")?;
            writeln!(f, "{src}")?;
        }
        writeln!(f, ";; ---- calls of {}", self.main)?;
        for c in &self.calls {
            writeln!(f, "{}", c.render())?;
        }
        write!(f, "}}")
    }
}

impl Call {
    pub fn render(&self) -> String {
        let args: Vec<String> = self.args.iter().map(|a| a.to_string()).collect();
        format!(
            "{}({} {}) from {}{}",
            if self.advance > 0 {
                format!("[advance {}] ", self.advance)
            } else {
                String::new()
            },
            self.function,
            args.join(" "),
            self.sender,
            self.sponsor
                .as_ref()
                .map(|s| format!(" sponsored by {s}"))
                .unwrap_or_default()
        )
    }
}

/// Build a project from `streams` (see the module documentation); missing streams are
/// empty.
/// Choices per stream: enough for the largest function bodies.
pub const STREAM_LEN: usize = 1024;

/// Generated projects, from proptest's streams of choices (shrinking shortens them).
pub fn projects() -> impl proptest::strategy::Strategy<Value = Project> {
    use proptest::prelude::*;
    prop::collection::vec(prop::collection::vec(any::<u32>(), 0..=STREAM_LEN), STREAMS)
        .prop_map(|streams| project(&streams))
}

pub fn project(streams: &[Vec<u32>]) -> Project {
    let stream = |i: usize| streams.get(i).map(|v| v.as_slice()).unwrap_or(&[]);
    let deployer = standard("deployer");
    let mut g = Gen::new(stream(S_TRAITS));
    let mut contracts = vec![];

    // Traits.
    let traits = g.traits();
    contracts.push(("traits".to_string(), render_traits(&traits)));

    // Implementations.
    g.c = Choices::new(stream(S_IMPLS));
    let impls = g.impls(&traits);
    let mut externals = vec![];
    let mut deployed = vec!["traits".to_string()];
    for imp in &impls {
        contracts.push((imp.name.clone(), imp.source.clone()));
        deployed.push(imp.name.clone());
        externals.extend(imp.externals.iter().cloned());
    }

    // The main contract.
    let main = "main".to_string();
    g.c = Choices::new(stream(S_MAIN));
    g.w = World {
        traits: traits.clone(),
        externals,
        contracts: deployed.clone(),
        ..World::default()
    };
    g.next = 0;
    let mut src = String::new();
    for (i, t) in traits.iter().enumerate() {
        src += &format!("(use-trait {} .traits.{})\n", alias(i), t.name);
    }
    src += &g.declarations();
    let plan = g.function_plan();
    let last = plan.len() - 1;
    for (i, role) in plan.into_iter().enumerate() {
        g.c = Choices::new(stream(S_FUNCTIONS + i));
        // At least one public function to call.
        let public = i == last && !g.w.fns.iter().any(|f| f.kind == Kind::Public);
        let (sig, text) = g.function(i, role, public);
        src += &text;
        g.w.fns.push(sig);
    }
    g.c = Choices::new(stream(S_TOP));
    src += &g.top_level();
    contracts.push((main.clone(), src));

    // Calls.
    g.c = Choices::new(stream(S_CALLS));
    let calls = g.calls(&impls, &deployer);
    Project {
        contracts,
        main,
        calls,
    }
}

fn alias(i: usize) -> String {
    format!("tr-{}", ["a", "b", "c"][i])
}

fn render_traits(traits: &[TraitDef]) -> String {
    let mut src = String::new();
    for t in traits {
        src += &format!("(define-trait {}\n  (", t.name);
        let fns: Vec<String> = t
            .fns
            .iter()
            .map(|f| {
                format!(
                    "({} ({}) {})",
                    f.name,
                    f.args
                        .iter()
                        .map(|a| a.decl())
                        .collect::<Vec<_>>()
                        .join(" "),
                    f.ret.decl()
                )
            })
            .collect();
        src += &fns.join("\n   ");
        src += "))\n";
    }
    src
}

/// A contract implementing traits (or failing to).
pub struct Impl {
    pub name: String,
    pub source: String,
    /// Traits it implements structurally (whether or not it declares them).
    pub implements: Vec<usize>,
    externals: Vec<ExtFn>,
}

// ---- the generator ------------------------------------------------------------------------

type Alt<'s> = (u32, Box<dyn FnOnce(&mut Gen) -> String + 's>);
type SrcAlt<'s> = (u32, Box<dyn FnOnce(&mut Gen) -> (String, Ty) + 's>);

const SECP_MSG: &str = "0xde5b9eb9e7c5592930eb2e30a01369c36586d872082ed8181ee83d2a0ec20f04";
const SECP_SIG: &str = "0x8738487ebe69b93d8e51583be8eee50bb4213fc49c767d329632730cc193b873554428fc936ca3569afc15f1c9365f6591d6251a89fee9c9ac661116824d3a1301";
const SECP_KEY: &str = "0x03adb8de4bfb65db2cfd6120d55c6526ae9c52e675db7e47308636534ba7786110";
const DEPLOYER_HASH: &str = "0x6d78de7b0625dfbfc16c3a8a5735f6dc3dc3f2ce";

pub struct Gen {
    pub c: Choices,
    w: World,
    next: u32,
}

impl Gen {
    fn new(data: &[u32]) -> Gen {
        Gen {
            c: Choices::new(data),
            w: World::default(),
            next: 0,
        }
    }

    fn fresh(&mut self, prefix: &str) -> String {
        self.next += 1;
        format!("{prefix}{}", self.next)
    }

    // ---- types

    fn seq_len(&mut self) -> u32 {
        let lens = [4, 8, 2, 16, 1, 32, 10, 20, 40, 64];
        lens[self.c.weighted(&[6, 5, 4, 3, 2, 2, 2, 1, 1, 1])]
    }

    fn base_ty(&mut self) -> Ty {
        match self.c.weighted(&[3, 3, 2, 1, 2, 1, 2]) {
            0 => Int,
            1 => UInt,
            2 => Bool,
            3 => Principal,
            4 => Ascii(self.seq_len()),
            5 => Utf8(self.seq_len()),
            _ => Buff(self.seq_len()),
        }
    }

    fn tuple_fields(&mut self, depth: u32) -> Vec<(String, Ty)> {
        let names = ["a", "b", "c", "id", "tag", "val"];
        let n = self.c.range(1, 3) as usize;
        let mut picked: Vec<&str> = vec![];
        while picked.len() < n {
            let x = names[self.c.below(names.len())];
            if picked.contains(&x) {
                // Deterministic fallback (choice 0 keeps picking "a").
                let free = names.iter().find(|m| !picked.contains(m)).unwrap();
                picked.push(free);
            } else {
                picked.push(x);
            }
        }
        let mut f: Vec<(String, Ty)> = picked
            .into_iter()
            .map(|n| (n.to_string(), self.ty(depth)))
            .collect();
        f.sort_by(|a, b| a.0.cmp(&b.0));
        f
    }

    /// A type of nesting depth at most `depth`, of a reasonable size.
    fn ty(&mut self, depth: u32) -> Ty {
        if depth == 0 {
            return self.base_ty();
        }
        let t = match self.c.weighted(&[8, 2, 2, 2, 2]) {
            0 => self.base_ty(),
            1 => {
                let e = self.ty(depth - 1);
                let n = if e.depth() > 0 || e.max_serialized() > 64 {
                    [2, 3, 4, 1][self.c.below(4)]
                } else {
                    [3, 5, 8, 16, 32, 1, 2][self.c.below(7)]
                };
                list(e, n)
            }
            2 => opt(self.ty(depth - 1)),
            3 => {
                let t = self.ty(depth - 1);
                let e = if self.c.chance(50) {
                    self.ty(depth - 1)
                } else {
                    UInt
                };
                resp(t, e)
            }
            _ => Tuple(self.tuple_fields(depth - 1)),
        };
        if t.max_serialized() > 4096 {
            self.base_ty()
        } else {
            t
        }
    }

    /// Types worth making intermediate values of: those of variables and functions in
    /// reach (so that they get used), or a fresh one.
    fn pick_ty(&mut self, sc: &Scope, depth: u32) -> Ty {
        if self.c.chance(50) {
            let mut known: Vec<Ty> = sc.vars.iter().map(|(_, t)| t.clone()).collect();
            known.extend(self.w.vars.iter().map(|(_, t)| t.clone()));
            known.extend(self.w.consts.iter().map(|(_, t)| t.clone()));
            known.extend(self.w.maps.iter().map(|(_, _, v)| opt(v.clone())));
            known.extend(self.w.fns.iter().map(|f| f.ret.clone()));
            if !known.is_empty() {
                return self.c.pick(&known);
            }
        }
        self.ty(depth)
    }

    /// A type for `to-consensus-buff?`: without principals (two contract principals
    /// make a `ListUnionType`, which the analysis cannot serialize).
    fn serializable_ty(&mut self, sc: &Scope) -> Ty {
        let t = self.pick_ty(sc, 2);
        if t.has_principal() {
            match self.base_ty() {
                Principal => Int,
                t => t,
            }
        } else {
            t
        }
    }

    /// A `U` such that `(optional U)` is worth making (see `pick_ty`).
    fn pick_opt_inner(&mut self, sc: &Scope) -> Ty {
        match self.pick_ty(sc, 2) {
            Opt(t) => *t,
            t => t,
        }
    }

    /// `(T, E)` such that `(response T E)` is worth making.
    fn pick_resp_inner(&mut self, sc: &Scope) -> (Ty, Ty) {
        match self.pick_ty(sc, 2) {
            Resp(t, e) => (*t, *e),
            t => {
                let e = if self.c.chance(60) { UInt } else { self.ty(1) };
                (t, e)
            }
        }
    }

    // ---- literals

    fn int_lit(&mut self) -> i128 {
        match self.c.weighted(&[10, 3, 2, 1]) {
            0 => {
                let r = self.c.raw();
                let v = ((r / 2) % 21) as i128;
                if r.is_multiple_of(2) {
                    v
                } else {
                    -v
                }
            }
            1 => (self.c.raw() as i32) as i128 * 1000,
            2 => self.c.pick(&EDGE_INTS),
            _ => {
                let parts = [self.c.raw(), self.c.raw(), self.c.raw(), self.c.raw()];
                parts.iter().fold(0i128, |a, p| (a << 32) | *p as i128)
            }
        }
    }

    fn uint_lit(&mut self) -> u128 {
        match self.c.weighted(&[10, 3, 2, 1]) {
            0 => (self.c.raw() % 21) as u128,
            1 => self.c.raw() as u128 * 1000,
            2 => self.c.pick(&[
                u128::MAX,
                u128::MAX - 1,
                i128::MAX as u128,
                1u128 << 127,
                1 << 64,
                (1 << 64) - 1,
                1 << 63,
            ]),
            _ => {
                let parts = [self.c.raw(), self.c.raw(), self.c.raw(), self.c.raw()];
                parts.iter().fold(0u128, |a, p| (a << 32) | *p as u128)
            }
        }
    }

    fn ascii_text(&mut self, n: u32) -> String {
        let len = self.text_len(n);
        let chars = [
            'a', 'b', '1', '2', '0', '-', ' ', 'z', '9', 'c', 'X', '_', '"', '\\',
        ];
        // Mostly numbers (for string-to-int?) or words.
        let numeric = self.c.chance(30);
        (0..len)
            .map(|i| {
                if numeric {
                    if i == 0 && self.c.chance(30) {
                        '-'
                    } else {
                        char::from(b'0' + self.c.below(10) as u8)
                    }
                } else {
                    chars[self.c.below(chars.len())]
                }
            })
            .collect()
    }

    fn text_len(&mut self, n: u32) -> u32 {
        let n = n.min(40);
        match self.c.weighted(&[6, 3, 1]) {
            0 => self.c.range(0, n.min(4)),
            1 => self.c.range(0, n),
            _ => n,
        }
    }

    fn ascii_lit(&mut self, n: u32) -> String {
        let s = self.ascii_text(n);
        format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
    }

    fn utf8_chars(&mut self, n: u32) -> Vec<char> {
        let len = self.text_len(n);
        let chars = ['a', 'b', ' ', '1', 'é', '😀', '中', 'z'];
        (0..len).map(|_| chars[self.c.below(chars.len())]).collect()
    }

    fn utf8_lit(&mut self, n: u32) -> String {
        let cs = self.utf8_chars(n);
        let body: String = cs
            .iter()
            .map(|c| {
                if c.is_ascii() {
                    c.to_string()
                } else {
                    format!("\\u{{{:X}}}", *c as u32)
                }
            })
            .collect();
        format!("u\"{body}\"")
    }

    fn bytes(&mut self, n: u32) -> Vec<u8> {
        let len = match self.c.weighted(&[6, 3, 2]) {
            0 => self.c.range(0, n.min(4)),
            1 => self.c.range(0, n),
            _ => n,
        };
        (0..len)
            .map(|_| match self.c.weighted(&[4, 1, 1, 1, 3]) {
                0 => self.c.below(4) as u8,
                1 => 0x7f,
                2 => 0x80,
                3 => 0xff,
                _ => self.c.raw() as u8,
            })
            .collect()
    }

    fn buff_lit(&mut self, n: u32) -> String {
        let bs = self.bytes(n);
        format!(
            "0x{}",
            bs.iter().map(|b| format!("{b:02x}")).collect::<String>()
        )
    }

    fn principal_lit(&mut self) -> String {
        let mut all: Vec<String> = vec![
            "tx-sender".into(),
            format!("'{}", address("deployer")),
            format!("'{}", address("wallet_1")),
            format!("'{}", address("wallet_2")),
            format!("'{}", address("wallet_3")),
            "contract-caller".into(),
            "(as-contract tx-sender)".into(),
            ".main".into(),
            format!("'{}.missing-contract", address("wallet_1")),
        ];
        for c in &self.w.contracts {
            all.push(format!(".{c}"));
        }
        let mut w = vec![6, 3, 3, 2, 2, 2, 2, 1, 1];
        w.resize(all.len(), 2);
        let i = self.c.weighted(&w);
        all[i].clone()
    }

    /// A closed literal term of type admitted by `ty`, with a determinate type.
    fn literal(&mut self, ty: &Ty) -> String {
        match ty {
            Int => self.int_lit().to_string(),
            UInt => format!("u{}", self.uint_lit()),
            Bool => if self.c.chance(50) { "true" } else { "false" }.into(),
            Principal => self.principal_lit(),
            Ascii(n) => self.ascii_lit(*n),
            Utf8(n) => self.utf8_lit(*n),
            Buff(n) => self.buff_lit(*n),
            List(t, n) => {
                let k = match self.c.weighted(&[6, 1, 1]) {
                    0 => self.c.range(1, (*n).min(3)),
                    1 => 0,
                    _ => self.c.range(1, *n),
                };
                if k == 0 {
                    let x = self.literal(t);
                    format!("(if false (list {x}) (list))")
                } else {
                    let xs: Vec<String> = (0..k).map(|_| self.literal(t)).collect();
                    format!("(list {})", xs.join(" "))
                }
            }
            Opt(_) | Resp(..) | Tuple(_) => self.composite(ty, Gen::literal),
        }
    }

    /// An optional, response or tuple literal whose parts come from `part`.
    fn composite(&mut self, ty: &Ty, part: fn(&mut Self, &Ty) -> String) -> String {
        match ty {
            Opt(t) => {
                let x = part(self, t);
                if self.c.chance(30) {
                    format!("(if false (some {x}) none)")
                } else {
                    format!("(some {x})")
                }
            }
            Resp(t, e) => {
                let c = self.c.chance(30);
                let (x, y) = (part(self, t), part(self, e));
                format!("(if {c} (err {y}) (ok {x}))")
            }
            Tuple(fs) => {
                let parts: Vec<String> = fs
                    .iter()
                    .map(|(n, t)| format!("{n}: {}", part(self, t)))
                    .collect();
                format!("{{{}}}", parts.join(", "))
            }
            _ => part(self, ty),
        }
    }

    /// A literal from a small domain (map keys, token ids), so that keys meet.
    fn small_literal(&mut self, ty: &Ty) -> String {
        match ty {
            Int => (self.c.below(4) as i32 - 1).to_string(),
            UInt => format!("u{}", self.c.below(4)),
            Bool => if self.c.chance(50) { "true" } else { "false" }.into(),
            Principal => self.c.pick(&[
                "tx-sender".to_string(),
                format!("'{}", address("wallet_1")),
                format!("'{}", address("deployer")),
            ]),
            Ascii(_) => self.c.pick(&["\"\"", "\"a\"", "\"b\""]).to_string(),
            Utf8(_) => self
                .c
                .pick(&["u\"\"", "u\"a\"", "u\"\\u{E9}\""])
                .to_string(),
            Buff(_) => self.c.pick(&["0x", "0x01", "0x02"]).to_string(),
            List(t, _) => format!("(list {})", self.small_literal(t)),
            Opt(_) | Resp(..) | Tuple(_) => self.composite(ty, Gen::small_literal),
        }
    }

    // ---- expressions

    /// A variable, constant, data var or keyword of a type admitted by `ty`, or a literal.
    fn leaf(&mut self, ty: &Ty, sc: &Scope) -> String {
        let mut cands: Vec<String> = vec![];
        for (n, t) in &sc.vars {
            if t.fits(ty) {
                cands.push(n.clone());
                cands.push(n.clone());
            }
        }
        for (n, t) in &self.w.consts {
            if t.fits(ty) {
                cands.push(n.clone());
            }
        }
        for (n, t) in &self.w.vars {
            if t.fits(ty) {
                cands.push(format!("(var-get {n})"));
            }
        }
        // Keywords, now and then (`is-in-mainnet` is always false ...).
        let keywords = self.c.chance(25);
        match ty {
            _ if !keywords => {}
            UInt => cands.extend(
                [
                    "block-height",
                    "burn-block-height",
                    "stx-liquid-supply",
                    "chain-id",
                ]
                .map(String::from),
            ),
            Bool => cands.extend(["is-in-mainnet", "is-in-regtest"].map(String::from)),
            Principal => cands.extend(["tx-sender", "contract-caller"].map(String::from)),
            Opt(t) if **t == Principal => cands.push("tx-sponsor?".into()),
            _ => {}
        }
        if !cands.is_empty() && self.c.chance(55) {
            self.c.pick(&cands)
        } else if self.c.chance(40) {
            self.small_literal(ty)
        } else {
            self.literal(ty)
        }
    }

    /// A term of a type admitted by `ty`, of depth at most `d`.
    fn expr(&mut self, ty: &Ty, d: u32, sc: &Scope, fx: &Fx) -> String {
        if d == 0 {
            return self.leaf(ty, sc);
        }
        let e = d - 1;
        let mut alts: Vec<Alt> = vec![];
        macro_rules! alt {
            ($w:expr, $f:expr) => {
                alts.push(($w, Box::new($f)))
            };
        }
        alt!(10, move |g: &mut Gen| g.leaf(ty, sc));
        self.generic_alts(&mut alts, ty, e, sc, fx);
        self.typed_alts(&mut alts, ty, e, sc, fx);
        let weights: Vec<u32> = alts.iter().map(|a| a.0).collect();
        let i = self.c.weighted(&weights);
        let f = alts.swap_remove(i).1;
        f(self)
    }

    /// Alternatives for any type.
    fn generic_alts<'s>(
        &mut self,
        alts: &mut Vec<Alt<'s>>,
        ty: &'s Ty,
        e: u32,
        sc: &'s Scope,
        fx: &'s Fx,
    ) {
        macro_rules! alt {
            ($w:expr, $f:expr) => {
                alts.push(($w, Box::new($f)))
            };
        }
        alt!(3, move |g: &mut Gen| {
            let c = g.expr(&Bool, e, sc, fx);
            let (a, b) = (g.expr(ty, e, sc, fx), g.expr(ty, e, sc, fx));
            format!("(if {c} {a} {b})")
        });
        alt!(3, move |g: &mut Gen| {
            let n = g.c.range(1, 2);
            let mut inner = sc.clone();
            let mut binds = vec![];
            for _ in 0..n {
                let u = g.pick_ty(sc, 2);
                let x = g.expr(&u, e, &inner, fx);
                let name = g.fresh("v");
                binds.push(format!("({name} {x})"));
                inner.vars.push((name, u));
            }
            let stmts = g.stmts(e, &inner, fx, 1);
            let body = g.expr(ty, e, &inner, fx);
            format!("(let ({}) {stmts}{body})", binds.join(" "))
        });
        alt!(2, move |g: &mut Gen| {
            let stmts = g.stmts(e, sc, fx, 2);
            let body = g.expr(ty, e, sc, fx);
            if stmts.is_empty() {
                format!("(begin {body})")
            } else {
                format!("(begin {stmts}{body})")
            }
        });
        alt!(1, move |g: &mut Gen| format!(
            "(print {})",
            g.expr(ty, e, sc, fx)
        ));
        alt!(2, move |g: &mut Gen| {
            let u = g.pick_opt_inner(sc);
            let o = g.expr(&opt(u.clone()), e, sc, fx);
            let s = g.fresh("s");
            let some = g.expr(ty, e, &sc.with(&s, &u), fx);
            let none = g.expr(ty, e, sc, fx);
            format!("(match {o} {s} {some} {none})")
        });
        alt!(2, move |g: &mut Gen| {
            let (t, er) = g.pick_resp_inner(sc);
            let r = g.expr(&resp(t.clone(), er.clone()), e, sc, fx);
            let (a, b) = (g.fresh("ok"), g.fresh("er"));
            let x = g.expr(ty, e, &sc.with(&a, &t), fx);
            let y = g.expr(ty, e, &sc.with(&b, &er), fx);
            format!("(match {r} {a} {x} {b} {y})")
        });
        alt!(1, move |g: &mut Gen| {
            if g.c.chance(50) {
                format!("(unwrap-panic {})", g.expr(&opt(ty.clone()), e, sc, fx))
            } else {
                let er = g.ty(1);
                let r = g.expr(&resp(ty.clone(), er), e, sc, fx);
                format!("(unwrap-panic {r})")
            }
        });
        alt!(1, move |g: &mut Gen| {
            let t = g.ty(1);
            format!(
                "(unwrap-err-panic {})",
                g.expr(&resp(t, ty.clone()), e, sc, fx)
            )
        });
        alt!(3, move |g: &mut Gen| {
            let x = g.expr(ty, e, sc, fx);
            let o = g.expr(&opt(ty.clone()), e, sc, fx);
            format!("(default-to {x} {o})")
        });
        alt!(1, move |g: &mut Gen| {
            let mut fs = g.tuple_fields(1);
            let k = g.c.below(fs.len());
            fs[k].1 = ty.clone();
            let name = fs[k].0.clone();
            format!("(get {name} {})", g.expr(&Tuple(fs), e, sc, fx))
        });
        alt!(1, move |g: &mut Gen| format!(
            "(as-contract {})",
            g.expr(ty, e, sc, fx)
        ));
        // Bind a source (a call, a token operation, a lookup ...) and use it.
        alt!(4, move |g: &mut Gen| {
            let (src, st) = g.source(e, sc, fx);
            let v = g.fresh("x");
            let inner = sc.with(&v, &st);
            let stmts = g.stmts(e, &inner, fx, 1);
            let body = g.expr(ty, e, &inner, fx);
            format!("(let (({v} {src})) {stmts}{body})")
        });
        alt!(3, move |g: &mut Gen| {
            let (src, st) = g.source(e, sc, fx);
            match st {
                Resp(t, er) => {
                    let (a, b) = (g.fresh("ok"), g.fresh("er"));
                    let x = g.expr(ty, e, &sc.with(&a, &t), fx);
                    let y = g.expr(ty, e, &sc.with(&b, &er), fx);
                    format!("(match {src} {a} {x} {b} {y})")
                }
                Opt(t) => {
                    let a = g.fresh("s");
                    let x = g.expr(ty, e, &sc.with(&a, &t), fx);
                    let y = g.expr(ty, e, sc, fx);
                    format!("(match {src} {a} {x} {y})")
                }
                st => {
                    let v = g.fresh("x");
                    let body = g.expr(ty, e, &sc.with(&v, &st), fx);
                    format!("(let (({v} {src})) {body})")
                }
            }
        });
        if let Some(ret) = &fx.ret {
            alt!(1, move |g: &mut Gen| {
                let o = g.expr(&opt(ty.clone()), e, sc, fx);
                format!("(unwrap! {o} {})", g.thrown(e, sc, fx))
            });
            alt!(1, move |g: &mut Gen| {
                let er = g.ty(1);
                let r = g.expr(&resp(ty.clone(), er), e, sc, fx);
                format!("(unwrap! {r} {})", g.thrown(e, sc, fx))
            });
            alt!(1, move |g: &mut Gen| {
                let t = g.ty(1);
                let r = g.expr(&resp(t, ty.clone()), e, sc, fx);
                format!("(unwrap-err! {r} {})", g.thrown(e, sc, fx))
            });
            match ret {
                Resp(_, er) => {
                    let er = (**er).clone();
                    alt!(2, move |g: &mut Gen| format!(
                        "(try! {})",
                        g.expr(&resp(ty.clone(), er), e, sc, fx)
                    ));
                }
                Opt(_) => {
                    alt!(1, move |g: &mut Gen| format!(
                        "(try! {})",
                        g.expr(&opt(ty.clone()), e, sc, fx)
                    ));
                }
                _ => {}
            }
        }
        // Calls whose result is admitted directly.
        let callable = self.callable(sc, fx, Some(ty));
        if !callable.is_empty() {
            alt!(4, move |g: &mut Gen| {
                let f = g.c.pick(&callable);
                g.call(&f, e, sc, fx)
            });
        }
        let dynamic = self.dynamic(sc, fx, Some(ty));
        if !dynamic.is_empty() {
            alt!(4, move |g: &mut Gen| {
                let (t, k, j) = g.c.pick(&dynamic);
                g.dyn_call(&t, k, j, e, sc, fx)
            });
        }
        let statics = self.statics(fx, Some(ty));
        if !statics.is_empty() {
            alt!(3, move |g: &mut Gen| {
                let f = g.c.pick(&statics);
                g.static_call(&f, e, sc, fx)
            });
        }
        alt!(1, move |g: &mut Gen| {
            let h = g.height(e, sc, fx);
            let ro = Fx {
                writes: false,
                ret: fx.ret.clone(),
            };
            let body = g.expr(ty, e, sc, &ro);
            format!("(at-block (unwrap-panic (get-block-info? id-header-hash {h})) {body})")
        });
        let steps: Vec<FnSig> = self
            .w
            .fns
            .iter()
            .filter(|f| f.role == Role::StepHelper && f.ret.fits(ty))
            .cloned()
            .collect();
        if !steps.is_empty() {
            alt!(3, move |g: &mut Gen| {
                let f = g.c.pick(&steps);
                let (a, b) = match (&f.params[0].1, &f.params[1].1) {
                    (PTy::V(a), PTy::V(b)) => (a.clone(), b.clone()),
                    _ => unreachable!("helpers take values"),
                };
                let n = g.list_len();
                let l = g.expr(&list(a, n), e, sc, fx);
                let init = g.expr(&b, e, sc, fx);
                format!("(fold {} {l} {init})", f.name)
            });
        }
    }

    /// `x`, a sequence, as one of at most `n` elements (of type `ty`): with
    /// `as-max-len?`, and a default or a panic when it is longer.
    fn shorten(&mut self, x: String, ty: &Ty, n: u32, e: u32, sc: &Scope, fx: &Fx) -> String {
        if self.c.chance(40) {
            format!("(unwrap-panic (as-max-len? {x} u{n}))")
        } else {
            let d = self.expr(ty, e, sc, fx);
            format!("(default-to {d} (as-max-len? {x} u{n}))")
        }
    }

    fn list_len(&mut self) -> u32 {
        [3, 5, 8, 2, 16, 32, 1][self.c.weighted(&[4, 3, 2, 2, 1, 1, 1])]
    }

    /// Alternatives for the type at hand.
    fn typed_alts<'s>(
        &mut self,
        alts: &mut Vec<Alt<'s>>,
        ty: &'s Ty,
        e: u32,
        sc: &'s Scope,
        fx: &'s Fx,
    ) {
        macro_rules! alt {
            ($w:expr, $f:expr) => {
                alts.push(($w, Box::new($f)))
            };
        }
        match ty {
            Int | UInt => {
                let u = *ty == UInt;
                for op in ["+", "-", "*", "/"] {
                    alt!(2, move |g: &mut Gen| {
                        let n = g.c.range(1, 3);
                        let xs: Vec<String> = (0..n).map(|_| g.expr(ty, e, sc, fx)).collect();
                        format!("({op} {})", xs.join(" "))
                    });
                }
                for op in ["mod", "xor"] {
                    alt!(1, move |g: &mut Gen| {
                        let (a, b) = (g.expr(ty, e, sc, fx), g.expr(ty, e, sc, fx));
                        format!("({op} {a} {b})")
                    });
                }
                alt!(1, move |g: &mut Gen| {
                    let a = g.expr(ty, e, sc, fx);
                    let b = if g.c.chance(70) {
                        format!("{}{}", if u { "u" } else { "" }, g.c.below(6))
                    } else {
                        g.expr(ty, e, sc, fx)
                    };
                    format!("(pow {a} {b})")
                });
                for op in ["sqrti", "log2", "bit-not"] {
                    alt!(1, move |g: &mut Gen| format!(
                        "({op} {})",
                        g.expr(ty, e, sc, fx)
                    ));
                }
                for op in ["bit-and", "bit-or", "bit-xor"] {
                    alt!(1, move |g: &mut Gen| {
                        let n = g.c.range(2, 3);
                        let xs: Vec<String> = (0..n).map(|_| g.expr(ty, e, sc, fx)).collect();
                        format!("({op} {})", xs.join(" "))
                    });
                }
                for op in ["bit-shift-left", "bit-shift-right"] {
                    alt!(1, move |g: &mut Gen| {
                        let a = g.expr(ty, e, sc, fx);
                        let b = if g.c.chance(70) {
                            format!("u{}", g.c.below(130))
                        } else {
                            g.expr(&UInt, e, sc, fx)
                        };
                        format!("({op} {a} {b})")
                    });
                }
                let (conv, from) = if u {
                    ("to-uint", Int)
                } else {
                    ("to-int", UInt)
                };
                alt!(2, move |g: &mut Gen| format!(
                    "({conv} {})",
                    g.expr(&from, e, sc, fx)
                ));
                for end in ["le", "be"] {
                    let w = if u { "uint" } else { "int" };
                    alt!(1, move |g: &mut Gen| {
                        let n = g.c.range(1, 16);
                        format!("(buff-to-{w}-{end} {})", g.expr(&Buff(n), e, sc, fx))
                    });
                }
                alt!(1, move |g: &mut Gen| {
                    let n = g.list_len();
                    let l = g.expr(&list(ty.clone(), n), e, sc, fx);
                    let op = g.c.pick(&["+", "*", "-"]);
                    format!("(fold {op} {l} {})", g.expr(ty, e, sc, fx))
                });
                if u {
                    alt!(2, move |g: &mut Gen| {
                        let t = match g.c.below(4) {
                            0 => Ascii(g.seq_len()),
                            1 => Utf8(g.seq_len()),
                            2 => Buff(g.seq_len()),
                            _ => {
                                let n = g.list_len();
                                list(g.ty(1), n)
                            }
                        };
                        format!("(len {})", g.expr(&t, e, sc, fx))
                    });
                    alt!(2, move |g: &mut Gen| format!(
                        "(stx-get-balance {})",
                        g.principal(e, sc, fx)
                    ));
                    alt!(1, move |g: &mut Gen| {
                        let f = g.c.pick(&["locked", "unlocked", "unlock-height"]);
                        format!("(get {f} (stx-account {}))", g.principal(e, sc, fx))
                    });
                    if !self.w.fts.is_empty() {
                        alt!(2, move |g: &mut Gen| {
                            let (t, _) = g.c.pick(&g.w.fts.clone());
                            format!("(ft-get-balance {t} {})", g.principal(e, sc, fx))
                        });
                        alt!(1, move |g: &mut Gen| {
                            let (t, _) = g.c.pick(&g.w.fts.clone());
                            format!("(ft-get-supply {t})")
                        });
                    }
                }
            }
            Bool => {
                for op in ["<", "<=", ">", ">="] {
                    alt!(2, move |g: &mut Gen| {
                        let u = match g.c.weighted(&[3, 3, 1, 1, 1]) {
                            0 => Int,
                            1 => UInt,
                            2 => Ascii(g.seq_len()),
                            3 => Utf8(g.seq_len()),
                            _ => Buff(g.seq_len()),
                        };
                        let (a, b) = (g.expr(&u, e, sc, fx), g.expr(&u, e, sc, fx));
                        format!("({op} {a} {b})")
                    });
                }
                alt!(3, move |g: &mut Gen| {
                    let u = g.pick_ty(sc, 2);
                    let n = g.c.range(2, 3);
                    let xs: Vec<String> = (0..n).map(|_| g.expr(&u, e, sc, fx)).collect();
                    format!("(is-eq {})", xs.join(" "))
                });
                for op in ["and", "or"] {
                    alt!(2, move |g: &mut Gen| {
                        let n = g.c.range(1, 3);
                        let xs: Vec<String> = (0..n).map(|_| g.expr(&Bool, e, sc, fx)).collect();
                        format!("({op} {})", xs.join(" "))
                    });
                }
                alt!(1, move |g: &mut Gen| format!(
                    "(not {})",
                    g.expr(&Bool, e, sc, fx)
                ));
                for op in ["is-some", "is-none"] {
                    alt!(1, move |g: &mut Gen| {
                        let u = g.pick_opt_inner(sc);
                        format!("({op} {})", g.expr(&opt(u), e, sc, fx))
                    });
                }
                for op in ["is-ok", "is-err"] {
                    alt!(1, move |g: &mut Gen| {
                        let (t, er) = g.pick_resp_inner(sc);
                        format!("({op} {})", g.expr(&resp(t, er), e, sc, fx))
                    });
                }
                alt!(1, move |g: &mut Gen| format!(
                    "(is-standard {})",
                    g.principal(e, sc, fx)
                ));
                alt!(1, move |g: &mut Gen| {
                    let (m, s, k) = if g.c.chance(60) {
                        (
                            SECP_MSG.to_string(),
                            SECP_SIG.to_string(),
                            SECP_KEY.to_string(),
                        )
                    } else {
                        (g.exact_buff(32), g.exact_buff(65), g.exact_buff(33))
                    };
                    format!("(secp256k1-verify {m} {s} {k})")
                });
                if fx.ret.is_some() {
                    alt!(1, move |g: &mut Gen| {
                        let c = g.expr(&Bool, e, sc, fx);
                        format!("(asserts! {c} {})", g.thrown(e, sc, fx))
                    });
                }
                if fx.writes {
                    alt!(3, move |g: &mut Gen| g.write(e, sc, fx));
                }
            }
            Principal => {
                if !sc.trefs.is_empty() {
                    alt!(3, move |g: &mut Gen| {
                        let (t, _) = g.c.pick(&sc.trefs);
                        format!("(contract-of {t})")
                    });
                }
                alt!(1, move |g: &mut Gen| {
                    let (v, h, n) = g.construct_args(e, sc, fx);
                    format!("(unwrap-panic (principal-construct? {v} {h}{n}))")
                });
                alt!(1, move |g: &mut Gen| {
                    let (v, h, n) = g.construct_args(e, sc, fx);
                    let ok = g.fresh("pr");
                    let er = g.fresh("er");
                    let d = g.expr(&Principal, e, &sc.with(&er, &construct_error()), fx);
                    format!("(match (principal-construct? {v} {h}{n}) {ok} {ok} {er} {d})")
                });
                alt!(1, move |g: &mut Gen| {
                    let k = if g.c.chance(70) {
                        SECP_KEY.to_string()
                    } else {
                        g.expr(&Buff(33), e, sc, fx)
                    };
                    format!("(unwrap-panic (principal-of? {k}))")
                });
            }
            Ascii(n) | Utf8(n) | Buff(n) => {
                let n = *n;
                let mk = move |m: u32| match ty {
                    Ascii(_) => Ascii(m),
                    Utf8(_) => Utf8(m),
                    _ => Buff(m),
                };
                if n >= 2 {
                    alt!(3, move |g: &mut Gen| {
                        let a = g.c.range(1, n - 1);
                        let (x, y) = (g.expr(&mk(a), e, sc, fx), g.expr(&mk(n - a), e, sc, fx));
                        format!("(concat {x} {y})")
                    });
                }
                alt!(2, move |g: &mut Gen| {
                    let m = g.c.pick(&[n * 2, 40, n + 1, 64]);
                    let x = g.expr(&mk(m), e, sc, fx);
                    g.shorten(x, &mk(n), n, e, sc, fx)
                });
                match ty {
                    Ascii(_) | Utf8(_) if n >= 40 => {
                        let w = if matches!(ty, Ascii(_)) {
                            "int-to-ascii"
                        } else {
                            "int-to-utf8"
                        };
                        alt!(3, move |g: &mut Gen| {
                            let t = if g.c.chance(50) { Int } else { UInt };
                            format!("({w} {})", g.expr(&t, e, sc, fx))
                        });
                    }
                    Buff(_) => {
                        let mut hashes = vec![];
                        if n >= 32 {
                            hashes.extend(["sha256", "keccak256", "sha512/256"]);
                        }
                        if n >= 64 {
                            hashes.push("sha512");
                        }
                        if n >= 20 {
                            hashes.push("hash160");
                        }
                        for h in hashes {
                            alt!(2, move |g: &mut Gen| {
                                let t = match g.c.below(3) {
                                    0 => Buff(g.seq_len()),
                                    1 => Int,
                                    _ => UInt,
                                };
                                format!("({h} {})", g.expr(&t, e, sc, fx))
                            });
                        }
                        if n >= 20 {
                            alt!(1, move |g: &mut Gen| format!(
                                "(get hash-bytes (unwrap-panic (principal-destruct? {})))",
                                g.principal(e, sc, fx)
                            ));
                        }
                        alt!(1, move |g: &mut Gen| format!(
                            "(get version (unwrap-panic (principal-destruct? {})))",
                            g.principal(e, sc, fx)
                        ));
                        if n >= 33 {
                            alt!(1, move |g: &mut Gen| {
                                let (m, s) = g.secp_args();
                                format!("(unwrap-panic (secp256k1-recover? {m} {s}))")
                            });
                        }
                        alt!(2, move |g: &mut Gen| {
                            let u = g.serializable_ty(sc);
                            let b = format!("(to-consensus-buff? {})", g.expr(&u, e, sc, fx));
                            if u.max_serialized() <= n {
                                format!("(unwrap-panic {b})")
                            } else {
                                g.shorten(format!("(unwrap-panic {b})"), &Buff(n), n, e, sc, fx)
                            }
                        });
                    }
                    _ => {}
                }
            }
            List(t, n) => {
                let n = *n;
                let t: &'s Ty = t;
                alt!(6, move |g: &mut Gen| {
                    let k = g.c.range(1, n.min(4));
                    let xs: Vec<String> = (0..k).map(|_| g.expr(t, e, sc, fx)).collect();
                    format!("(list {})", xs.join(" "))
                });
                alt!(2, move |g: &mut Gen| {
                    let c = g.expr(&Bool, e, sc, fx);
                    let x = g.expr(t, e, sc, fx);
                    format!("(if {c} (list {x}) (list))")
                });
                if n >= 2 {
                    alt!(3, move |g: &mut Gen| {
                        let a = g.c.range(1, n - 1);
                        let x = g.expr(&list(t.clone(), a), e, sc, fx);
                        let y = g.expr(&list(t.clone(), n - a), e, sc, fx);
                        format!("(concat {x} {y})")
                    });
                    alt!(3, move |g: &mut Gen| {
                        let x = g.expr(&list(t.clone(), n - 1), e, sc, fx);
                        format!("(append {x} {})", g.expr(t, e, sc, fx))
                    });
                }
                alt!(1, move |g: &mut Gen| {
                    let m = g.c.pick(&[n * 2, n + 1]);
                    let x = g.expr(&list(t.clone(), m), e, sc, fx);
                    g.shorten(x, &list(t.clone(), n), n, e, sc, fx)
                });
                let mappers: Vec<FnSig> = self
                    .w
                    .fns
                    .iter()
                    .filter(|f| f.role == Role::MapHelper && f.ret.fits(t))
                    .cloned()
                    .collect();
                if !mappers.is_empty() {
                    alt!(4, move |g: &mut Gen| {
                        let f = g.c.pick(&mappers);
                        let PTy::V(a) = &f.params[0].1 else {
                            unreachable!("helpers take values")
                        };
                        let l = g.expr(&list(a.clone(), n), e, sc, fx);
                        format!("(map {} {l})", f.name)
                    });
                }
                // A two-argument helper over two lists, either possibly empty (a user
                // function then fails with `IncorrectArgumentCount` in clarity-vm).
                let steppers: Vec<FnSig> = self
                    .w
                    .fns
                    .iter()
                    .filter(|f| f.role == Role::StepHelper && f.ret.fits(t))
                    .cloned()
                    .collect();
                if !steppers.is_empty() {
                    alt!(1, move |g: &mut Gen| {
                        let f = g.c.pick(&steppers);
                        let (PTy::V(a), PTy::V(r)) = (&f.params[0].1, &f.params[1].1) else {
                            unreachable!("helpers take values")
                        };
                        let xs = g.expr(&list(a.clone(), n), e, sc, fx);
                        let m = g.list_len();
                        let ys = g.expr(&list(r.clone(), m), e, sc, fx);
                        format!("(map {} {xs} {ys})", f.name)
                    });
                }
                let preds: Vec<FnSig> = self
                    .w
                    .fns
                    .iter()
                    .filter(|f| {
                        f.role == Role::PredHelper
                            && matches!(&f.params[0].1, PTy::V(a) if t.fits(a))
                    })
                    .cloned()
                    .collect();
                if !preds.is_empty() {
                    alt!(4, move |g: &mut Gen| {
                        let f = g.c.pick(&preds);
                        let l = g.expr(&list(t.clone(), n), e, sc, fx);
                        format!("(filter {} {l})", f.name)
                    });
                }
                match t {
                    Int | UInt => {
                        // Over two or three lists, any of them possibly empty (clarity-vm
                        // then still applies the function to the others).
                        alt!(2, move |g: &mut Gen| {
                            let op = g.c.pick(&["+", "-", "*"]);
                            let k = g.c.range(2, 3);
                            // The first list bounds the result's length.
                            let ls: Vec<String> = (0..k)
                                .map(|j| {
                                    let m = if j == 0 { n } else { g.list_len() };
                                    g.expr(&list(t.clone(), m), e, sc, fx)
                                })
                                .collect();
                            format!("(map {op} {})", ls.join(" "))
                        });
                        let (conv, from) = if *t == Int {
                            ("to-int", UInt)
                        } else {
                            ("to-uint", Int)
                        };
                        alt!(1, move |g: &mut Gen| format!(
                            "(map {conv} {})",
                            g.expr(&list(from.clone(), n), e, sc, fx)
                        ));
                    }
                    Bool => {
                        alt!(1, move |g: &mut Gen| format!(
                            "(map not {})",
                            g.expr(&list(Bool, n), e, sc, fx)
                        ));
                        alt!(1, move |g: &mut Gen| format!(
                            "(filter not {})",
                            g.expr(&list(Bool, n), e, sc, fx)
                        ));
                    }
                    Buff(m) if *m >= 32 => {
                        alt!(1, move |g: &mut Gen| {
                            let h = g.c.pick(&["sha256", "keccak256"]);
                            format!("(map {h} {})", g.expr(&list(UInt, n), e, sc, fx))
                        });
                    }
                    _ => {}
                }
            }
            Opt(t) => {
                let t: &'s Ty = t;
                alt!(4, move |g: &mut Gen| format!(
                    "(some {})",
                    g.expr(t, e, sc, fx)
                ));
                alt!(3, move |g: &mut Gen| {
                    let c = g.expr(&Bool, e, sc, fx);
                    let x = g.expr(t, e, sc, fx);
                    if g.c.chance(50) {
                        format!("(if {c} none (some {x}))")
                    } else {
                        format!("(if {c} (some {x}) none)")
                    }
                });
                let maps: Vec<(String, Ty, Ty)> = self
                    .w
                    .maps
                    .iter()
                    .filter(|(_, _, v)| v.fits(t))
                    .cloned()
                    .collect();
                if !maps.is_empty() {
                    alt!(4, move |g: &mut Gen| {
                        let (m, k, _) = g.c.pick(&maps);
                        format!("(map-get? {m} {})", g.key(&k, e, sc, fx))
                    });
                }
                alt!(2, move |g: &mut Gen| {
                    let n = g.list_len();
                    let l = g.expr(&list(t.clone(), n), e, sc, fx);
                    let w = if g.c.chance(20) {
                        "element-at"
                    } else {
                        "element-at?"
                    };
                    format!("({w} {l} {})", g.index(e, sc, fx))
                });
                alt!(2, move |g: &mut Gen| {
                    let b = match g.c.below(3) {
                        0 if !t.has_principal() => format!(
                            "(unwrap-panic (to-consensus-buff? {}))",
                            g.expr(t, e, sc, fx)
                        ),
                        1 => {
                            let u = g.serializable_ty(sc);
                            format!(
                                "(unwrap-panic (to-consensus-buff? {}))",
                                g.expr(&u, e, sc, fx)
                            )
                        }
                        _ => {
                            let n = g.seq_len();
                            g.expr(&Buff(n), e, sc, fx)
                        }
                    };
                    format!("(from-consensus-buff? {} {b})", t.decl())
                });
                match t {
                    Ascii(n) | Utf8(n) | Buff(n) => {
                        let n = *n;
                        let mk = move |m: u32| match t {
                            Ascii(_) => Ascii(m),
                            Utf8(_) => Utf8(m),
                            _ => Buff(m),
                        };
                        alt!(2, move |g: &mut Gen| {
                            let x = g.expr(&mk(n), e, sc, fx);
                            let (i, j) = (g.index(e, sc, fx), g.index(e, sc, fx));
                            format!("(slice? {x} {i} {j})")
                        });
                        alt!(2, move |g: &mut Gen| {
                            let x = g.expr(&mk(n), e, sc, fx);
                            let i = g.index(e, sc, fx);
                            format!("(replace-at? {x} {i} {})", g.expr(&mk(1), e, sc, fx))
                        });
                        alt!(2, move |g: &mut Gen| {
                            let m = g.c.pick(&[n * 2, n, 40]);
                            let x = g.expr(&mk(m), e, sc, fx);
                            format!("(as-max-len? {x} u{n})")
                        });
                        alt!(1, move |g: &mut Gen| {
                            let m = g.seq_len();
                            let x = g.expr(&mk(m), e, sc, fx);
                            let w = if g.c.chance(20) {
                                "element-at"
                            } else {
                                "element-at?"
                            };
                            format!("({w} {x} {})", g.index(e, sc, fx))
                        });
                        if let Buff(_) = t {
                            alt!(2, move |g: &mut Gen| {
                                let u = g.serializable_ty(sc);
                                if u.max_serialized() <= n {
                                    format!("(to-consensus-buff? {})", g.expr(&u, e, sc, fx))
                                } else {
                                    format!(
                                        "(as-max-len? (unwrap-panic (to-consensus-buff? {})) u{n})",
                                        g.expr(&u, e, sc, fx)
                                    )
                                }
                            });
                            if n >= 32 {
                                alt!(2, move |g: &mut Gen| {
                                    let p = g.c.pick(&[
                                        "id-header-hash",
                                        "header-hash",
                                        "burnchain-header-hash",
                                        "vrf-seed",
                                    ]);
                                    format!("(get-block-info? {p} {})", g.height(e, sc, fx))
                                });
                                alt!(1, move |g: &mut Gen| format!(
                                    "(get-burn-block-info? header-hash {})",
                                    g.height(e, sc, fx)
                                ));
                            }
                        }
                        if let Ascii(_) = t {
                            if n >= 40 {
                                alt!(1, move |g: &mut Gen| format!(
                                    "(get name (unwrap-panic (principal-destruct? {})))",
                                    g.principal(e, sc, fx)
                                ));
                            }
                        }
                    }
                    List(u, n) => {
                        let n = *n;
                        let u: &'s Ty = u;
                        alt!(2, move |g: &mut Gen| {
                            let x = g.expr(&list(u.clone(), n), e, sc, fx);
                            let (i, j) = (g.index(e, sc, fx), g.index(e, sc, fx));
                            format!("(slice? {x} {i} {j})")
                        });
                        alt!(2, move |g: &mut Gen| {
                            let m = g.c.pick(&[n * 2, n, n + 3]);
                            let x = g.expr(&list(u.clone(), m), e, sc, fx);
                            format!("(as-max-len? {x} u{n})")
                        });
                        if u.exact() {
                            alt!(2, move |g: &mut Gen| {
                                let x = g.expr(&list(u.clone(), n), e, sc, fx);
                                let i = g.index(e, sc, fx);
                                format!("(replace-at? {x} {i} {})", g.expr(u, e, sc, fx))
                            });
                        }
                    }
                    UInt => {
                        alt!(2, move |g: &mut Gen| {
                            let w = if g.c.chance(20) {
                                "index-of"
                            } else {
                                "index-of?"
                            };
                            if g.c.chance(50) {
                                let u = match g.c.below(4) {
                                    0 => Int,
                                    1 => UInt,
                                    2 => Bool,
                                    _ => opt(Int),
                                };
                                let n = g.list_len();
                                let l = g.expr(&list(u.clone(), n), e, sc, fx);
                                format!("({w} {l} {})", g.expr(&u, e, sc, fx))
                            } else {
                                let (s, c) = match g.c.below(3) {
                                    0 => (Ascii(g.seq_len()), Ascii(1)),
                                    1 => (Utf8(g.seq_len()), Utf8(1)),
                                    _ => (Buff(g.seq_len()), Buff(1)),
                                };
                                let x = g.expr(&s, e, sc, fx);
                                format!("({w} {x} {})", g.expr(&c, e, sc, fx))
                            }
                        });
                        alt!(2, move |g: &mut Gen| {
                            let s = if g.c.chance(70) {
                                Ascii(g.seq_len())
                            } else {
                                Utf8(g.seq_len())
                            };
                            format!("(string-to-uint? {})", g.expr(&s, e, sc, fx))
                        });
                        alt!(1, move |g: &mut Gen| {
                            let p = g.c.pick(&[
                                "time",
                                "block-reward",
                                "miner-spend-total",
                                "miner-spend-winner",
                            ]);
                            format!("(get-block-info? {p} {})", g.height(e, sc, fx))
                        });
                    }
                    Int => {
                        alt!(2, move |g: &mut Gen| {
                            let s = if g.c.chance(70) {
                                Ascii(g.seq_len())
                            } else {
                                Utf8(g.seq_len())
                            };
                            format!("(string-to-int? {})", g.expr(&s, e, sc, fx))
                        });
                    }
                    Principal => {
                        let nfts: Vec<(String, Ty)> = self.w.nfts.clone();
                        if !nfts.is_empty() {
                            alt!(3, move |g: &mut Gen| {
                                let (n, k) = g.c.pick(&nfts);
                                format!("(nft-get-owner? {n} {})", g.key(&k, e, sc, fx))
                            });
                        }
                        alt!(1, move |g: &mut Gen| format!(
                            "(get-block-info? miner-address {})",
                            g.height(e, sc, fx)
                        ));
                    }
                    _ => {}
                }
            }
            Resp(t, er) => {
                let t: &'s Ty = t;
                let er: &'s Ty = er;
                alt!(6, move |g: &mut Gen| {
                    let c = g.expr(&Bool, e, sc, fx);
                    let (x, y) = (g.expr(t, e, sc, fx), g.expr(er, e, sc, fx));
                    if g.c.chance(50) {
                        format!("(if {c} (err {y}) (ok {x}))")
                    } else {
                        format!("(if {c} (ok {x}) (err {y}))")
                    }
                });
                if fx.writes && Bool.fits(t) && UInt.fits(er) {
                    alt!(6, move |g: &mut Gen| g.token_op(e, sc, fx));
                }
                if destruct_tuple().fits(t) && destruct_tuple().fits(er) {
                    alt!(3, move |g: &mut Gen| format!(
                        "(principal-destruct? {})",
                        g.principal(e, sc, fx)
                    ));
                }
                if Principal.fits(t) && construct_error().fits(er) {
                    alt!(3, move |g: &mut Gen| {
                        let (v, h, n) = g.construct_args(e, sc, fx);
                        format!("(principal-construct? {v} {h}{n})")
                    });
                }
                if Principal.fits(t) && UInt.fits(er) {
                    alt!(1, move |g: &mut Gen| {
                        let k = if g.c.chance(70) {
                            SECP_KEY.to_string()
                        } else {
                            g.expr(&Buff(33), e, sc, fx)
                        };
                        format!("(principal-of? {k})")
                    });
                }
                if Buff(33).fits(t) && UInt.fits(er) {
                    alt!(2, move |g: &mut Gen| {
                        let (m, s) = g.secp_args();
                        format!("(secp256k1-recover? {m} {s})")
                    });
                }
            }
            Tuple(fs) => {
                let fs: &'s Vec<(String, Ty)> = fs;
                alt!(6, move |g: &mut Gen| {
                    let parts: Vec<(String, String)> = fs
                        .iter()
                        .map(|(n, t)| (n.clone(), g.expr(t, e, sc, fx)))
                        .collect();
                    if g.c.chance(50) {
                        let p: Vec<String> =
                            parts.iter().map(|(n, x)| format!("{n}: {x}")).collect();
                        format!("{{{}}}", p.join(", "))
                    } else {
                        let p: Vec<String> =
                            parts.iter().map(|(n, x)| format!("({n} {x})")).collect();
                        format!("(tuple {})", p.join(" "))
                    }
                });
                alt!(2, move |g: &mut Gen| {
                    // The first tuple has every field (those overridden of any type), the
                    // second a non-empty subset.
                    let k = g.c.range(1, fs.len() as u32) as usize;
                    let second: Vec<(String, Ty)> = fs[fs.len() - k..].to_vec();
                    let first: Vec<(String, Ty)> = fs
                        .iter()
                        .enumerate()
                        .map(|(i, (n, t))| {
                            if i >= fs.len() - k && g.c.chance(50) {
                                (n.clone(), g.ty(1))
                            } else {
                                (n.clone(), t.clone())
                            }
                        })
                        .collect();
                    let a = g.expr(&Tuple(first), e, sc, fx);
                    let b = g.expr(&Tuple(second), e, sc, fx);
                    format!("(merge {a} {b})")
                });
                if account_tuple().fits(ty) {
                    alt!(3, move |g: &mut Gen| format!(
                        "(stx-account {})",
                        g.principal(e, sc, fx)
                    ));
                }
            }
        }
    }

    fn construct_args(&mut self, e: u32, sc: &Scope, fx: &Fx) -> (String, String, String) {
        let v = if self.c.chance(80) {
            let versions = ["0x1a", "0x15", "0x16", "0x00", "0x1f", "0x20", "0x1b"];
            versions[self.c.weighted(&[6, 1, 1, 1, 1, 1, 1])].to_string()
        } else {
            self.expr(&Buff(1), e, sc, fx)
        };
        let h = if self.c.chance(60) {
            DEPLOYER_HASH.to_string()
        } else {
            self.expr(&Buff(20), e, sc, fx)
        };
        let n = match self.c.weighted(&[3, 2, 1]) {
            0 => String::new(),
            1 => format!(
                " {}",
                self.c
                    .pick(&["\"main\"", "\"impl-a\"", "\"x\"", "\"\"", "\"no way\""])
            ),
            _ => format!(" {}", self.expr(&Ascii(40), e, sc, fx)),
        };
        (v, h, n)
    }

    fn secp_args(&mut self) -> (String, String) {
        if self.c.chance(60) {
            (SECP_MSG.to_string(), SECP_SIG.to_string())
        } else {
            (self.exact_buff(32), self.exact_buff(65))
        }
    }

    /// A buffer literal of exactly `n` bytes.
    fn exact_buff(&mut self, n: u32) -> String {
        let hex: String = (0..n)
            .map(|_| format!("{:02x}", self.c.raw() as u8))
            .collect();
        format!("0x{hex}")
    }

    /// A block height: mostly small literals (the chain is short).
    fn height(&mut self, e: u32, sc: &Scope, fx: &Fx) -> String {
        match self.c.weighted(&[6, 2, 1, 1]) {
            0 => format!("u{}", self.c.below(4)),
            1 => "block-height".into(),
            2 => "(- block-height u1)".into(),
            _ => self.expr(&UInt, e, sc, fx),
        }
    }

    /// A sequence index: mostly small.
    fn index(&mut self, e: u32, sc: &Scope, fx: &Fx) -> String {
        if self.c.chance(25) {
            self.expr(&UInt, e, sc, fx)
        } else {
            format!("u{}", self.c.below(5))
        }
    }

    /// A principal: mostly a literal or keyword.
    fn principal(&mut self, e: u32, sc: &Scope, fx: &Fx) -> String {
        if self.c.chance(30) {
            self.expr(&Principal, e, sc, fx)
        } else {
            self.principal_lit()
        }
    }

    /// A token amount: mostly small.
    fn amount(&mut self, e: u32, sc: &Scope, fx: &Fx) -> String {
        match self.c.weighted(&[6, 2, 1]) {
            0 => format!("u{}", self.c.range(1, 300)),
            1 => self.expr(&UInt, e, sc, fx),
            _ => format!("u{}", self.uint_lit()),
        }
    }

    /// A map key or token id: mostly from a small domain.
    fn key(&mut self, ty: &Ty, e: u32, sc: &Scope, fx: &Fx) -> String {
        if self.c.chance(35) {
            self.expr(ty, e, sc, fx)
        } else {
            self.small_literal(ty)
        }
    }

    /// A value thrown by `unwrap! asserts!` ...: of the function's return type.
    fn thrown(&mut self, e: u32, sc: &Scope, fx: &Fx) -> String {
        let ret = fx.ret.clone().expect("inside a function");
        match &ret {
            Resp(_, er) if self.c.chance(80) => format!("(err {})", self.expr(er, e, sc, fx)),
            Opt(t) if self.c.chance(30) => {
                // `none`, determinate through the if.
                let x = self.expr(t, e, sc, fx);
                format!("(if false (some {x}) none)")
            }
            _ => self.expr(&ret, e, sc, fx),
        }
    }

    /// A write: `var-set map-set map-insert map-delete` (a bool).
    fn write(&mut self, e: u32, sc: &Scope, fx: &Fx) -> String {
        let nv = self.w.vars.len();
        let nm = self.w.maps.len();
        if nv + nm == 0 {
            return self.expr(&Bool, e, sc, fx);
        }
        match self.c.weighted(&[
            if nv > 0 { 4 } else { 0 },
            if nm > 0 { 3 } else { 0 },
            if nm > 0 { 2 } else { 0 },
            if nm > 0 { 1 } else { 0 },
        ]) {
            0 => {
                let (v, t) = self.c.pick(&self.w.vars.clone());
                format!("(var-set {v} {})", self.expr(&t, e, sc, fx))
            }
            i => {
                let (m, k, v) = self.c.pick(&self.w.maps.clone());
                let key = self.key(&k, e, sc, fx);
                match i {
                    1 => format!("(map-set {m} {key} {})", self.expr(&v, e, sc, fx)),
                    2 => format!("(map-insert {m} {key} {})", self.expr(&v, e, sc, fx)),
                    _ => format!("(map-delete {m} {key})"),
                }
            }
        }
    }

    /// An asset operation: `(response bool uint)`.
    fn token_op(&mut self, e: u32, sc: &Scope, fx: &Fx) -> String {
        let has_ft = !self.w.fts.is_empty();
        let has_nft = !self.w.nfts.is_empty();
        let i = self.c.weighted(&[
            4,
            1,
            1,
            if has_ft { 3 } else { 0 },
            if has_ft { 3 } else { 0 },
            if has_ft { 2 } else { 0 },
            if has_nft { 3 } else { 0 },
            if has_nft { 3 } else { 0 },
            if has_nft { 2 } else { 0 },
        ]);
        let op = match i {
            0 => {
                let a = self.amount(e, sc, fx);
                let (s, r) = (self.sender(e, sc, fx), self.principal(e, sc, fx));
                format!("(stx-transfer? {a} {s} {r})")
            }
            1 => {
                let a = self.amount(e, sc, fx);
                let (s, r) = (self.sender(e, sc, fx), self.principal(e, sc, fx));
                let memo = self.expr(&Buff(34), e, sc, fx);
                format!("(stx-transfer-memo? {a} {s} {r} {memo})")
            }
            2 => {
                let a = self.amount(e, sc, fx);
                format!("(stx-burn? {a} {})", self.sender(e, sc, fx))
            }
            3..=5 => {
                let (t, _) = self.c.pick(&self.w.fts.clone());
                let a = self.amount(e, sc, fx);
                match i {
                    3 => format!("(ft-mint? {t} {a} {})", self.principal(e, sc, fx)),
                    4 => {
                        let (s, r) = (self.sender(e, sc, fx), self.principal(e, sc, fx));
                        format!("(ft-transfer? {t} {a} {s} {r})")
                    }
                    _ => format!("(ft-burn? {t} {a} {})", self.sender(e, sc, fx)),
                }
            }
            _ => {
                let (t, k) = self.c.pick(&self.w.nfts.clone());
                let key = self.key(&k, e, sc, fx);
                match i {
                    6 => format!("(nft-mint? {t} {key} {})", self.principal(e, sc, fx)),
                    7 => {
                        let (s, r) = (self.sender(e, sc, fx), self.principal(e, sc, fx));
                        format!("(nft-transfer? {t} {key} {s} {r})")
                    }
                    _ => format!("(nft-burn? {t} {key} {})", self.sender(e, sc, fx)),
                }
            }
        };
        if self.c.chance(15) {
            format!("(as-contract {op})")
        } else {
            op
        }
    }

    /// The sender of a transfer: mostly `tx-sender`.
    fn sender(&mut self, e: u32, sc: &Scope, fx: &Fx) -> String {
        if self.c.chance(25) {
            self.principal(e, sc, fx)
        } else {
            "tx-sender".into()
        }
    }

    /// Functions of this contract callable here, returning a type admitted by `ty` if
    /// given, whose trait parameters can be passed.
    fn callable(&self, sc: &Scope, fx: &Fx, ty: Option<&Ty>) -> Vec<FnSig> {
        self.w
            .fns
            .iter()
            .filter(|f| {
                (fx.writes || (!f.writes && f.kind != Kind::Public))
                    && ty.is_none_or(|t| f.ret.fits(t))
                    && f.params.iter().all(|(_, p)| match p {
                        PTy::V(_) => true,
                        PTy::Trait(k) => sc.trefs.iter().any(|(_, j)| j == k),
                    })
            })
            .cloned()
            .collect()
    }

    /// Dynamic calls possible here: (trait reference, trait, function).
    fn dynamic(&self, sc: &Scope, fx: &Fx, ty: Option<&Ty>) -> Vec<(String, usize, usize)> {
        if !fx.writes {
            return vec![];
        }
        let mut out = vec![];
        for (t, k) in &sc.trefs {
            for (j, f) in self.w.traits[*k].fns.iter().enumerate() {
                if ty.is_none_or(|ty| f.ret.fits(ty)) {
                    out.push((t.clone(), *k, j));
                }
            }
        }
        out
    }

    fn statics(&self, fx: &Fx, ty: Option<&Ty>) -> Vec<ExtFn> {
        self.w
            .externals
            .iter()
            .filter(|f| (fx.writes || f.read_only) && ty.is_none_or(|t| f.ret.fits(t)))
            .cloned()
            .collect()
    }

    fn args(&mut self, params: &[(String, PTy)], e: u32, sc: &Scope, fx: &Fx) -> String {
        let mut out = String::new();
        for (_, p) in params {
            out.push(' ');
            match p {
                PTy::V(t) => out += &self.expr(t, e, sc, fx),
                PTy::Trait(k) => {
                    let refs: Vec<String> = sc
                        .trefs
                        .iter()
                        .filter(|(_, j)| j == k)
                        .map(|(n, _)| n.clone())
                        .collect();
                    out += &self.c.pick(&refs);
                }
            }
        }
        out
    }

    fn call(&mut self, f: &FnSig, e: u32, sc: &Scope, fx: &Fx) -> String {
        let args = self.args(&f.params, e, sc, fx);
        format!("({}{args})", f.name)
    }

    fn dyn_call(&mut self, t: &str, k: usize, j: usize, e: u32, sc: &Scope, fx: &Fx) -> String {
        let f = self.w.traits[k].fns[j].clone();
        let mut args = String::new();
        for a in &f.args {
            args += &format!(" {}", self.expr(a, e, sc, fx));
        }
        format!("(contract-call? {t} {}{args})", f.name)
    }

    fn static_call(&mut self, f: &ExtFn, e: u32, sc: &Scope, fx: &Fx) -> String {
        let mut args = String::new();
        for a in &f.args {
            args += &format!(" {}", self.expr(a, e, sc, fx));
        }
        format!("(contract-call? .{} {}{args})", f.contract, f.name)
    }

    /// An expression worth binding, with (a bound of) its type.
    fn source(&mut self, e: u32, sc: &Scope, fx: &Fx) -> (String, Ty) {
        let mut alts: Vec<SrcAlt> = vec![];
        macro_rules! alt {
            ($w:expr, $f:expr) => {
                alts.push(($w, Box::new($f)))
            };
        }
        alt!(2, move |g: &mut Gen| {
            let u = g.pick_ty(sc, 2);
            (g.expr(&u, e, sc, fx), u)
        });
        let callable = self.callable(sc, fx, None);
        if !callable.is_empty() {
            alt!(8, move |g: &mut Gen| {
                let f = g.c.pick(&callable);
                (g.call(&f, e, sc, fx), f.ret.clone())
            });
        }
        let dynamic = self.dynamic(sc, fx, None);
        if !dynamic.is_empty() {
            alt!(8, move |g: &mut Gen| {
                let (t, k, j) = g.c.pick(&dynamic);
                let ret = g.w.traits[k].fns[j].ret.clone();
                (g.dyn_call(&t, k, j, e, sc, fx), ret)
            });
        }
        if !sc.trefs.is_empty() {
            alt!(2, move |g: &mut Gen| {
                let (t, _) = g.c.pick(&sc.trefs);
                (format!("(contract-of {t})"), Principal)
            });
        }
        let statics = self.statics(fx, None);
        if !statics.is_empty() {
            alt!(5, move |g: &mut Gen| {
                let f = g.c.pick(&statics);
                (g.static_call(&f, e, sc, fx), f.ret.clone())
            });
        }
        if fx.writes {
            alt!(5, |g: &mut Gen| (g.token_op(e, sc, fx), resp(Bool, UInt)));
        }
        if !self.w.maps.is_empty() {
            alt!(3, move |g: &mut Gen| {
                let (m, k, v) = g.c.pick(&g.w.maps.clone());
                (format!("(map-get? {m} {})", g.key(&k, e, sc, fx)), opt(v))
            });
        }
        alt!(1, move |g: &mut Gen| {
            (
                format!("(principal-destruct? {})", g.principal(e, sc, fx)),
                resp(destruct_tuple(), destruct_tuple()),
            )
        });
        alt!(1, move |g: &mut Gen| {
            (
                format!("(stx-account {})", g.principal(e, sc, fx)),
                account_tuple(),
            )
        });
        alt!(1, move |g: &mut Gen| {
            let u = g.serializable_ty(sc);
            let n = u.max_serialized();
            (
                format!("(to-consensus-buff? {})", g.expr(&u, e, sc, fx)),
                opt(Buff(n)),
            )
        });
        alt!(1, move |g: &mut Gen| {
            let u = g.pick_ty(sc, 1);
            let n = g.list_len();
            let l = g.expr(&list(u.clone(), n), e, sc, fx);
            (format!("(element-at? {l} {})", g.index(e, sc, fx)), opt(u))
        });
        // The helpers, through `map`, `filter` and `fold`.
        let helpers: Vec<FnSig> = self
            .w
            .fns
            .iter()
            .filter(|f| f.role != Role::Plain)
            .cloned()
            .collect();
        if !helpers.is_empty() {
            alt!(6, move |g: &mut Gen| {
                let f = g.c.pick(&helpers);
                let n = g.list_len();
                let param = |i: usize| match &f.params[i].1 {
                    PTy::V(t) => t.clone(),
                    PTy::Trait(_) => unreachable!("helpers take values"),
                };
                let l = g.expr(&list(param(0), n), e, sc, fx);
                match f.role {
                    Role::MapHelper => (format!("(map {} {l})", f.name), list(f.ret.clone(), n)),
                    Role::PredHelper => (format!("(filter {} {l})", f.name), list(param(0), n)),
                    _ => {
                        let init = g.expr(&param(1), e, sc, fx);
                        (format!("(fold {} {l} {init})", f.name), f.ret.clone())
                    }
                }
            });
        }
        alt!(2, move |g: &mut Gen| {
            let (h, n) = g.c.pick(&[
                ("sha256", 32),
                ("sha512", 64),
                ("sha512/256", 32),
                ("keccak256", 32),
                ("hash160", 20),
            ]);
            let t = match g.c.below(3) {
                0 => {
                    let n = g.seq_len();
                    Buff(n)
                }
                1 => Int,
                _ => UInt,
            };
            (format!("({h} {})", g.expr(&t, e, sc, fx)), Buff(n))
        });
        alt!(1, move |g: &mut Gen| {
            let (m, s) = g.secp_args();
            (
                format!("(secp256k1-recover? {m} {s})"),
                resp(Buff(33), UInt),
            )
        });
        alt!(1, move |g: &mut Gen| {
            let h = g.height(e, sc, fx);
            let (p, t) = g.c.pick(&[
                ("id-header-hash", Buff(32)),
                ("header-hash", Buff(32)),
                ("vrf-seed", Buff(32)),
                ("time", UInt),
                ("miner-address", Principal),
                ("block-reward", UInt),
            ]);
            (format!("(get-block-info? {p} {h})"), opt(t))
        });
        alt!(1, move |g: &mut Gen| {
            let h = g.height(e, sc, fx);
            (
                format!("(get-burn-block-info? header-hash {h})"),
                opt(Buff(32)),
            )
        });
        if !self.w.nfts.is_empty() {
            alt!(1, move |g: &mut Gen| {
                let (n, k) = g.c.pick(&g.w.nfts.clone());
                (
                    format!("(nft-get-owner? {n} {})", g.key(&k, e, sc, fx)),
                    opt(Principal),
                )
            });
        }
        let weights: Vec<u32> = alts.iter().map(|a| a.0).collect();
        let i = self.c.weighted(&weights);
        let f = alts.swap_remove(i).1;
        f(self)
    }

    /// A statement making a dynamic call through a trait reference in scope, if any.
    fn dyn_stmt(&mut self, e: u32, sc: &Scope, fx: &Fx) -> Option<String> {
        let dynamic = self.dynamic(sc, fx, None);
        if dynamic.is_empty() {
            return None;
        }
        let (t, k, j) = self.c.pick(&dynamic);
        let ret = self.w.traits[k].fns[j].ret.clone();
        let call = self.dyn_call(&t, k, j, e, sc, fx);
        Some(self.consume(call, &ret, e, sc, fx))
    }

    /// Up to `max` statements (never responses), each followed by a space.
    fn stmts(&mut self, e: u32, sc: &Scope, fx: &Fx, max: u32) -> String {
        let n = self.c.range(0, max);
        let mut out = String::new();
        for _ in 0..n {
            out += &self.stmt(e, sc, fx);
            out.push(' ');
        }
        out
    }

    /// An expression evaluated for its effect: never a response.
    fn stmt(&mut self, e: u32, sc: &Scope, fx: &Fx) -> String {
        let can_write = fx.writes && !(self.w.vars.is_empty() && self.w.maps.is_empty());
        match self.c.weighted(&[
            1,
            if can_write { 5 } else { 0 },
            if fx.writes { 4 } else { 0 },
            4,
            2,
            if fx.ret.is_some() { 2 } else { 0 },
        ]) {
            0 => {
                let mut u = self.pick_ty(sc, 1);
                if u.is_resp() {
                    u = Bool;
                }
                self.expr(&u, e, sc, fx)
            }
            1 => self.write(e, sc, fx),
            2 => {
                let op = self.token_op(e, sc, fx);
                self.consume(op, &resp(Bool, UInt), e, sc, fx)
            }
            3 => {
                let (src, st) = self.source(e, sc, fx);
                self.consume(src, &st, e, sc, fx)
            }
            4 => {
                let mut u = self.pick_ty(sc, 2);
                if u.is_resp() {
                    u = Bool;
                }
                format!("(print {})", self.expr(&u, e, sc, fx))
            }
            _ => {
                let c = self.expr(&Bool, e, sc, fx);
                format!("(asserts! {c} {})", self.thrown(e, sc, fx))
            }
        }
    }

    /// Turn `src` of type `st` into a statement (not a response).
    fn consume(&mut self, src: String, st: &Ty, e: u32, sc: &Scope, fx: &Fx) -> String {
        let Resp(t, er) = st else {
            return src;
        };
        let try_ok = matches!(&fx.ret, Some(Resp(_, fe)) if er.fits(fe)) && !t.is_resp();
        match self.c.weighted(&[
            3,
            1,
            if try_ok { 4 } else { 0 },
            if fx.ret.is_some() && !t.is_resp() {
                2
            } else {
                0
            },
            if t.is_resp() { 0 } else { 1 },
            2,
        ]) {
            0 => format!("(is-ok {src})"),
            1 => format!("(is-err {src})"),
            2 => format!("(try! {src})"),
            3 => format!("(unwrap! {src} {})", self.thrown(e, sc, fx)),
            4 => format!("(unwrap-panic {src})"),
            _ => {
                let (a, b) = (self.fresh("ok"), self.fresh("er"));
                let x = self.expr(&Bool, e, &sc.with(&a, t), fx);
                let y = self.expr(&Bool, e, &sc.with(&b, er), fx);
                format!("(match {src} {a} {x} {b} {y})")
            }
        }
    }

    /// A function body of (a bound of) type `ret`.
    fn body(&mut self, ret: &Ty, d: u32, sc: &Scope, fx: &Fx) -> String {
        let mut stmts = String::new();
        // Functions taking trait references mostly use them.
        if self.c.chance(80) {
            if let Some(s) = self.dyn_stmt(d - 1, sc, fx) {
                stmts += "\n    ";
                stmts += &s;
            }
        }
        for _ in 0..self.c.weighted(&[3, 3, 2, 1]) {
            stmts += "\n    ";
            stmts += &self.stmt(d - 1, sc, fx);
        }
        let last = match ret {
            // Mostly: check, act, then `ok` (the asserts! fixes the error type).
            Resp(t, er) if self.c.chance(60) => {
                let c = self.expr(&Bool, d - 1, sc, fx);
                let x = self.expr(er, d - 1, sc, fx);
                let ok = self.expr(t, d - 1, sc, fx);
                format!("(asserts! {c} (err {x}))\n    (ok {ok})")
            }
            _ => self.expr(ret, d, sc, fx),
        };
        if stmts.is_empty() && !last.starts_with("(asserts!") {
            last
        } else {
            format!("(begin{stmts}\n    {last})")
        }
    }

    // ---- contracts

    fn traits(&mut self) -> Vec<TraitDef> {
        let n = self.c.range(1, 2) as usize;
        (0..n)
            .map(|i| {
                let letter = ["a", "b"][i];
                let k = self.c.range(1, 3) as usize;
                let fns = (0..k)
                    .map(|j| {
                        let nargs = self.c.range(0, 2) as usize;
                        let args = (0..nargs).map(|_| self.ty(2)).collect();
                        let t = self.ty(2);
                        let er = if self.c.chance(70) { UInt } else { self.ty(1) };
                        TraitFn {
                            name: format!("f{letter}-{j}"),
                            args,
                            ret: resp(t, er),
                        }
                    })
                    .collect();
                TraitDef {
                    name: format!("trait-{letter}"),
                    fns,
                }
            })
            .collect()
    }

    /// 2-3 implementations, and sometimes a broken one.
    fn impls(&mut self, traits: &[TraitDef]) -> Vec<Impl> {
        let n = self.c.range(2, 3) as usize;
        let mut out: Vec<Impl> = vec![];
        let names = ["impl-a", "impl-b", "impl-c"];
        for (i, name) in names.iter().enumerate().take(n) {
            let implements: Vec<usize> = if traits.len() == 1 {
                vec![0]
            } else {
                match self.c.below(3) {
                    0 => vec![0, 1],
                    1 => vec![i % 2],
                    _ => vec![(i + 1) % 2],
                }
            };
            // The first declares what it implements, the second does not.
            let explicit = match i {
                0 => true,
                1 => false,
                _ => self.c.chance(50),
            };
            let externals: Vec<ExtFn> = out.iter().flat_map(|m| m.externals.clone()).collect();
            let contracts: Vec<String> = std::iter::once("traits".to_string())
                .chain(out.iter().map(|m| m.name.clone()))
                .collect();
            out.push(self.implementation(
                name,
                traits,
                &implements,
                explicit,
                externals,
                contracts,
            ));
        }
        if self.c.chance(25) {
            let k = self.c.below(traits.len());
            let mut src = String::new();
            for (j, f) in traits[k].fns.iter().enumerate() {
                // Wrong parameters, a wrong result, or missing.
                match (j + self.c.below(3)) % 3 {
                    0 => src += &format!("(define-public ({} (x int)) (ok x))\n", f.name),
                    1 => src += &format!("(define-public ({}) (ok \"wrong\"))\n", f.name),
                    _ => {}
                }
            }
            src += "(define-read-only (get-state) u0)\n";
            out.push(Impl {
                name: "impl-bad".into(),
                source: src,
                implements: vec![],
                externals: vec![],
            });
        }
        out
    }

    fn implementation(
        &mut self,
        name: &str,
        traits: &[TraitDef],
        implements: &[usize],
        explicit: bool,
        externals: Vec<ExtFn>,
        contracts: Vec<String>,
    ) -> Impl {
        self.next = 0;
        let state = self.ty(2);
        self.w = World {
            vars: vec![("count".into(), UInt), ("state".into(), state.clone())],
            externals,
            traits: traits.to_vec(),
            contracts,
            ..World::default()
        };
        if self.c.chance(40) {
            let (k, v) = (self.ty(1), self.ty(2));
            self.w.maps.push(("store".into(), k, v));
        }
        if self.c.chance(40) {
            self.w.fts.push(("coin".into(), None));
        }
        let mut src = String::new();
        if explicit {
            for k in implements {
                src += &format!("(impl-trait .traits.{})\n", traits[*k].name);
            }
        }
        src += &format!(
            "(define-data-var count uint u0)\n(define-data-var state {} {})\n",
            state.decl(),
            self.literal(&state)
        );
        for (m, k, v) in &self.w.maps {
            src += &format!("(define-map {m} {} {})\n", k.decl(), v.decl());
        }
        for (t, _) in &self.w.fts {
            src += &format!("(define-fungible-token {t})\n");
        }
        let mut mine = vec![];
        for k in implements {
            for f in &traits[*k].fns {
                let mut sc = Scope::default();
                let mut params = vec![];
                for (i, a) in f.args.iter().enumerate() {
                    // A parameter may be wider than the trait's.
                    let decl = if self.c.chance(30) {
                        widen(a)
                    } else {
                        a.clone()
                    };
                    let p = format!("p{i}");
                    params.push(format!("({p} {})", decl.decl()));
                    sc.vars.push((p, decl));
                }
                let fx = Fx {
                    writes: true,
                    ret: Some(f.ret.clone()),
                };
                let d = self.c.range(1, 3);
                let mut body = self.body(&f.ret, d, &sc, &fx);
                if self.c.chance(50) {
                    body = format!(
                        "(begin (var-set count (+ (var-get count) u1)) (print {{ in: \"{name}\", sender: tx-sender, caller: contract-caller }}) {body})"
                    );
                }
                src += &format!(
                    "(define-public ({} {})\n  {body})\n",
                    f.name,
                    params.join(" ")
                );
                mine.push(ExtFn {
                    contract: name.to_string(),
                    name: f.name.clone(),
                    args: f.args.clone(),
                    ret: f.ret.clone(),
                    read_only: false,
                });
            }
        }
        src += "(define-read-only (get-state) (var-get state))\n";
        src += "(define-read-only (get-count) (var-get count))\n";
        mine.push(ExtFn {
            contract: name.to_string(),
            name: "get-state".into(),
            args: vec![],
            ret: state,
            read_only: true,
        });
        mine.push(ExtFn {
            contract: name.to_string(),
            name: "get-count".into(),
            args: vec![],
            ret: UInt,
            read_only: true,
        });
        Impl {
            name: name.to_string(),
            source: src,
            implements: implements.to_vec(),
            externals: mine,
        }
    }

    /// Constants, data vars, maps and tokens of the main contract.
    fn declarations(&mut self) -> String {
        let mut src = String::new();
        for i in 0..self.c.range(1, 3) {
            let t = self.ty(2);
            let v = self.constant(&t);
            let name = format!("c-{i}");
            src += &format!("(define-constant {name} {v})\n");
            self.w.consts.push((name, t));
        }
        for i in 0..self.c.range(1, 3) {
            let t = if i == 0 && self.c.chance(50) {
                UInt
            } else {
                self.ty(3)
            };
            let v = self.literal(&t);
            let name = format!("dv-{i}");
            src += &format!("(define-data-var {name} {} {v})\n", t.decl());
            self.w.vars.push((name, t));
        }
        for i in 0..self.c.range(1, 2) {
            let k = match self.c.below(4) {
                0 => UInt,
                1 => Principal,
                2 => self.ty(1),
                _ => tuple(vec![("id", UInt), ("who", Principal)]),
            };
            let v = self.ty(3);
            let name = format!("m-{i}");
            src += &format!("(define-map {name} {} {})\n", k.decl(), v.decl());
            self.w.maps.push((name, k, v));
        }
        for i in 0..self.c.range(1, 2) {
            let supply = if self.c.chance(50) {
                Some([1000u128, 100_000, 5_000_000][self.c.below(3)])
            } else {
                None
            };
            let name = format!("ft-{i}");
            match supply {
                Some(s) => src += &format!("(define-fungible-token {name} u{s})\n"),
                None => src += &format!("(define-fungible-token {name})\n"),
            }
            self.w.fts.push((name, supply));
        }
        for i in 0..self.c.range(1, 2) {
            let k = match self.c.below(4) {
                0 => UInt,
                1 => tuple(vec![("id", UInt), ("tag", Ascii(4))]),
                2 => Buff(4),
                _ => self.ty(1),
            };
            let name = format!("nft-{i}");
            src += &format!("(define-non-fungible-token {name} {})\n", k.decl());
            self.w.nfts.push((name, k));
        }
        src
    }

    /// A constant's value: evaluated at deployment, so it cannot fail.
    fn constant(&mut self, t: &Ty) -> String {
        if self.c.chance(70) {
            return self.literal(t);
        }
        match t {
            UInt => self
                .c
                .pick(&["block-height", "(+ block-height u1)", "stx-liquid-supply"])
                .to_string(),
            Int => format!("(to-int (len {}))", self.literal(&Ascii(8))),
            Bool => {
                let (a, b) = (self.literal(&UInt), self.literal(&UInt));
                format!("(is-eq {a} {b})")
            }
            Principal => self
                .c
                .pick(&["tx-sender", "(as-contract tx-sender)", "contract-caller"])
                .to_string(),
            Buff(n) if *n >= 32 => {
                let x = self.literal(&Buff(8));
                format!("({} {x})", self.c.pick(&["sha256", "keccak256"]))
            }
            Ascii(n) if *n >= 40 => format!("(int-to-ascii {})", self.int_lit()),
            List(u, n) if *n >= 2 => {
                let (a, b) = (self.literal(u), self.literal(u));
                format!("(append (list {a}) {b})")
            }
            Tuple(fs) => {
                let parts: Vec<String> = fs
                    .iter()
                    .map(|(n, t)| format!("({n} {})", self.constant(t)))
                    .collect();
                format!("(tuple {})", parts.join(" "))
            }
            _ => self.literal(t),
        }
    }

    /// The roles of the main contract's functions, in definition order.
    fn function_plan(&mut self) -> Vec<Role> {
        let mut plan = vec![Role::MapHelper, Role::StepHelper, Role::PredHelper];
        if self.c.chance(30) {
            plan.insert(1, Role::MapHelper);
        }
        // The rest: plain functions (their kind chosen with their stream).
        let n = self.c.range(4, 8) as usize;
        plan.extend(std::iter::repeat_n(Role::Plain, n));
        plan.truncate(S_TOP - S_FUNCTIONS);
        plan
    }

    fn function(&mut self, i: usize, role: Role, public: bool) -> (FnSig, String) {
        let pure = Fx {
            writes: false,
            ret: None,
        };
        let (kind, params, ret, writes) = match role {
            Role::MapHelper => {
                let a = self.ty(1);
                let b = self.ty(1);
                (Kind::Private, vec![PTy::V(a)], b, false)
            }
            Role::StepHelper => {
                let a = self.ty(1);
                let b = self.ty(1);
                (Kind::Private, vec![PTy::V(a), PTy::V(b.clone())], b, false)
            }
            Role::PredHelper => {
                let a = self.ty(1);
                (Kind::Private, vec![PTy::V(a)], Bool, false)
            }
            Role::Plain => {
                let kind = match self.c.weighted(&[3, 2, 5]) {
                    _ if public => Kind::Public,
                    0 => Kind::Private,
                    1 => Kind::ReadOnly,
                    _ => Kind::Public,
                };
                let n = self.c.range(0, 3);
                let params: Vec<PTy> = (0..n)
                    .map(|_| {
                        if !self.w.traits.is_empty() && self.c.chance(35) {
                            PTy::Trait(self.c.below(self.w.traits.len()))
                        } else {
                            PTy::V(self.ty(3))
                        }
                    })
                    .collect();
                let ret = match kind {
                    Kind::Public => {
                        let t = self.ty(2);
                        let er = if self.c.chance(70) { UInt } else { self.ty(1) };
                        resp(t, er)
                    }
                    _ => self.ty(3),
                };
                let writes = match kind {
                    Kind::Private => self.c.chance(60),
                    Kind::ReadOnly => false,
                    Kind::Public => true,
                };
                (kind, params, ret, writes)
            }
        };
        let prefix = match (role, kind) {
            (Role::MapHelper, _) => "map-fn",
            (Role::StepHelper, _) => "step",
            (Role::PredHelper, _) => "pred",
            (_, Kind::Private) => "priv",
            (_, Kind::ReadOnly) => "ro",
            (_, Kind::Public) => "pub",
        };
        let name = format!("{prefix}-{i}");
        let mut sc = Scope::default();
        let mut named = vec![];
        let mut decls = vec![];
        for (j, p) in params.into_iter().enumerate() {
            let n = format!("p{j}");
            match &p {
                PTy::V(t) => {
                    decls.push(format!("({n} {})", t.decl()));
                    sc.vars.push((n.clone(), t.clone()));
                }
                PTy::Trait(k) => {
                    decls.push(format!("({n} <{}>)", alias(*k)));
                    sc.trefs.push((n.clone(), *k));
                }
            }
            named.push((n, p));
        }
        let fx = if role == Role::Plain {
            Fx {
                writes,
                ret: Some(ret.clone()),
            }
        } else {
            Fx {
                ret: Some(ret.clone()),
                ..pure
            }
        };
        // Sometimes a trait reference gets another name.
        let mut prelude = String::new();
        if !sc.trefs.is_empty() && self.c.chance(20) {
            let (t, k) = sc.trefs[0].clone();
            let v = self.fresh("t");
            prelude = format!("(let (({v} {t}))\n    ");
            sc.trefs.push((v, k));
        }
        let d = if role == Role::Plain {
            self.c.range(2, MAX_DEPTH)
        } else {
            self.c.range(1, 3)
        };
        let body = self.body(&ret, d, &sc, &fx);
        let body = if prelude.is_empty() {
            body
        } else {
            format!("{prelude}{body})")
        };
        let word = match kind {
            Kind::Private => "define-private",
            Kind::ReadOnly => "define-read-only",
            Kind::Public => "define-public",
        };
        let text = format!(
            "({word} ({name}{}{})\n  {body})\n",
            if decls.is_empty() { "" } else { " " },
            decls.join(" ")
        );
        (
            FnSig {
                name,
                kind,
                params: named,
                ret,
                writes,
                role,
            },
            text,
        )
    }

    /// Statements run at deployment: they cannot fail (responses are dropped).
    fn top_level(&mut self) -> String {
        let mut src = String::new();
        if self.c.chance(70) {
            src += "(stx-transfer? u1000000 tx-sender (as-contract tx-sender))\n";
        }
        for _ in 0..self.c.range(0, 4) {
            match self.c.below(5) {
                0 => {
                    let (t, supply) = self.c.pick(&self.w.fts.clone());
                    let max = supply.map_or(100_000, |s| s / 8);
                    let a = self.c.range(1, max as u32);
                    let who = self.c.pick(&[
                        "tx-sender",
                        "'ST1SJ3DTE5DN7X54YDH5D64R3BCB6A2AG2ZQ8YPD5",
                        "'ST2CY5V39NHDPWSXMW9QDT3HC3GD6Q6XX4CFRK9AG",
                        "(as-contract tx-sender)",
                    ]);
                    src += &format!("(ft-mint? {t} u{a} {who})\n");
                }
                1 => {
                    let (t, k) = self.c.pick(&self.w.nfts.clone());
                    let key = self.small_literal(&k);
                    src += &format!("(nft-mint? {t} {key} tx-sender)\n");
                }
                2 => {
                    let (m, k, v) = self.c.pick(&self.w.maps.clone());
                    let (key, val) = (self.small_literal(&k), self.literal(&v));
                    src += &format!("(map-set {m} {key} {val})\n");
                }
                3 => {
                    let (n, t) = self.c.pick(&self.w.vars.clone());
                    src += &format!("(var-set {n} {})\n", self.literal(&t));
                }
                _ => {
                    let t = self.ty(2);
                    src += &format!("(print {})\n", self.literal(&t));
                }
            }
        }
        src
    }

    fn calls(&mut self, impls: &[Impl], deployer: &StandardPrincipalData) -> Vec<Call> {
        let callable: Vec<FnSig> = self
            .w
            .fns
            .iter()
            .filter(|f| f.kind != Kind::Private)
            .cloned()
            .collect();
        let n = self.c.range(3, 8);
        let mut calls = vec![];
        for _ in 0..n {
            let f = self.c.pick(&callable);
            let args = f
                .params
                .iter()
                .map(|(_, p)| match p {
                    PTy::V(t) => self.value(t),
                    PTy::Trait(k) => {
                        let good: Vec<&Impl> =
                            impls.iter().filter(|m| m.implements.contains(k)).collect();
                        let name = if !good.is_empty() && self.c.chance(90) {
                            good[self.c.below(good.len())].name.clone()
                        } else {
                            let all: Vec<String> = impls
                                .iter()
                                .map(|m| m.name.clone())
                                .chain(["main".to_string()])
                                .collect();
                            self.c.pick(&all)
                        };
                        Value::Principal(PrincipalData::Contract(QualifiedContractIdentifier::new(
                            deployer.clone(),
                            name.as_str().into(),
                        )))
                    }
                })
                .collect();
            let sender = SENDERS[self.c.weighted(&[4, 3, 2, 1])].to_string();
            // Some blocks pass after the deployment (so that `get-block-info?` finds
            // some), and between calls.
            let advance = if calls.is_empty() {
                self.c.weighted(&[1, 4, 3, 2]) as u32
            } else {
                self.c.weighted(&[6, 2, 1]) as u32
            };
            let sponsor = if self.c.chance(10) {
                Some("wallet_2".to_string())
            } else {
                None
            };
            let params = f
                .params
                .iter()
                .map(|(_, p)| match p {
                    PTy::V(t) => Some(t.decl()),
                    PTy::Trait(_) => None,
                })
                .collect();
            calls.push(Call {
                function: f.name.clone(),
                args,
                params,
                sender,
                advance,
                sponsor,
            });
        }
        calls
    }

    // ---- call arguments

    /// A value of a type admitted by `ty`.
    pub fn value(&mut self, ty: &Ty) -> Value {
        let small = self.c.chance(50);
        match ty {
            Int => Value::Int(if small {
                self.c.below(4) as i128 - 1
            } else {
                self.int_lit()
            }),
            UInt => Value::UInt(if small {
                self.c.below(4) as u128
            } else {
                self.uint_lit()
            }),
            Bool => Value::Bool(self.c.chance(50)),
            Principal => {
                let names = ["deployer", "wallet_1", "wallet_2", "wallet_3"];
                if self.c.chance(80) {
                    Value::Principal(PrincipalData::Standard(standard(self.c.pick(&names))))
                } else {
                    let c = self.c.pick(&["main", "impl-a", "impl-b", "traits"]);
                    Value::Principal(PrincipalData::Contract(QualifiedContractIdentifier::new(
                        standard("deployer"),
                        c.into(),
                    )))
                }
            }
            Ascii(n) => {
                let s = if small {
                    self.c.pick(&["", "a", "b"]).to_string()
                } else {
                    self.ascii_text(*n)
                };
                Value::string_ascii_from_bytes(s.into_bytes()).expect("ascii")
            }
            Utf8(n) => {
                let s: String = if small {
                    self.c.pick(&["", "a", "é"]).to_string()
                } else {
                    self.utf8_chars(*n).into_iter().collect()
                };
                Value::string_utf8_from_bytes(s.into_bytes()).expect("utf8")
            }
            Buff(n) => {
                let b = if small {
                    vec![self.c.below(3) as u8]
                } else {
                    self.bytes(*n)
                };
                Value::buff_from(b).expect("buff")
            }
            List(t, n) => {
                let k = match self.c.weighted(&[5, 2, 1]) {
                    0 => self.c.range(0, (*n).min(3)),
                    1 => self.c.range(0, *n),
                    _ => *n,
                };
                let items = (0..k).map(|_| self.value(t)).collect();
                Value::list_from(items).expect("list")
            }
            Opt(t) => {
                if self.c.chance(75) {
                    Value::some(self.value(t)).expect("some")
                } else {
                    Value::none()
                }
            }
            Resp(t, er) => {
                if self.c.chance(70) {
                    Value::okay(self.value(t)).expect("ok")
                } else {
                    Value::error(self.value(er)).expect("err")
                }
            }
            Tuple(fs) => Value::Tuple(
                TupleData::from_data(
                    fs.iter()
                        .map(|(n, t)| (n.as_str().into(), self.value(t)))
                        .collect(),
                )
                .expect("tuple"),
            ),
        }
    }
}

/// A type admitting more (longer sequences).
fn widen(t: &Ty) -> Ty {
    match t {
        Ascii(n) => Ascii(n * 2),
        Utf8(n) => Utf8(n * 2),
        Buff(n) => Buff(n * 2),
        List(u, n) => List(Box::new(widen(u)), n + 1),
        Opt(u) => opt(widen(u)),
        Resp(a, b) => resp(widen(a), widen(b)),
        Tuple(fs) => Tuple(fs.iter().map(|(n, t)| (n.clone(), widen(t))).collect()),
        t => t.clone(),
    }
}
