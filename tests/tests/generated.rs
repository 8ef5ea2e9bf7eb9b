//! Generated differential tests: random well-typed Clarity expressions, run on the
//! interpreter and on Wasm, which must agree (result value or error kind, events, state).
//!
//! The number of cases of each property is read from the environment variable
//! `CLARINET_WASM_PROPTEST_CASES` (default 300), e.g. for a long run:
//!
//! ```text
//! CLARINET_WASM_PROPTEST_CASES=100000 cargo test -p clarinet-wasm-tests --test generated --release
//! ```
//!
//! The generator is typed: for each target type there is a generator that only builds
//! terms of that type (arithmetic, comparisons, boolean operators, `let`, `if`, `begin`,
//! `match`, the unwrap family, `try!`, `default-to`, tuples, optionals, responses, `print`),
//! nested up to depth 4. Literals are small-ish but include 128-bit edges, so that
//! arithmetic errors (overflow, underflow, division by zero ...) happen regularly. Every
//! generated optional or response has a determinate type (`none`, `ok` and `err` appear
//! under an `if` whose other branch fixes the type), so the analysis accepts every term;
//! the properties check that too, which keeps the generator honest.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::Arc;

use clarinet_wasm_tests::*;
use proptest::prelude::*;
use proptest::strategy::Union;
use proptest::test_runner::{TestCaseError, TestError, TestRunner};

const MAX_DEPTH: u32 = 4;

// ---- types --------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq, Eq)]
enum Ty {
    Int,
    UInt,
    Bool,
    /// string-ascii of any length.
    Str,
    /// string-utf8 of any length.
    Utf,
    /// buff of any length.
    Buf,
    Principal,
    List(Box<Ty>),
    Opt(Box<Ty>),
    Resp(Box<Ty>, Box<Ty>),
    /// `{a: A, b: B}`
    Tup(Box<Ty>, Box<Ty>),
}

use Ty::*;

fn opt(t: Ty) -> Ty {
    Opt(Box::new(t))
}
fn resp(t: Ty, e: Ty) -> Ty {
    Resp(Box::new(t), Box::new(e))
}
fn tup(a: Ty, b: Ty) -> Ty {
    Tup(Box::new(a), Box::new(b))
}

fn list_of(t: Ty) -> Ty {
    List(Box::new(t))
}

fn base_ty() -> BoxedStrategy<Ty> {
    prop_oneof![
        3 => Just(Int),
        3 => Just(UInt),
        3 => Just(Bool),
        2 => Just(Str),
        1 => Just(Utf),
        1 => Just(Buf),
        1 => Just(Principal),
    ]
    .boxed()
}

/// A type for an intermediate value (a `let` binding, a `match` input ...).
fn any_ty() -> BoxedStrategy<Ty> {
    prop_oneof![
        4 => base_ty(),
        1 => base_ty().prop_map(opt),
        1 => (base_ty(), base_ty()).prop_map(|(t, e)| resp(t, e)),
        1 => (base_ty(), base_ty()).prop_map(|(a, b)| tup(a, b)),
        1 => base_ty().prop_map(list_of),
    ]
    .boxed()
}

// ---- generator ------------------------------------------------------------------------

/// Variables in scope, with their types.
type Env = Arc<Vec<(String, Ty)>>;

#[derive(Clone, Copy)]
struct Ctx {
    /// Whether `unwrap! unwrap-err! try! asserts!` may appear throwing any value (they
    /// short-return, which is fine at the top level of a snippet).
    short_returns: bool,
    /// Inside a function returning `(response _ uint)`: the same words, throwing
    /// `(err <uint>)` (`try!` on responses with a uint error).
    throws_uint: bool,
    /// The contract's data vars and map may be read (`var-get`, `map-get?`), and
    /// `tx-sender` appears.
    reads: bool,
    /// ... and written (`var-set`, `map-set`, `map-insert`, `map-delete`).
    writes: bool,
    /// The contract's other functions may be called, directly and through `map`, `fold`
    /// and `filter`, and `as-contract` appears.
    calls: bool,
}

impl Ctx {
    /// A snippet: any short return, no contract around.
    const SNIPPET: Ctx = Ctx {
        short_returns: true,
        throws_uint: false,
        reads: false,
        writes: false,
        calls: false,
    };
    /// A pure function body.
    const PURE: Ctx = Ctx {
        short_returns: false,
        throws_uint: false,
        reads: false,
        writes: false,
        calls: false,
    };
}

type S = BoxedStrategy<String>;

/// Build the strategy only when sampled: the alternatives of a union are cheap to make.
fn lazy(f: impl Fn() -> S + 'static) -> S {
    Just(()).prop_flat_map(move |_| f()).boxed()
}

fn with_var(env: &Env, name: String, ty: Ty) -> Env {
    let mut v = (**env).clone();
    v.push((name, ty));
    Arc::new(v)
}

fn int_literal() -> BoxedStrategy<i128> {
    prop_oneof![
        8 => -20i128..20,
        2 => any::<i64>().prop_map(|v| v as i128),
        1 => any::<i128>(),
        2 => prop::sample::select(contract_gen::EDGE_INTS.to_vec()),
    ]
    .boxed()
}

