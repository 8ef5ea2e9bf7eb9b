//! A static upper bound of what one call of each function of a contract costs on
//! clarity-vm 2.1.1's interpreter, per dimension of `ExecutionCost`.
//!
//! What is bounded is what `LimitedCostTracker` is charged from the moment the function
//! is applied, as for a call from a transaction or another contract: `execute_apply`'s
//! `UserFunctionApplication` and one `InnerTypeCheckCost` per declared argument, then the
//! body. A transaction also charges `LoadContract` for the contract's size before that
//! ([`with_contract_load`]).
//!
//! Every charge is a cost function of one input, and every cost function of the cost
//! contracts is non-decreasing in its input (`linear`, `logn`, `nlogn` with unsigned
//! coefficients). So the bound walks the AST and, for every charge the interpreter can
//! make, charges the function at the largest input the analysed types allow
//! (`TypeSignature::size`, `max_serialized_size`, a sequence's maximum length). Branches
//! take the per-dimension maximum of their arms; `map`/`fold`/`filter` multiply one
//! application by the sequence's maximum length; a call of a function of the same contract
//! adds that function's bound (Clarity has no recursion). Where a value is charged by its
//! run-time size, the bound relies on the value fitting its analysed type.
//!
//! Mirrors, charge for charge, `eval`, `apply`, `lookup_variable`, `execute_apply` and
//! the special forms of `vm/functions/*.rs` (the same map the code generator follows in
//! `words/*.rs`). Exact on the worst path with the largest values, except where it is
//! conservative: an early exit (`asserts!`, `try!`, `unwrap!` ...) is not a cheaper path
//! (and `asserts!`'s thrown value counts on the way on); since 2.05 a data access counts
//! the larger of the serialized size and the declared size (which clarity-vm charges when
//! the access fails); `map` over several sequences runs over the longest (clarity-vm
//! 2.1.1's quirk with an empty one). Unbounded: `contract-call?` through a trait, a
//! static one whose callee's bound the caller does not give, and a `map` whose result
//! that quirk can make longer than its type when the result flows on (when it is only
//! folded, counted, compared or dropped, its longest length bounds it).

use std::collections::{HashMap, HashSet};

use clarinet_wasm_costs::CostTable;
use clarity::types::StacksEpochId;
use clarity::vm::analysis::ContractAnalysis;
use clarity::vm::costs::cost_functions::ClarityCostFunction as C;
use clarity::vm::costs::ExecutionCost;
use clarity::vm::functions::define::DefineFunctions;
use clarity::vm::representations::SymbolicExpressionType as X;
use clarity::vm::types::signatures::FunctionType;
use clarity::vm::types::{
    ListTypeData, PrincipalData, QualifiedContractIdentifier, SequenceSubtype, StringSubtype,
    TypeSignature, Value,
};
use clarity::vm::variables::NativeVariables;
use clarity::vm::{ClarityVersion, SymbolicExpression};

use crate::metadata::FunctionKind;
use crate::types::concrete;

type T = TypeSignature;

/// The bound of one function.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunctionBound {
    pub name: String,
    pub kind: FunctionKind,
    /// An upper bound of what one application of the function charges; when `unbounded`
    /// is not empty, only of the parts that could be bounded.
    pub cost: ExecutionCost,
    /// Why the bound is not complete (e.g. "contract-call? through trait `t`"); empty
    /// when `cost` bounds every call.
    pub unbounded: Vec<String>,
}

impl FunctionBound {
    pub fn is_complete(&self) -> bool {
        self.unbounded.is_empty()
    }
}

/// The bound of every function (public, read-only, private) of a type-checked contract,
/// in definition order. `analysis` must still hold its type map (as just analysed).
/// `callee(contract, function)` is the bound of a static `contract-call?` of a function of
/// another contract, *including* the `LoadContract` charge for that contract (see
/// [`with_contract_load`]); it must be complete, and `None` (unknown, or incomplete)
/// makes the caller unbounded.
pub fn function_bounds(
    analysis: &ContractAnalysis,
    costs: &CostTable,
    epoch: StacksEpochId,
    callee: &dyn Fn(&QualifiedContractIdentifier, &str) -> Option<ExecutionCost>,
) -> Vec<FunctionBound> {
    let mut w = Walker {
        analysis,
        costs,
        epoch,
        callee,
        defs: HashMap::new(),
        memo: HashMap::new(),
        active: HashSet::new(),
        scopes: vec![],
    };
    let mut order = vec![];
    for e in &analysis.expressions {
        let Some(list) = e.match_list() else { continue };
        let define = list
            .first()
            .and_then(|h| h.match_atom())
            .and_then(|n| DefineFunctions::lookup_by_name(n));
        let (kind, table) = match define {
            Some(DefineFunctions::PublicFunction) => {
                (FunctionKind::Public, &analysis.public_function_types)
            }
            Some(DefineFunctions::ReadOnlyFunction) => {
                (FunctionKind::ReadOnly, &analysis.read_only_function_types)
            }
            Some(DefineFunctions::PrivateFunction) => {
                (FunctionKind::Private, &analysis.private_function_types)
            }
            _ => continue,
        };
        let name = list
            .get(1)
            .and_then(|s| s.match_list())
            .and_then(|s| s.first());
        let (Some(name), Some(body)) = (name.and_then(|n| n.match_atom()), list.get(2)) else {
            continue;
        };
        let declared = match table.get(name) {
            Some(FunctionType::Fixed(ft)) => ft
                .args
                .iter()
                .map(|a| (a.name.to_string(), a.signature.clone()))
                .collect(),
            _ => continue,
        };
        w.defs.insert(name.to_string(), (declared, body));
        order.push((name.to_string(), kind));
    }
    order
        .into_iter()
        .map(|(name, kind)| {
            let b = w.function(&name);
            FunctionBound {
                name,
                kind,
                cost: b.cost,
                unbounded: b.why,
            }
        })
        .collect()
}