fn uint_literal() -> BoxedStrategy<u128> {
    prop_oneof![
        8 => 0u128..20,
        2 => any::<u64>().prop_map(|v| v as u128),
        1 => any::<u128>(),
        2 => prop::sample::select(vec![
            u128::MAX,
            u128::MAX - 1,
            i128::MAX as u128,
            1u128 << 127,
            1 << 64,
            (1 << 64) - 1,
            1 << 63,
            18446744073709551615,
        ]),
    ]
    .boxed()
}

fn str_literal() -> S {
    "[a-c ]{0,5}".prop_map(|s| format!("\"{s}\"")).boxed()
}

fn utf8_literal() -> S {
    let chars = prop::sample::select(vec!["a", "b", " ", "\\u{e9}", "\\u{1F600}", "\\u{4E2D}"]);
    prop::collection::vec(chars, 0..=4)
        .prop_map(|cs| format!("u\"{}\"", cs.concat()))
        .boxed()
}

fn buff_literal() -> S {
    prop::collection::vec(prop::sample::select(vec![0u8, 1, 0x7f, 0x80, 0xff]), 0..=4)
        .prop_map(|bs| {
            format!(
                "0x{}",
                bs.iter().map(|b| format!("{b:02x}")).collect::<String>()
            )
        })
        .boxed()
}

fn principal_literal() -> S {
    prop::sample::select(vec![
        "tx-sender",
        "contract-caller",
        "'ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM",
        "'ST1SJ3DTE5DN7X54YDH5D64R3BCB6A2AG2ZQ8YPD5",
        "'ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM.some-contract",
        ".other",
    ])
    .prop_map(str::to_string)
    .boxed()
}

/// A closed literal term of type `ty` (determinate).
fn literal(ty: &Ty) -> S {
    match ty {
        Int => int_literal().prop_map(|v| v.to_string()).boxed(),
        UInt => uint_literal().prop_map(|v| format!("u{v}")).boxed(),
        Bool => prop_oneof![Just("true".to_string()), Just("false".to_string())].boxed(),
        Str => str_literal(),
        Utf => utf8_literal(),
        Buf => buff_literal(),
        Principal => principal_literal(),
        List(t) => prop_oneof![
            prop::collection::vec(literal(t), 1..=3)
                .prop_map(|xs| format!("(list {})", xs.join(" "))),
            literal(t).prop_map(|x| format!("(if false (list {x}) (list))")),
        ]
        .boxed(),
        Opt(t) => prop_oneof![
            literal(t).prop_map(|v| format!("(some {v})")),
            literal(t).prop_map(|v| format!("(if false (some {v}) none)")),
        ]
        .boxed(),
        Resp(t, e) => (any::<bool>(), literal(t), literal(e))
            .prop_map(|(c, t, e)| format!("(if {c} (ok {t}) (err {e}))"))
            .boxed(),
        Tup(a, b) => (literal(a), literal(b))
            .prop_map(|(a, b)| format!("{{a: {a}, b: {b}}}"))
            .boxed(),
    }
}

/// A leaf: a literal or a variable of type `ty`.
fn leaf(ty: &Ty, env: &Env) -> S {
    let vars: Vec<String> = env
        .iter()
        .filter(|(_, t)| t == ty)
        .map(|(n, _)| n.clone())
        .collect();
    if vars.is_empty() {
        literal(ty)
    } else {
        prop_oneof![2 => literal(ty), 3 => prop::sample::select(vars)].boxed()
    }
}