/// What a call of a function bounded by `function` costs from outside its contract:
/// `execute_contract` charges `LoadContract` for the contract's size (its source length
/// plus its recorded data size, 0 on Clarinet's deployments) before applying it.
pub fn with_contract_load(
    costs: &CostTable,
    contract_size: u64,
    function: &ExecutionCost,
) -> Option<ExecutionCost> {
    let mut c = costs.compute(C::LoadContract, contract_size).ok()?;
    add(&mut c, function);
    Some(c)
}

// ---- bounds ---------------------------------------------------------------------------

/// `a = f(a, b)` in every dimension.
fn each(a: &mut ExecutionCost, b: &ExecutionCost, f: impl Fn(u64, u64) -> u64) {
    a.runtime = f(a.runtime, b.runtime);
    a.read_count = f(a.read_count, b.read_count);
    a.read_length = f(a.read_length, b.read_length);
    a.write_count = f(a.write_count, b.write_count);
    a.write_length = f(a.write_length, b.write_length);
}

fn add(a: &mut ExecutionCost, b: &ExecutionCost) {
    each(a, b, u64::saturating_add)
}

/// A partial bound: the cost so far, and why it is incomplete.
#[derive(Clone)]
struct Bound {
    cost: ExecutionCost,
    why: Vec<String>,
}

impl Default for Bound {
    fn default() -> Self {
        Bound {
            cost: ExecutionCost::zero(),
            why: vec![],
        }
    }
}

impl Bound {
    fn unbounded(&mut self, why: String) {
        if !self.why.contains(&why) {
            self.why.push(why);
        }
    }

    fn add(&mut self, o: &Bound) {
        add(&mut self.cost, &o.cost);
        o.why.iter().for_each(|w| self.unbounded(w.clone()));
    }

    /// The worse of two paths, dimension by dimension.
    fn max(mut self, o: &Bound) -> Bound {
        each(&mut self.cost, &o.cost, u64::max);
        o.why.iter().for_each(|w| self.unbounded(w.clone()));
        self
    }

    fn times(mut self, n: u64) -> Bound {
        let c = self.cost.clone();
        each(&mut self.cost, &c, |x, _| x.saturating_mul(n));
        self
    }
}

/// An argument of a word: an expression to evaluate, or (in a `map`/`fold`/`filter`
/// application) a value already made, of a type.
enum Arg<'e> {
    Expr(&'e SymbolicExpression),
    Val(T),
}

type Def<'a> = (Vec<(String, T)>, &'a SymbolicExpression);

struct Walker<'a> {
    analysis: &'a ContractAnalysis,
    costs: &'a CostTable,
    epoch: StacksEpochId,
    callee: &'a dyn Fn(&QualifiedContractIdentifier, &str) -> Option<ExecutionCost>,
    /// The contract's functions: argument names and declared types, body.
    defs: HashMap<String, Def<'a>>,
    memo: HashMap<String, Bound>,
    /// Functions being bounded (a cycle would be a recursion, which analysis refuses).
    active: HashSet<String>,
    /// The types of the names bound where the expression being bounded is (function
    /// arguments, `let`, `match`), innermost last.
    scopes: Vec<(String, T)>,
}

fn at(e: &SymbolicExpression) -> String {
    format!("{}:{}", e.span.start_line, e.span.start_column)
}

/// Serialized sizes are bounded by the type's maximum; a type without one (a hole) is
/// never a value's.
fn max_ser(t: &T) -> u64 {
    match t.max_serialized_size() {
        Ok(n) => n as u64,
        Err(_) if *t == T::NoType => 1,
        Err(_) => u32::MAX as u64,
    }
}

/// Maximum length and element type of a sequence type: what `map`/`fold`/`filter` pass
/// (a string's or buffer's element is one of length 1), whose size is what `slice?`
/// charges per element (`element_size`).
fn seq_info(t: &T) -> Option<(u64, T)> {
    let T::SequenceType(s) = t else { return None };
    let len = match s {
        SequenceSubtype::ListType(l) => l.get_max_len(),
        SequenceSubtype::BufferType(n) | SequenceSubtype::StringType(StringSubtype::ASCII(n)) => {
            u32::from(n)
        }
        SequenceSubtype::StringType(StringSubtype::UTF8(n)) => u32::from(n),
    };
    Some((len as u64, s.unit_type()))
}