/// A term of type `ty` of depth at most `depth`, using the variables of `env`.
fn expr(ty: Ty, depth: u32, env: Env, cx: Ctx) -> S {
    if depth == 0 {
        return leaf(&ty, &env);
    }
    let d = depth - 1;
    let mut alts: Vec<(u32, S)> = vec![(6, leaf(&ty, &env))];
    macro_rules! alt {
        ($w:expr, $body:expr) => {{
            let (ty, env) = (ty.clone(), env.clone());
            #[allow(unused_variables)]
            alts.push((
                $w,
                lazy(move || {
                    let (ty, env) = (ty.clone(), env.clone());
                    $body(ty, env)
                }),
            ));
        }};
    }
    // ---- any type
    alt!(3, |ty: Ty, env: Env| {
        (
            expr(Bool, d, env.clone(), cx),
            expr(ty.clone(), d, env.clone(), cx),
            expr(ty, d, env, cx),
        )
            .prop_map(|(c, a, b)| format!("(if {c} {a} {b})"))
            .boxed()
    });
    alt!(3, |ty: Ty, env: Env| {
        any_ty()
            .prop_flat_map(move |u| {
                let name = format!("v{depth}");
                let inner = with_var(&env, name.clone(), u.clone());
                (expr(u, d, env.clone(), cx), expr(ty.clone(), d, inner, cx))
                    .prop_map(move |(x, body)| format!("(let (({name} {x})) {body})"))
            })
            .boxed()
    });
    alt!(1, |ty: Ty, env: Env| {
        base_ty()
            .prop_flat_map(move |u| {
                (
                    expr(u, d, env.clone(), cx),
                    expr(ty.clone(), d, env.clone(), cx),
                )
                    .prop_map(|(a, b)| format!("(begin {a} {b})"))
            })
            .boxed()
    });
    alt!(1, |ty: Ty, env: Env| expr(ty, d, env, cx)
        .prop_map(|a| format!("(print {a})"))
        .boxed());
    alt!(2, |ty: Ty, env: Env| {
        any_ty()
            .prop_flat_map(move |u| {
                let name = format!("s{depth}");
                let inner = with_var(&env, name.clone(), u.clone());
                (
                    expr(opt(u), d, env.clone(), cx),
                    expr(ty.clone(), d, inner, cx),
                    expr(ty.clone(), d, env.clone(), cx),
                )
                    .prop_map(move |(o, some, none)| format!("(match {o} {name} {some} {none})"))
            })
            .boxed()
    });
    alt!(2, |ty: Ty, env: Env| {
        (any_ty(), any_ty())
            .prop_flat_map(move |(u, v)| {
                let (n_ok, n_err) = (format!("s{depth}"), format!("t{depth}"));
                let env_ok = with_var(&env, n_ok.clone(), u.clone());
                let env_err = with_var(&env, n_err.clone(), v.clone());
                (
                    expr(resp(u, v), d, env.clone(), cx),
                    expr(ty.clone(), d, env_ok, cx),
                    expr(ty.clone(), d, env_err, cx),
                )
                    .prop_map(move |(r, a, b)| format!("(match {r} {n_ok} {a} {n_err} {b})"))
            })
            .boxed()
    });
    alt!(1, |ty: Ty, env: Env| expr(opt(ty), d, env, cx)
        .prop_map(|o| format!("(unwrap-panic {o})"))
        .boxed());
    alt!(1, |ty: Ty, env: Env| {
        base_ty()
            .prop_flat_map(move |e| {
                expr(resp(ty.clone(), e), d, env.clone(), cx)
                    .prop_map(|r| format!("(unwrap-panic {r})"))
            })
            .boxed()
    });
    alt!(1, |ty: Ty, env: Env| {
        base_ty()
            .prop_flat_map(move |t| {
                expr(resp(t, ty.clone()), d, env.clone(), cx)
                    .prop_map(|r| format!("(unwrap-err-panic {r})"))
            })
            .boxed()
    });
    alt!(2, |ty: Ty, env: Env| {
        (
            expr(ty.clone(), d, env.clone(), cx),
            expr(opt(ty), d, env, cx),
        )
            .prop_map(|(x, o)| format!("(default-to {x} {o})"))
            .boxed()
    });
    alt!(1, |ty: Ty, env: Env| {
        base_ty()
            .prop_flat_map(move |u| {
                expr(tup(ty.clone(), u), d, env.clone(), cx).prop_map(|t| format!("(get a {t})"))
            })
            .boxed()
    });
    alt!(1, |ty: Ty, env: Env| {
        base_ty()
            .prop_flat_map(move |u| {
                expr(tup(u, ty.clone()), d, env.clone(), cx).prop_map(|t| format!("(get b {t})"))
            })
            .boxed()
    });
    if cx.short_returns {
        alt!(1, |ty: Ty, env: Env| {
            any_ty()
                .prop_flat_map(move |u| {
                    (
                        expr(opt(ty.clone()), d, env.clone(), cx),
                        expr(u, d, env.clone(), cx),
                    )
                        .prop_map(|(o, x)| format!("(unwrap! {o} {x})"))
                })
                .boxed()
        });
        alt!(1, |ty: Ty, env: Env| {
            (base_ty(), any_ty())
                .prop_flat_map(move |(e, u)| {
                    (
                        expr(resp(ty.clone(), e), d, env.clone(), cx),
                        expr(u, d, env.clone(), cx),
                    )
                        .prop_map(|(r, x)| format!("(unwrap! {r} {x})"))
                })
                .boxed()
        });
        alt!(1, |ty: Ty, env: Env| {
            (base_ty(), any_ty())
                .prop_flat_map(move |(t, u)| {
                    (
                        expr(resp(t, ty.clone()), d, env.clone(), cx),
                        expr(u, d, env.clone(), cx),
                    )
                        .prop_map(|(r, x)| format!("(unwrap-err! {r} {x})"))
                })
                .boxed()
        });
        alt!(1, |ty: Ty, env: Env| expr(opt(ty), d, env, cx)
            .prop_map(|o| format!("(try! {o})"))
            .boxed());
        alt!(1, |ty: Ty, env: Env| {
            base_ty()
                .prop_flat_map(move |e| {
                    expr(resp(ty.clone(), e), d, env.clone(), cx)
                        .prop_map(|r| format!("(try! {r})"))
                })
                .boxed()
        });
    }
    if cx.throws_uint {
        // Early exits out of a function returning `(response _ uint)`.
        alt!(1, |ty: Ty, env: Env| {
            (
                expr(opt(ty.clone()), d, env.clone(), cx),
                expr(UInt, d, env, cx),
            )
                .prop_map(|(o, x)| format!("(unwrap! {o} (err {x}))"))
                .boxed()
        });
        alt!(1, |ty: Ty, env: Env| {
            base_ty()
                .prop_flat_map(move |e| {
                    (
                        expr(resp(ty.clone(), e), d, env.clone(), cx),
                        expr(UInt, d, env.clone(), cx),
                    )
                        .prop_map(|(r, x)| format!("(unwrap! {r} (err {x}))"))
                })
                .boxed()
        });
        alt!(1, |ty: Ty, env: Env| {
            base_ty()
                .prop_flat_map(move |t| {
                    (
                        expr(resp(t, ty.clone()), d, env.clone(), cx),
                        expr(UInt, d, env.clone(), cx),
                    )
                        .prop_map(|(r, x)| format!("(unwrap-err! {r} (err {x}))"))
                })
                .boxed()
        });
        alt!(2, |ty: Ty, env: Env| expr(resp(ty, UInt), d, env, cx)
            .prop_map(|r| format!("(try! {r})"))
            .boxed());
    }
    if cx.reads {
        if let Some(var) = data_var_of(&ty) {
            alt!(3, |_ty: Ty, _env: Env| Just(format!("(var-get {var})"))
                .boxed());
        }
        if ty == opt(map_value()) {
            alt!(3, |_ty: Ty, env: Env| expr(UInt, d, env, cx)
                .prop_map(|k| format!("(map-get? m {k})"))
                .boxed());
        }
        // Fields of a map entry, and whether there is one.
        let field = match &ty {
            Int => Some("a"),
            Str => Some("b"),
            _ => None,
        };
        if let Some(field) = field {
            alt!(3, |ty: Ty, env: Env| {
                (expr(ty, d, env.clone(), cx), expr(UInt, d, env, cx))
                    .prop_map(move |(x, k)| {
                        format!("(default-to {x} (get {field} (map-get? m {k})))")
                    })
                    .boxed()
            });
        }
        if ty == Bool {
            alt!(2, |_ty: Ty, env: Env| expr(UInt, d, env, cx)
                .prop_map(|k| format!("(is-some (map-get? m {k}))"))
                .boxed());
        }
    }
    if cx.writes {
        // A write, then the wanted value.
        alt!(3, |ty: Ty, env: Env| {
            prop_oneof![
                prop::sample::select(DATA_VARS.to_vec()).prop_flat_map({
                    let env = env.clone();
                    move |(var, vt)| {
                        expr(vt(), d, env.clone(), cx)
                            .prop_map(move |x| format!("(var-set {var} {x})"))
                    }
                }),
                (
                    expr(UInt, d, env.clone(), cx),
                    expr(map_value(), d, env.clone(), cx)
                )
                    .prop_map(|(k, v)| format!("(map-set m {k} {v})")),
                (
                    expr(UInt, d, env.clone(), cx),
                    expr(map_value(), d, env.clone(), cx)
                )
                    .prop_map(|(k, v)| format!("(map-insert m {k} {v})")),
                expr(UInt, d, env.clone(), cx).prop_map(|k| format!("(map-delete m {k})")),
            ]
            .prop_flat_map(move |w| {
                expr(ty.clone(), d, env.clone(), cx).prop_map(move |x| format!("(begin {w} {x})"))
            })
            .boxed()
        });
    }
    if cx.calls {
        alt!(2, |ty: Ty, env: Env| expr(ty, d, env, cx)
            .prop_map(|x| format!("(as-contract {x})"))
            .boxed());
        match &ty {
            Int => {
                alt!(4, |_ty: Ty, env: Env| expr(Int, d, env, cx)
                    .prop_map(|x| format!("(h-int {x})"))
                    .boxed());
                alt!(2, |_ty: Ty, env: Env| expr(Int, d, env, cx)
                    .prop_map(|x| format!("(ro-int {x})"))
                    .boxed());
                // The response functions (early exits inside; a nested transaction for the
                // public one), their outcome turned into an int.
                alt!(4, |_ty: Ty, env: Env| {
                    (
                        prop::sample::select(vec!["h-resp", "pub-resp"]),
                        expr(Int, d, env, cx),
                    )
                        .prop_map(|(f, x)| format!("(match ({f} {x}) v v e (to-int e))"))
                        .boxed()
                });
                alt!(6, |_ty: Ty, env: Env| {
                    (
                        expr(list_of(Int), d, env.clone(), cx),
                        expr(Int, d, env, cx),
                    )
                        .prop_map(|(l, i)| format!("(fold h-step {l} {i})"))
                        .boxed()
                });
            }
            List(t) if **t == Int => {
                alt!(6, |_ty: Ty, env: Env| expr(list_of(Int), d, env, cx)
                    .prop_map(|l| format!("(map h-int {l})"))
                    .boxed());
                alt!(6, |_ty: Ty, env: Env| expr(list_of(Int), d, env, cx)
                    .prop_map(|l| format!("(filter h-bool {l})"))
                    .boxed());
            }
            Resp(t, e) if **t == Int && **e == UInt => {
                alt!(4, |_ty: Ty, env: Env| expr(Int, d, env, cx)
                    .prop_map(|x| format!("(h-resp {x})"))
                    .boxed());
                alt!(3, |_ty: Ty, env: Env| expr(Int, d, env, cx)
                    .prop_map(|x| format!("(pub-resp {x})"))
                    .boxed());
            }
            Bool => {
                alt!(1, |_ty: Ty, env: Env| expr(Int, d, env, cx)
                    .prop_map(|x| format!("(h-bool {x})"))
                    .boxed());
            }
            _ => {}
        }
    }
    // ---- by type
    match &ty {
        Int | UInt => {
            let u = if ty == UInt { "u" } else { "" };
            for op in ["+", "-", "*", "/"] {
                alt!(2, |ty: Ty, env: Env| {
                    prop::collection::vec(expr(ty, d, env, cx), 1..=3)
                        .prop_map(move |xs| format!("({op} {})", xs.join(" ")))
                        .boxed()
                });
            }
            for op in ["mod", "xor"] {
                alt!(1, |ty: Ty, env: Env| {
                    (expr(ty.clone(), d, env.clone(), cx), expr(ty, d, env, cx))
                        .prop_map(move |(a, b)| format!("({op} {a} {b})"))
                        .boxed()
                });
            }
            alt!(1, |ty: Ty, env: Env| {
                let small = (0u32..6).prop_map(move |n| format!("{u}{n}")).boxed();
                let exponent = prop_oneof![3 => small, 1 => expr(ty.clone(), d, env.clone(), cx)];
                (expr(ty, d, env, cx), exponent)
                    .prop_map(|(a, b)| format!("(pow {a} {b})"))
                    .boxed()
            });
            for op in ["sqrti", "log2"] {
                alt!(1, |ty: Ty, env: Env| expr(ty, d, env, cx)
                    .prop_map(move |a| format!("({op} {a})"))
                    .boxed());
            }
            if ty == Int {
                alt!(2, |_ty: Ty, env: Env| expr(UInt, d, env, cx)
                    .prop_map(|a| format!("(to-int {a})"))
                    .boxed());
            } else {
                alt!(2, |_ty: Ty, env: Env| expr(Int, d, env, cx)
                    .prop_map(|a| format!("(to-uint {a})"))
                    .boxed());
                alt!(1, |_ty: Ty, env: Env| {
                    prop_oneof![Just(Str), Just(Utf), Just(Buf), base_ty().prop_map(list_of)]
                        .prop_flat_map(move |t| expr(t, d, env.clone(), cx))
                        .prop_map(|a| format!("(len {a})"))
                        .boxed()
                });
                alt!(1, |_ty: Ty, env: Env| {
                    any_ty()
                        .prop_flat_map(move |u| {
                            prop::collection::vec(expr(u, d, env.clone(), cx), 0..=3)
                        })
                        .prop_map(|xs| format!("(len (list {}))", xs.join(" ")))
                        .boxed()
                });
            }
        }
        Bool => {
            for op in ["<", "<=", ">", ">="] {
                alt!(2, |_ty: Ty, env: Env| {
                    prop_oneof![3 => Just(Int), 3 => Just(UInt), 1 => Just(Str), 1 => Just(Utf), 1 => Just(Buf)]
                        .prop_flat_map(move |u| (expr(u.clone(), d, env.clone(), cx), expr(u, d, env.clone(), cx)))
                        .prop_map(move |(a, b)| format!("({op} {a} {b})"))
                        .boxed()
                });
            }
            alt!(3, |_ty: Ty, env: Env| {
                any_ty()
                    .prop_flat_map(move |u| {
                        prop::collection::vec(expr(u, d, env.clone(), cx), 2..=3)
                    })
                    .prop_map(|xs| format!("(is-eq {})", xs.join(" ")))
                    .boxed()
            });
            for op in ["and", "or"] {
                alt!(2, |_ty: Ty, env: Env| {
                    prop::collection::vec(expr(Bool, d, env, cx), 1..=3)
                        .prop_map(move |xs| format!("({op} {})", xs.join(" ")))
                        .boxed()
                });
            }
            alt!(1, |_ty: Ty, env: Env| expr(Bool, d, env, cx)
                .prop_map(|a| format!("(not {a})"))
                .boxed());
            if cx.throws_uint {
                alt!(1, |_ty: Ty, env: Env| {
                    (expr(Bool, d, env.clone(), cx), expr(UInt, d, env, cx))
                        .prop_map(|(c, x)| format!("(asserts! {c} (err {x}))"))
                        .boxed()
                });
            }
            for op in ["is-some", "is-none"] {
                alt!(1, |_ty: Ty, env: Env| {
                    any_ty()
                        .prop_flat_map(move |u| expr(opt(u), d, env.clone(), cx))
                        .prop_map(move |o| format!("({op} {o})"))
                        .boxed()
                });
            }
            for op in ["is-ok", "is-err"] {
                alt!(1, |_ty: Ty, env: Env| {
                    (base_ty(), base_ty())
                        .prop_flat_map(move |(t, e)| expr(resp(t, e), d, env.clone(), cx))
                        .prop_map(move |r| format!("({op} {r})"))
                        .boxed()
                });
            }
            if cx.short_returns {
                alt!(1, |_ty: Ty, env: Env| {
                    any_ty()
                        .prop_flat_map(move |u| {
                            (expr(Bool, d, env.clone(), cx), expr(u, d, env.clone(), cx))
                        })
                        .prop_map(|(c, x)| format!("(asserts! {c} {x})"))
                        .boxed()
                });
            }
        }
        Str | Utf | Buf | Principal => {}
        List(t) => {
            let t = (**t).clone();
            let t1 = t.clone();
            alt!(4, |_ty: Ty, env: Env| {
                prop::collection::vec(expr(t1.clone(), d, env, cx), 1..=3)
                    .prop_map(|xs| format!("(list {})", xs.join(" ")))
                    .boxed()
            });
            alt!(2, |_ty: Ty, env: Env| {
                (
                    expr(Bool, d, env.clone(), cx),
                    prop::collection::vec(expr(t.clone(), d, env, cx), 1..=2),
                )
                    .prop_map(|(c, xs)| format!("(if {c} (list {}) (list))", xs.join(" ")))
                    .boxed()
            });
        }
        Opt(t) => {
            let t = (**t).clone();
            let t1 = t.clone();
            alt!(3, |_ty: Ty, env: Env| expr(t1.clone(), d, env, cx)
                .prop_map(|x| format!("(some {x})"))
                .boxed());
            alt!(3, |_ty: Ty, env: Env| {
                (
                    expr(Bool, d, env.clone(), cx),
                    expr(t.clone(), d, env, cx),
                    any::<bool>(),
                )
                    .prop_map(|(c, x, flip)| {
                        if flip {
                            format!("(if {c} none (some {x}))")
                        } else {
                            format!("(if {c} (some {x}) none)")
                        }
                    })
                    .boxed()
            });
        }
        Resp(t, e) => {
            let (t, e) = ((**t).clone(), (**e).clone());
            alt!(5, |_ty: Ty, env: Env| {
                (
                    expr(Bool, d, env.clone(), cx),
                    expr(t.clone(), d, env.clone(), cx),
                    expr(e.clone(), d, env, cx),
                    any::<bool>(),
                )
                    .prop_map(|(c, x, y, flip)| {
                        if flip {
                            format!("(if {c} (err {y}) (ok {x}))")
                        } else {
                            format!("(if {c} (ok {x}) (err {y}))")
                        }
                    })
                    .boxed()
            });
        }
        Tup(a, b) => {
            let (a, b) = ((**a).clone(), (**b).clone());
            let (a1, b1) = (a.clone(), b.clone());
            alt!(3, |_ty: Ty, env: Env| {
                (
                    expr(a1.clone(), d, env.clone(), cx),
                    expr(b1.clone(), d, env, cx),
                    any::<bool>(),
                )
                    .prop_map(|(x, y, flip)| {
                        if flip {
                            format!("{{b: {y}, a: {x}}}")
                        } else {
                            format!("(tuple (a {x}) (b {y}))")
                        }
                    })
                    .boxed()
            });
            alt!(2, |_ty: Ty, env: Env| {
                (
                    expr(a.clone(), d, env.clone(), cx),
                    expr(b.clone(), d, env.clone(), cx),
                    expr(b.clone(), d, env, cx),
                )
                    .prop_map(|(x, y, z)| format!("(merge {{a: {x}, b: {y}}} {{b: {z}}})"))
                    .boxed()
            });
        }
    }
    Union::new_weighted(alts).boxed()
}

/// A snippet: a term of a random type, of depth up to `MAX_DEPTH`.
fn snippet() -> S {
    (any_ty(), 1..=MAX_DEPTH)
        .prop_flat_map(|(ty, depth)| expr(ty, depth, Arc::new(vec![]), Ctx::SNIPPET))
        .boxed()
}

/// Function parameters available to generated function bodies.
fn params() -> Vec<(String, Ty, &'static str)> {
    vec![
        ("p-int".into(), Int, "int"),
        ("p-uint".into(), UInt, "uint"),
        ("p-bool".into(), Bool, "bool"),
        ("p-str".into(), Str, "(string-ascii 8)"),
        ("p-opt".into(), opt(Int), "(optional int)"),
    ]
}

/// Arguments for [`params`].
fn arguments() -> BoxedStrategy<Vec<Value>> {
    (
        int_literal(),
        uint_literal(),
        any::<bool>(),
        "[a-c]{0,8}",
        prop::option::of(int_literal()),
    )
        .prop_map(|(i, u, b, s, o)| {
            vec![
                Value::Int(i),
                Value::UInt(u),
                Value::Bool(b),
                ascii(&s),
                o.map_or(Value::none(), |v| some(Value::Int(v))),
            ]
        })
        .boxed()
}

/// A public function body (no short returns), of a random type.
fn function_body() -> S {
    let env: Env = Arc::new(params().into_iter().map(|(n, t, _)| (n, t)).collect());
    (any_ty(), 1..=MAX_DEPTH)
        .prop_flat_map(move |(ty, depth)| expr(ty, depth, env.clone(), Ctx::PURE))
        .boxed()
}