/// How a word charges its own cost, besides its arguments'.
#[derive(Clone, Copy)]
enum Own {
    /// A native function: `f` for the number of arguments, after them.
    Count(C),
    /// A native function: `f`, since epoch 2.05 for the sum of the arguments' serialized
    /// sizes (`cost_input_sized_vararg`), before for their number.
    Sized(C),
    /// A special form: `f` for 0 before its arguments, nothing after; the first argument
    /// is a name (not evaluated) when `true`.
    First(C, bool),
}
use Own::{Count, First, Sized};

#[rustfmt::skip]
const OWN: &[(&str, Own)] = &[
    ("+", Count(C::Add)), ("-", Count(C::Sub)), ("*", Count(C::Mul)), ("/", Count(C::Div)),
    ("mod", Count(C::Mod)), ("pow", Count(C::Pow)), ("sqrti", Count(C::Sqrti)),
    ("log2", Count(C::Log2)), ("to-int", Count(C::IntCast)), ("to-uint", Count(C::IntCast)),
    ("xor", Count(C::Xor)), ("bit-xor", Count(C::Xor)), ("bit-and", Count(C::BitwiseAnd)),
    ("bit-or", Count(C::BitwiseOr)), ("bit-not", Count(C::BitwiseNot)),
    ("bit-shift-left", Count(C::BitwiseLShift)), ("bit-shift-right", Count(C::BitwiseRShift)),
    ("not", Count(C::Not)), ("begin", Count(C::Begin)), ("len", Count(C::Len)),
    ("buff-to-int-le", Count(C::BuffToIntLe)), ("buff-to-uint-le", Count(C::BuffToUIntLe)),
    ("buff-to-int-be", Count(C::BuffToIntBe)), ("buff-to-uint-be", Count(C::BuffToUIntBe)),
    ("string-to-int?", Count(C::StringToInt)), ("string-to-uint?", Count(C::StringToUInt)),
    ("int-to-ascii", Count(C::IntToAscii)), ("int-to-utf8", Count(C::IntToUtf8)),
    ("element-at", Count(C::ElementAt)), ("element-at?", Count(C::ElementAt)),
    ("some", Count(C::SomeCons)), ("ok", Count(C::OkCons)), ("err", Count(C::ErrCons)),
    ("default-to", Count(C::DefaultTo)), ("unwrap!", Count(C::UnwrapRet)),
    ("unwrap-err!", Count(C::UnwrapErrOrRet)), ("unwrap-panic", Count(C::Unwrap)),
    ("unwrap-err-panic", Count(C::UnwrapErr)), ("try!", Count(C::TryRet)),
    ("is-ok", Count(C::IsOkay)), ("is-err", Count(C::IsErr)), ("is-some", Count(C::IsSome)),
    ("is-none", Count(C::IsNone)),
    ("is-eq", Sized(C::Eq)), ("index-of", Sized(C::IndexOf)), ("index-of?", Sized(C::IndexOf)),
    ("merge", Sized(C::TupleMerge)), ("hash160", Sized(C::Hash160)),
    ("sha256", Sized(C::Sha256)), ("sha512", Sized(C::Sha512)),
    ("sha512/256", Sized(C::Sha512t256)), ("keccak256", Sized(C::Keccak256)),
    ("to-consensus-buff?", Sized(C::ToConsensusBuff)),
    ("principal-of?", First(C::PrincipalOf, false)),
    ("secp256k1-recover?", First(C::Secp256k1recover, false)),
    ("secp256k1-verify", First(C::Secp256k1verify, false)),
    ("is-standard", First(C::IsStandard, false)),
    ("principal-destruct?", First(C::PrincipalDestruct, false)),
    ("principal-construct?", First(C::PrincipalConstruct, false)),
    ("stx-transfer?", First(C::StxTransfer, false)), ("stx-burn?", First(C::StxTransfer, false)),
    ("stx-transfer-memo?", First(C::StxTransferMemo, false)),
    ("stx-get-balance", First(C::StxBalance, false)),
    ("stx-account", First(C::StxGetAccount, false)), ("at-block", First(C::AtBlock, false)),
    ("ft-mint?", First(C::FtMint, true)), ("ft-transfer?", First(C::FtTransfer, true)),
    ("ft-burn?", First(C::FtBurn, true)), ("ft-get-balance", First(C::FtBalance, true)),
    ("ft-get-supply", First(C::FtSupply, true)), ("get-block-info?", First(C::BlockInfo, true)),
    ("get-burn-block-info?", First(C::GetBurnBlockInfo, true)),
];

/// Whether the first argument of `name` is a name (a variable, map, token, property).
fn takes_name(name: &str) -> bool {
    matches!(
        name,
        "var-get" | "var-set" | "map-get?" | "map-set" | "map-insert" | "map-delete" | "get"
    ) || name.starts_with("nft-")
        || matches!(
            OWN.iter().find(|(n, _)| *n == name),
            Some((_, First(_, true)))
        )
}