// ---- contracts ---------------------------------------------------------------------------

/// The data vars of a generated contract: name and type (initial values are literals).
const DATA_VARS: &[(&str, fn() -> Ty)] = &[
    ("dv-int", || Int),
    ("dv-str", || Str),
    ("dv-opt", || opt(UInt)),
    ("dv-list", || list_of(Int)),
    ("dv-tup", map_value),
];

/// The value type of the contract's map `m` (keys are uints).
fn map_value() -> Ty {
    tup(Int, Str)
}

fn data_var_of(ty: &Ty) -> Option<&'static str> {
    DATA_VARS.iter().find(|(_, t)| t() == *ty).map(|(n, _)| *n)
}

/// A Clarity type for a generator type (strings and lists with room for any generated
/// value).
fn clarity_type(ty: &Ty) -> String {
    match ty {
        Int => "int".into(),
        UInt => "uint".into(),
        Bool => "bool".into(),
        Str => "(string-ascii 32)".into(),
        Utf => "(string-utf8 32)".into(),
        Buf => "(buff 32)".into(),
        Principal => "principal".into(),
        List(t) => format!("(list 5 {})", clarity_type(t)),
        Opt(t) => format!("(optional {})", clarity_type(t)),
        Resp(t, e) => format!("(response {} {})", clarity_type(t), clarity_type(e)),
        Tup(a, b) => format!("{{a: {}, b: {}}}", clarity_type(a), clarity_type(b)),
    }
}

/// A generated contract: data vars, a map, helper functions (some with early exits in
/// nested positions, some writing), a read-only and a public function called from the
/// main public function `f`, which uses all of them, including through `map`, `fold`,
/// `filter` and `as-contract`.
fn contract() -> S {
    let x_env: Env = Arc::new(vec![("x".into(), Int)]);
    let step_env: Env = Arc::new(vec![("x".into(), Int), ("acc".into(), Int)]);
    let main_env: Env = Arc::new(params().into_iter().map(|(n, t, _)| (n, t)).collect());
    let helper = Ctx {
        short_returns: false,
        throws_uint: false,
        reads: true,
        writes: true,
        calls: false,
    };
    let exits = Ctx {
        throws_uint: true,
        ..helper
    };
    let main = Ctx {
        calls: true,
        ..helper
    };
    let initial = DATA_VARS
        .iter()
        .map(|(n, t)| literal(&t()).prop_map(move |v| (n.to_string(), t(), v)))
        .collect::<Vec<_>>();
    (
        initial,
        expr(Int, 2, x_env.clone(), helper),
        expr(Bool, 2, x_env.clone(), helper),
        expr(Int, 2, step_env, helper),
        expr(resp(Int, UInt), 3, x_env.clone(), exits),
        expr(
            Int,
            2,
            x_env.clone(),
            Ctx {
                reads: true,
                writes: false,
                ..Ctx::PURE
            },
        ),
        expr(
            resp(Int, UInt),
            2,
            x_env,
            Ctx {
                calls: false,
                ..exits
            },
        ),
        (
            prop_oneof![2 => any_ty(), 2 => Just(Int), 1 => Just(list_of(Int)), 1 => Just(Bool)],
            2..=MAX_DEPTH,
        )
            .prop_flat_map(move |(ty, depth)| expr(ty, depth, main_env.clone(), main)),
    )
        .prop_map(
            |(vars, h_int, h_bool, h_step, h_resp, ro_int, pub_resp, body)| {
                let mut src = String::new();
                for (n, t, v) in vars {
                    src += &format!("(define-data-var {n} {} {v})\n", clarity_type(&t));
                }
                src += &format!("(define-map m uint {})\n", clarity_type(&map_value()));
                src += &format!("(define-private (h-int (x int)) {h_int})\n");
                src += &format!("(define-private (h-bool (x int)) {h_bool})\n");
                src += &format!("(define-private (h-step (x int) (acc int)) {h_step})\n");
                src += &format!("(define-private (h-resp (x int)) {h_resp})\n");
                src += &format!("(define-read-only (ro-int (x int)) {ro_int})\n");
                src += &format!("(define-public (pub-resp (x int)) {pub_resp})\n");
                let signature: Vec<String> = params()
                    .iter()
                    .map(|(n, _, t)| format!("({n} {t})"))
                    .collect();
                src += &format!(
                    "(define-public (f {})\n  (ok {body}))\n",
                    signature.join(" ")
                );
                src
            },
        )
        .boxed()
}