impl<'a> Walker<'a> {
    fn v205(&self) -> bool {
        self.epoch >= StacksEpochId::Epoch2_05
    }

    fn version(&self) -> ClarityVersion {
        self.analysis.clarity_version
    }

    /// Charge `f` for input `n` (the largest the caller found possible).
    fn charge(&self, b: &mut Bound, f: C, n: u64) {
        // A `logn` formula fails on 0, and so does the interpreter's charge: 1 bounds
        // what is charged up to that failure.
        match self
            .costs
            .compute(f, n)
            .or_else(|_| self.costs.compute(f, n.max(1)))
        {
            Ok(c) => add(&mut b.cost, &c),
            Err(e) => b.unbounded(format!("cost function {f:?} fails: {e:?}")),
        }
    }

    /// The analysed type of `e`, made concrete. In Clarity 2 the type map holds, for an
    /// argument checked against an expected type, that type (e.g. the largest buffer for
    /// `from-consensus-buff?`): a name's own type (its binding's, a constant's) is
    /// smaller and still bounds its value.
    fn ty(&self, e: &SymbolicExpression, b: &mut Bound) -> T {
        if let Some(name) = e.match_atom() {
            if let Some((_, t)) = self.scopes.iter().rev().find(|(n, _)| n == name.as_str()) {
                return t.clone();
            }
            if let Some(t) = self.analysis.variable_types.get(name) {
                return concrete(t);
            }
        }
        if let X::LiteralValue(v) | X::AtomValue(v) = &e.expr {
            return concrete(&T::type_of(v));
        }
        match self.analysis.type_map.as_ref().and_then(|m| m.get_type(e)) {
            Some(t) => self.map_result(e, concrete(t), b),
            None => {
                b.unbounded(format!("no analysed type for the expression at {}", at(e)));
                T::NoType
            }
        }
    }

    /// `t`, the analysed type of `e`, made as long as clarity-vm 2.1.1 can make it when `e`
    /// is an overlong `map` ([`Self::overlong_map`]).
    fn map_result(&self, e: &SymbolicExpression, t: T, b: &mut Bound) -> T {
        let Some(longest) = self.overlong_map(e, &t, b) else {
            return t;
        };
        let T::SequenceType(SequenceSubtype::ListType(list)) = &t else {
            return t;
        };
        let item = list.get_list_item_type().clone();
        match u32::try_from(longest).map(|n| ListTypeData::new_list(item, n)) {
            Ok(Ok(l)) => T::SequenceType(SequenceSubtype::ListType(l)),
            _ => {
                b.unbounded(format!("a map longer than a list can be at {}", at(e)));
                t
            }
        }
    }

    /// When `e` is a `map` over several sequences of analysed type `t` whose result can
    /// be longer than `t` allows, the longest it can be. The analysis takes the shortest
    /// sequence, but clarity-vm 2.1.1's `special_map` does not stop at an empty sequence
    /// that follows a longer one: the result can be as long as the longest.
    fn overlong_map(&self, e: &SymbolicExpression, t: &T, b: &mut Bound) -> Option<u64> {
        let (head, args) = e.match_list().and_then(|l| l.split_first())?;
        if head.match_atom().map(|h| h.as_str()) != Some("map") || args.len() < 3 {
            return None;
        }
        let (analysed, _) = seq_info(t)?;
        let longest = args[1..]
            .iter()
            .filter_map(|s| seq_info(&self.ty(s, b)))
            .map(|(n, _)| n)
            .max()?;
        (longest > analysed).then_some(longest)
    }

    /// Marks `b` unbounded where an overlong `map` result ([`Self::overlong_map`]) flows
    /// on past the word that takes it: everything after would be sized by a type the
    /// value does not fit. The words that only fold, count, compare or index it are fine
    /// (their charges see the longer type through [`Self::ty`]); another `map` is not, as
    /// its result is as long.
    fn overlong_flows(
        &self,
        e: &SymbolicExpression,
        parent: Option<(&str, usize, usize)>,
        b: &mut Bound,
    ) {
        let Some(items) = e.match_list() else { return };
        if let Some(t) = self.analysis.type_map.as_ref().and_then(|m| m.get_type(e)) {
            let mut scratch = Bound::default();
            if self.overlong_map(e, &concrete(t), &mut scratch).is_some() {
                let terminal = match parent {
                    Some(("fold", 1, _) | ("len", 0, _) | ("element-at" | "element-at?", 0, _)) => {
                        true
                    }
                    Some(("is-eq" | "index-of" | "index-of?", _, _)) => true,
                    Some(("begin", i, n)) => i + 1 < n,
                    _ => false,
                };
                if !terminal {
                    b.unbounded(format!(
                        "a map over sequences of different lengths at {} (clarity-vm 2.1.1 \
                         can return more elements than its type holds)",
                        at(e)
                    ));
                }
            }
        }
        let head = items
            .first()
            .and_then(|h| h.match_atom())
            .map(|h| h.as_str());
        // A list of `let` bindings has no head: every item is a binding.
        for (i, x) in items.iter().enumerate().skip(head.is_some() as usize) {
            let parent = head.map(|h| (h, i - 1, items.len() - 1));
            self.overlong_flows(x, parent, b);
        }
    }