// ---- properties -------------------------------------------------------------------------

thread_local! {
    static BASE: Chain = Chain::devnet();
}

fn base_chain() -> Chain {
    BASE.with(|c| c.clone())
}

#[derive(Default, Debug)]
struct Stats {
    values: usize,
    errors: BTreeMap<String, usize>,
}

impl Stats {
    fn record(&mut self, r: &StepReport) {
        match &r.interpreter.result {
            Ok(_) => self.values += 1,
            Err(e) => {
                let kind = e.kind.split('(').take(2).collect::<Vec<_>>().join("(");
                *self.errors.entry(kind).or_default() += 1;
            }
        }
    }

    fn total(&self) -> usize {
        self.values + self.errors.values().sum::<usize>()
    }
}

/// The case passes if the runtimes agree and the term type-checked.
fn judge(r: &StepReport) -> Result<(), TestCaseError> {
    if let Err(e) = &r.interpreter.result {
        if e.kind.starts_with("analysis") || e.kind.starts_with("Unchecked") {
            return Err(TestCaseError::fail(format!(
                "the generator built an ill-typed term\n  {}",
                describe(r)
            )));
        }
    }
    if r.verdict != Verdict::Agree {
        return Err(TestCaseError::fail(format!(
            "runtimes disagree\n  {}",
            describe(r)
        )));
    }
    Ok(())
}

fn run<T: std::fmt::Debug>(
    name: &str,
    strategy: impl Strategy<Value = T>,
    test: impl Fn(&T) -> Result<StepReport, TestCaseError>,
) {
    let stats = RefCell::new(Stats::default());
    let mut runner = TestRunner::new(proptest_config(file!(), 2000, 60_000));
    let result = runner.run(&strategy, |input| {
        let r = test(&input)?;
        stats.borrow_mut().record(&r);
        judge(&r)
    });
    let stats = stats.into_inner();
    eprintln!(
        "{name}: {} runs, {} values, errors {:?}",
        stats.total(),
        stats.values,
        stats.errors
    );
    match result {
        Ok(()) => {}
        Err(TestError::Fail(reason, input)) => {
            panic!("{name}: minimal failing input: {input:#?}\n{reason}")
        }
        Err(TestError::Abort(reason)) => panic!("{name}: aborted: {reason}"),
    }
    // The generator must produce both values and errors, or it tests too little.
    if stats.total() >= 100 {
        assert!(
            stats.values * 5 >= stats.total(),
            "{name}: too few successful evaluations: {stats:?}"
        );
        assert!(
            stats.values < stats.total(),
            "{name}: no errors at all: {stats:?}"
        );
    }
}