    /// The maximum length of sequence `e`. The type map holds the expected type for `e`
    /// (the largest buffer, for `from-consensus-buff?`), but not for its parts: the
    /// forms that pass a part's value on are bounded by that part.
    fn max_len(&mut self, e: &SymbolicExpression, b: &mut Bound) -> u64 {
        let len = |t: &T| seq_info(t).map_or(0, |s| s.0);
        let Some((head, args)) = e.match_list().and_then(|l| l.split_first()) else {
            return len(&self.ty(e, b));
        };
        let inner = |w: &Self, b: &mut Bound, i: usize, err: bool| match args.get(i) {
            Some(x) => match w.ty(x, b) {
                T::OptionalType(t) if !err => len(&t),
                T::ResponseType(r) => len(if err { &r.1 } else { &r.0 }),
                _ => 0,
            },
            None => 0,
        };
        let most = |w: &mut Self, b: &mut Bound, parts: &[usize]| {
            parts
                .iter()
                .filter_map(|i| args.get(*i))
                .map(|x| w.max_len(x, b))
                .max()
                .unwrap_or(0)
        };
        match head.match_atom().map(|h| h.as_str()) {
            Some("if") => most(self, b, &[1, 2]),
            Some("match") if args.len() == 4 => most(self, b, &[2, 3]),
            Some("match") => most(self, b, &[2, 4]),
            Some("let" | "begin") => most(self, b, &[args.len().saturating_sub(1)]),
            Some("as-contract" | "print") => most(self, b, &[0]),
            Some("at-block") => most(self, b, &[1]),
            Some("concat") => most(self, b, &[0]) + most(self, b, &[1]),
            Some("unwrap-panic" | "unwrap!" | "try!") => inner(self, b, 0, false),
            Some("unwrap-err-panic" | "unwrap-err!") => inner(self, b, 0, true),
            Some("default-to") => most(self, b, &[0]).max(inner(self, b, 1, false)),
            Some("sha256" | "sha512/256" | "keccak256") => 32,
            Some("sha512") => 64,
            Some("hash160") => 20,
            Some("get") => match (args.first().and_then(|f| f.match_atom()), args.get(1)) {
                (Some(f), Some(t)) => match self.ty(t, b) {
                    T::TupleType(tt) => tt.field_type(f).map_or(0, len),
                    _ => len(&self.ty(e, b)),
                },
                _ => 0,
            },
            Some("var-get") => args
                .first()
                .and_then(|v| v.match_atom())
                .and_then(|v| self.analysis.persisted_variable_types.get(v))
                .map_or(0, len),
            // A call of a function of the contract: its result type.
            Some(f) if self.defs.contains_key(f) => {
                let tables = [
                    &self.analysis.private_function_types,
                    &self.analysis.read_only_function_types,
                    &self.analysis.public_function_types,
                ];
                match tables.iter().find_map(|t| t.get(f)) {
                    Some(FunctionType::Fixed(ft)) => len(&concrete(&ft.returns)),
                    _ => len(&self.ty(e, b)),
                }
            }
            _ => len(&self.ty(e, b)),
        }
    }

    fn arg_ty(&self, a: &Arg, b: &mut Bound) -> T {
        match a {
            Arg::Expr(e) => self.ty(e, b),
            Arg::Val(t) => t.clone(),
        }
    }

    fn eval(&mut self, a: &Arg<'a>, depth: u64) -> Bound {
        match a {
            Arg::Expr(e) => self.expr(e, depth),
            Arg::Val(_) => Bound::default(),
        }
    }

    /// The bound of a function of the contract: `execute_apply`'s charges and its body.
    fn function(&mut self, name: &str) -> Bound {
        if let Some(b) = self.memo.get(name) {
            return b.clone();
        }
        let mut b = Bound::default();
        let Some((declared, body)) = self.defs.get(name).cloned() else {
            b.unbounded(format!("unknown function {name}"));
            return b;
        };
        if !self.active.insert(name.to_string()) {
            b.unbounded(format!("recursive call of {name}"));
            return b;
        }
        self.charge(&mut b, C::UserFunctionApplication, declared.len() as u64);
        for (_, t) in &declared {
            self.charge(&mut b, C::InnerTypeCheckCost, t.size() as u64);
        }
        // The body runs in a fresh context of depth 0, where only the arguments are bound
        // (values of their declared types: cast to them in Clarity 2, admitted by them in
        // Clarity 1).
        let args = declared.iter().map(|(n, t)| (n.clone(), concrete(t)));
        let outer = std::mem::replace(&mut self.scopes, args.collect());
        self.overlong_flows(body, None, &mut b);
        let body = self.expr(body, 0);
        self.scopes = outer;
        b.add(&body);
        self.active.remove(name);
        self.memo.insert(name.to_string(), b.clone());
        b
    }

    /// `eval` of `e` in a local context of depth `depth`.
    fn expr(&mut self, e: &'a SymbolicExpression, depth: u64) -> Bound {
        let mut b = Bound::default();
        match &e.expr {
            X::LiteralValue(_) | X::AtomValue(_) => {}
            X::Atom(name) => {
                // `lookup_variable`: reserved names first, then the context's depth and
                // the value's size.
                let version = self.version();
                if let Some(v) = NativeVariables::lookup_by_name_at_version(name, &version) {
                    if matches!(
                        v,
                        NativeVariables::BlockHeight
                            | NativeVariables::BurnBlockHeight
                            | NativeVariables::TotalLiquidMicroSTX
                    ) {
                        self.charge(&mut b, C::FetchVar, 1);
                    }
                    return b;
                }
                self.charge(&mut b, C::LookupVariableDepth, depth);
                let ty = self.ty(e, &mut b);
                // A Clarity 1 trait argument is only among the callable contracts: no
                // value, no size charged.
                if !(version < ClarityVersion::Clarity2 && crate::words::calls::is_trait(&ty)) {
                    self.charge(&mut b, C::LookupVariableSize, ty.size() as u64);
                }
            }
            X::List(items) => {
                let Some((head, rest)) = items.split_first() else {
                    return b;
                };
                let Some(name) = head.match_atom() else {
                    b.unbounded(format!("no function name at {}", at(e)));
                    return b;
                };
                self.charge(&mut b, C::LookupFunction, 0);
                if self.defs.contains_key(name.as_str()) {
                    for a in rest {
                        b.add(&self.expr(a, depth));
                    }
                    b.add(&self.function(name));
                } else {
                    let args: Vec<Arg> = rest.iter().map(Arg::Expr).collect();
                    b.add(&self.word(name, &args, Some(e), depth));
                }
            }
            X::Field(_) | X::TraitReference(..) => {}
        }
        b
    }

    /// A `map`/`fold`/`filter` application of `f` to values of types `vals`.
    fn application(&mut self, f: &str, vals: &[T], depth: u64) -> Bound {
        if self.defs.contains_key(f) {
            return self.function(f);
        }
        let args: Vec<Arg> = vals.iter().cloned().map(Arg::Val).collect();
        self.word(f, &args, None, depth)
    }