#[test]
fn generated_snippets_agree() {
    let base = base_chain();
    let sender = PrincipalData::Standard(base.deployer());
    run("snippets", snippet(), |src: &String| {
        let mut d = Dual::new(base.clone(), Runtimes::Both);
        Ok(d.eval(src, &sender))
    });
}

#[test]
fn generated_public_functions_agree() {
    let base = base_chain();
    let deployer = base.deployer();
    let sender = PrincipalData::Standard(deployer.clone());
    let id = QualifiedContractIdentifier::new(deployer.clone(), "generated".into());
    let signature: Vec<String> = params()
        .iter()
        .map(|(n, _, t)| format!("({n} {t})"))
        .collect();
    let signature = signature.join(" ");
    run(
        "public functions",
        (function_body(), arguments()),
        |(body, args): &(String, Vec<Value>)| {
            let mut d = Dual::new(base.clone(), Runtimes::Both);
            let source = format!("(define-public (f {signature})\n  (ok {body}))");
            let r = d.deploy("generated", &source, &deployer, ClarityVersion::Clarity2);
            if r.interpreter.result.is_err() || r.verdict != Verdict::Agree {
                let mut r = r;
                r.step = format!("deploy {source}");
                return Ok(r);
            }
            let mut r = d.call(&id, "f", args, &sender);
            r.step = format!(
                "{source}\n  called with {}",
                args.iter()
                    .map(|a| a.to_string())
                    .collect::<Vec<_>>()
                    .join(" ")
            );
            Ok(r)
        },
    );
}

#[test]
fn generated_contracts_agree() {
    let base = base_chain();
    let deployer = base.deployer();
    let sender = PrincipalData::Standard(deployer.clone());
    let id = QualifiedContractIdentifier::new(deployer.clone(), "generated".into());
    run(
        "contracts",
        (contract(), arguments(), arguments()),
        |(source, first, second): &(String, Vec<Value>, Vec<Value>)| {
            let mut d = Dual::new(base.clone(), Runtimes::Both);
            let show = |r: StepReport, what: String| {
                let mut r = r;
                r.step = format!("{source}\n  {what}");
                r
            };
            let r = d.deploy("generated", source, &deployer, ClarityVersion::Clarity2);
            if r.interpreter.result.is_err() || r.verdict != Verdict::Agree {
                return Ok(show(r, "deployment".into()));
            }
            // Two calls (the second sees the first's writes), then the public helper.
            let mut last = None;
            for args in [first, second] {
                let r = d.call(&id, "f", args, &sender);
                let what = format!(
                    "(f {})",
                    args.iter()
                        .map(|a| a.to_string())
                        .collect::<Vec<_>>()
                        .join(" ")
                );
                if r.verdict != Verdict::Agree {
                    return Ok(show(r, what));
                }
                last = Some(show(r, what));
            }
            let r = d.call(&id, "pub-resp", &[Value::Int(3)], &sender);
            if r.verdict != Verdict::Agree {
                return Ok(show(r, "(pub-resp 3)".into()));
            }
            Ok(last.expect("two calls"))
        },
    );
}

/// The console's `::trace`: on generated contracts (calls of their own functions, direct
/// and through `map`/`fold`/`filter`, data writes, prints, short returns, errors), both
/// runtimes build the same call tree, node for node: calls, arguments, results, events,
/// writes and the cost of every node.
#[test]
fn generated_call_trees_agree() {
    let base = base_chain();
    let deployer = base.deployer();
    let sender = PrincipalData::Standard(deployer.clone());
    let id = QualifiedContractIdentifier::new(deployer.clone(), "generated".into());
    let nodes = RefCell::new(0usize);
    run(
        "call trees",
        (contract(), arguments()),
        |(source, args): &(String, Vec<Value>)| {
            let mut d = Dual::new(base.clone(), Runtimes::Both);
            let r = d.deploy("generated", source, &deployer, ClarityVersion::Clarity2);
            if r.interpreter.result.is_err() || r.verdict != Verdict::Agree {
                let mut r = r;
                r.step = format!("{source}\n  deployment");
                return Ok(r);
            }
            let (mut r, traces) = d.trace_call(&id, "f", args, &sender);
            r.step = format!("{source}\n  {}", r.step);
            let (Some(i), Some(w)) = (&traces.interpreter, &traces.wasm) else {
                return Err(TestCaseError::fail(format!(
                    "a tree is missing\n  {}",
                    r.step
                )));
            };
            if let Some((path, part)) = clarinet_wasm_runtime::trace::first_difference(i, w) {
                return Err(TestCaseError::fail(format!(
                    "the call trees differ in {part} at {path:?}\n  {}\ninterpreter: {i:#?}\nwasm: {w:#?}",
                    r.step
                )));
            }
            *nodes.borrow_mut() += count_nodes(i);
            Ok(r)
        },
    );
    // The trees are not trivial: the generated functions call each other.
    let nodes = nodes.into_inner();
    eprintln!("call trees: {nodes} nodes compared");
    assert!(nodes > 0, "no call was traced");
}

fn count_nodes(n: &clarinet_wasm_runtime::trace::Node) -> usize {
    1 + n
        .items
        .iter()
        .map(|i| match i {
            clarinet_wasm_runtime::trace::Item::Call(c) => count_nodes(c),
            _ => 0,
        })
        .sum::<usize>()
}