    /// Native word `name` applied to `args` (`e`: the whole expression, when there is one).
    /// Charges are summed, so their order does not matter, only which run.
    fn word(
        &mut self,
        name: &str,
        args: &[Arg<'a>],
        e: Option<&'a SymbolicExpression>,
        depth: u64,
    ) -> Bound {
        let mut b = Bound::default();
        let expr_at = |i: usize| match args.get(i) {
            Some(Arg::Expr(x)) => Some(*x),
            _ => None,
        };
        let name_at = |i: usize| expr_at(i).and_then(|x| x.match_atom()).map(|n| n.as_str());
        match name {
            "if" => {
                self.charge(&mut b, C::If, 0);
                if let Some(c) = args.first() {
                    b.add(&self.eval(c, depth));
                }
                let mut worst = Bound::default();
                for a in args.iter().skip(1) {
                    worst = worst.max(&self.eval(a, depth));
                }
                b.add(&worst);
            }
            "let" => {
                let pairs = expr_at(0).and_then(|x| x.match_list()).unwrap_or_default();
                self.charge(&mut b, C::Let, pairs.len() as u64);
                // Bindings and body are evaluated in a context one level deeper; each
                // binding sees the ones before it.
                let mark = self.scopes.len();
                for p in pairs {
                    if let Some([n, v]) = p.match_list().map(|l| l as &[SymbolicExpression]) {
                        b.add(&self.expr(v, depth + 1));
                        let t = self.ty(v, &mut b);
                        if let Some(n) = n.match_atom() {
                            self.scopes.push((n.to_string(), t));
                        }
                    }
                }
                for a in args.iter().skip(1) {
                    b.add(&self.eval(a, depth + 1));
                }
                self.scopes.truncate(mark);
            }
            "match" => {
                // The input, `Match`, then one branch: a bound name adds a context level
                // (not in the `none` branch of an optional).
                let mut input = T::NoType;
                if let Some(a) = args.first() {
                    b.add(&self.eval(a, depth));
                    input = self.arg_ty(a, &mut b);
                }
                self.charge(&mut b, C::Match, 0);
                // (name position, branch position, bound type) of each branch.
                let branches = match input {
                    T::OptionalType(t) => vec![(Some(1), 2, *t), (None, 3, T::NoType)],
                    T::ResponseType(r) => vec![(Some(1), 2, r.0), (Some(3), 4, r.1)],
                    _ => vec![],
                };
                let mut worst = Bound::default();
                for (n, i, t) in branches {
                    let (Some(branch), n) = (args.get(i), n.and_then(name_at)) else {
                        continue;
                    };
                    let mark = self.scopes.len();
                    if let Some(n) = n {
                        self.scopes.push((n.to_string(), t));
                    }
                    worst = worst.max(&self.eval(branch, depth + n.is_some() as u64));
                    self.scopes.truncate(mark);
                }
                b.add(&worst);
            }
            "tuple" => {
                for a in args {
                    let pair = match a {
                        Arg::Expr(x) => x.match_list(),
                        Arg::Val(_) => None,
                    };
                    if let Some([_, v]) = pair.map(|l| l as &[SymbolicExpression]) {
                        b.add(&self.expr(v, depth));
                    }
                }
                self.charge(&mut b, C::TupleCons, args.len() as u64);
            }
            "map" | "fold" | "filter" => return self.higher_order(name, args, e, depth),
            "contract-call?" => {
                self.charge(&mut b, C::ContractCall, 0);
                for a in args.iter().skip(2) {
                    b.add(&self.eval(a, depth));
                }
                let function = name_at(1).unwrap_or("?");
                match expr_at(0).map(|x| &x.expr) {
                    Some(X::LiteralValue(Value::Principal(PrincipalData::Contract(id)))) => {
                        match (self.callee)(id, function) {
                            Some(c) => add(&mut b.cost, &c),
                            None => b.unbounded(format!(
                                "call of {id}.{function} whose bound is unknown"
                            )),
                        }
                    }
                    Some(X::Atom(t)) => b.unbounded(format!(
                        "contract-call? of {function} through trait reference `{t}`"
                    )),
                    _ => b.unbounded(format!("contract-call? of {function}")),
                }
            }
            "contract-of" => self.charge(&mut b, C::ContractOf, 0),
            "from-consensus-buff?" => {
                // The type argument is parsed, step by step, then the buffer charged for.
                if let Some(t) = expr_at(0) {
                    for (f, n) in crate::meter::type_parse_charges(self.epoch, t) {
                        self.charge(&mut b, f, n);
                    }
                }
                if let Some(x) = expr_at(1) {
                    b.add(&self.expr(x, depth));
                    let n = self.max_len(x, &mut b);
                    self.charge(&mut b, C::FromConsensusBuff, n);
                }
            }
            // Everything else evaluates each argument but a leading name once, here, and
            // makes its own charges.
            _ => {
                for a in args.iter().skip(takes_name(name) as usize) {
                    b.add(&self.eval(a, depth));
                }
                match self.own(name, args, name_at(0), &mut b) {
                    Some(charges) => charges
                        .into_iter()
                        .for_each(|(f, n)| self.charge(&mut b, f, n)),
                    None => b.unbounded(format!("{name} (unknown here)")),
                }
            }
        }
        b
    }

    /// The charges word `name` makes besides its arguments', with the largest inputs its
    /// arguments' types allow (`named`: its leading name argument).
    fn own(
        &self,
        name: &str,
        args: &[Arg],
        named: Option<&str>,
        b: &mut Bound,
    ) -> Option<Vec<(C, u64)>> {
        let ty = |i: usize, b: &mut Bound| args.get(i).map_or(T::NoType, |a| self.arg_ty(a, b));
        let size = |i: usize, b: &mut Bound| ty(i, b).size() as u64;
        let count = args.len() as u64;
        let v205 = self.v205();
        let a = self.analysis;
        Some(match name {
            "<" | "<=" | ">" | ">=" => {
                let f = match name {
                    "<" => C::Le,
                    "<=" => C::Leq,
                    ">" => C::Ge,
                    _ => C::Geq,
                };
                // Clarity 2: the smaller operand's size; Clarity 1: the count.
                let n = if self.analysis.clarity_version >= ClarityVersion::Clarity2 {
                    size(0, b).min(size(1, b))
                } else {
                    count
                };
                vec![(f, n)]
            }
            "and" => vec![(C::And, count)],
            "or" => vec![(C::Or, count)],
            // The thrown value is only evaluated on the way out: counting it on the way on
            // as well is conservative (it is usually a literal).
            "asserts!" => vec![(C::Asserts, 0)],
            "get" => {
                let fields = |t: &T| match t {
                    T::TupleType(tt) => tt.get_type_map().len() as u64,
                    _ => 0,
                };
                let n = match ty(1, b) {
                    T::OptionalType(t) => fields(&t),
                    t => fields(&t),
                };
                vec![(C::TupleGet, n)]
            }
            "list" => vec![(C::ListCons, (0..args.len()).map(|i| size(i, b)).sum())],
            "print" => vec![(C::Print, size(0, b))],
            "as-max-len?" => vec![(C::AsMaxLen, 0)],
            "replace-at?" => vec![(C::ReplaceAt, size(0, b))],
            "as-contract" if self.epoch >= StacksEpochId::Epoch21 => vec![(C::AsContract, 0)],
            "as-contract" => vec![],
            // Since 2.05 the lengths; before, the values' sizes.
            "concat" => {
                let n = |i, b: &mut Bound| match v205 {
                    true => seq_info(&ty(i, b)).map_or(1, |s| s.0),
                    false => size(i, b),
                };
                vec![(C::Concat, n(0, b) + n(1, b))]
            }
            "append" => {
                let item = match ty(0, b) {
                    T::SequenceType(SequenceSubtype::ListType(l)) => l.get_list_item_type().size(),
                    _ => 1,
                };
                vec![(C::Append, (item as u64).max(size(1, b)))]
            }
            "slice?" => {
                let n = seq_info(&ty(0, b)).map_or(0, |(len, el)| len * el.size() as u64);
                vec![(C::Slice, n)]
            }
            // Since 2.05 the stored value's serialized length (the declared size when the
            // access fails); before, the declared size.
            "var-get" | "var-set" => {
                let t = a.persisted_variable_types.get(named?)?;
                let f = [C::SetVar, C::FetchVar][(name == "var-get") as usize];
                let n = match v205 {
                    true => max_ser(t).max(t.size() as u64),
                    false => t.size() as u64,
                };
                vec![(f, n)]
            }
            // Since 2.05: the key's serialized length plus the stored `(some value)`'s (a
            // deletion stores `none`, 1 byte); when the access fails, declared sizes.
            "map-get?" | "map-set" | "map-insert" | "map-delete" => {
                let (k, v) = a.map_types.get(named?)?;
                let f = [C::SetEntry, C::FetchEntry][(name == "map-get?") as usize];
                let (ks, vs) = (k.size() as u64, v.size() as u64);
                let n = match (v205, name == "map-delete") {
                    (true, false) => (max_ser(k) + max_ser(v) + 1).max(ks + vs),
                    (true, true) => (max_ser(k) + 1).max(ks),
                    (false, false) => ks + vs,
                    (false, true) => ks,
                };
                vec![(f, n)]
            }
            // Since 2.05 the asset's serialized size, before the declared type's.
            "nft-mint?" | "nft-transfer?" | "nft-get-owner?" | "nft-burn?" => {
                let declared = a.non_fungible_tokens.get(named?)?;
                let n = match v205 {
                    true => max_ser(declared).max(max_ser(&ty(1, b))),
                    false => declared.size() as u64,
                };
                match name {
                    "nft-mint?" => vec![(C::NftMint, n)],
                    "nft-transfer?" => vec![(C::NftTransfer, n)],
                    "nft-get-owner?" => vec![(C::NftOwner, n)],
                    _ => vec![(C::NftBurn, 0), (C::NftBurn, n)],
                }
            }
            _ => match OWN.iter().find(|(n, _)| *n == name)?.1 {
                Count(f) => vec![(f, count)],
                Sized(f) if v205 => vec![(f, (0..args.len()).map(|i| max_ser(&ty(i, b))).sum())],
                Sized(f) => vec![(f, count)],
                First(f, _) => vec![(f, 0)],
            },
        })
    }

    /// `map`, `fold`, `filter`: the word's own charges and the function's lookup, the
    /// sequences (and fold's initial value), then the function applied to each element.
    fn higher_order(
        &mut self,
        name: &str,
        args: &[Arg<'a>],
        e: Option<&'a SymbolicExpression>,
        depth: u64,
    ) -> Bound {
        let mut b = Bound::default();
        let Some(f) = args.first().and_then(|a| match a {
            Arg::Expr(x) => x.match_atom().map(|n| n.to_string()),
            Arg::Val(_) => None,
        }) else {
            b.unbounded(format!("{name} without a function name"));
            return b;
        };
        let own = match name {
            "map" => (C::Map, args.len() as u64),
            "fold" => (C::Fold, 0),
            _ => (C::Filter, 0),
        };
        self.charge(&mut b, own.0, own.1);
        self.charge(&mut b, C::LookupFunction, 0);
        let end = if name == "fold" { 2 } else { args.len() };
        let mut seqs = vec![];
        for a in &args[1..end.min(args.len())] {
            b.add(&self.eval(a, depth));
            let t = self.arg_ty(a, &mut b);
            match seq_info(&t) {
                Some(s) => seqs.push(s),
                None => b.unbounded(format!("{name} over a {t}")),
            }
        }
        // `map` over several sequences runs over the shortest, except in clarity-vm
        // 2.1.1's quirk with an empty one, where it can run over a longer one: the
        // longest maximum bounds both.
        let n = if seqs.len() == 1 {
            seqs[0].0
        } else {
            seqs.iter().map(|s| s.0).max().unwrap_or(0)
        };
        let elems: Vec<T> = seqs.iter().map(|s| s.1.clone()).collect();
        let once = if name == "fold" {
            let Some(init) = args.get(2) else {
                return b;
            };
            b.add(&self.eval(init, depth));
            // The accumulator is the initial value, then what the function returned.
            let mut accs = vec![self.arg_ty(init, &mut b)];
            if let Some(e) = e {
                accs.push(self.ty(e, &mut b));
            }
            let elem = elems.first().cloned().unwrap_or(T::NoType);
            let mut worst = Bound::default();
            for acc in accs {
                worst = worst.max(&self.application(&f, &[elem.clone(), acc], depth));
            }
            worst
        } else {
            self.application(&f, &elems, depth)
        };
        b.add(&once.times(n));
        b
    }
}
