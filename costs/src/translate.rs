//! From a cost contract's Clarity source to formulas.
//!
//! The source is parsed by clarity-vm's own parser. Helpers are recognised by their bodies
//! (any name, any parameter names), so a contract that keeps the names but changes what a
//! helper does is refused rather than mistranslated. Only shapes whose evaluation the
//! formulas reproduce exactly, failures included, are accepted; anything else is an error
//! naming the function.

use std::collections::HashMap;

use clarity::types::StacksEpochId;
use clarity::vm::ast::{build_ast_with_rules, ASTRules};
use clarity::vm::representations::{SymbolicExpression, SymbolicExpressionType};
use clarity::vm::types::{QualifiedContractIdentifier, Value};
use clarity::vm::ClarityVersion;

use crate::cost_function::{CostFormula, Frames};
use crate::formula::{Dimension, Formula};

/// A parsed contract: its function definitions by name.
pub(crate) struct Parsed {
    contract: QualifiedContractIdentifier,
    functions: HashMap<String, FunctionDef>,
}

struct FunctionDef {
    kind: &'static str,
    params: Vec<(String, SymbolicExpression)>,
    body: SymbolicExpression,
}

/// What a helper computes from its arguments, by parameter position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Helper {
    /// `{runtime: r, other dimensions: u0}`.
    Runtime,
    /// One of linear / logn / nlogn; `n`, `a`, `b` are parameter positions (for linear,
    /// `n` and `a` are the two factors, either of which may receive the input).
    Arith {
        shape: ArithShape,
        n: usize,
        a: usize,
        b: usize,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ArithShape {
    Linear,
    Logn,
    Nlogn,
}

// Parsing rules do not matter for the cost contracts' plain syntax; the newest parser is
// used for every contract.
const PARSE_VERSION: ClarityVersion = ClarityVersion::Clarity2;
const PARSE_EPOCH: StacksEpochId = StacksEpochId::Epoch24;

impl Parsed {
    pub(crate) fn new(
        contract: &QualifiedContractIdentifier,
        source: &str,
    ) -> Result<Parsed, String> {
        let ast = build_ast_with_rules(
            contract,
            source,
            &mut (),
            PARSE_VERSION,
            PARSE_EPOCH,
            ASTRules::PrecheckSize,
        )
        .map_err(|e| format!("{contract}: parse error: {e}"))?;
        let mut functions = HashMap::new();
        for exp in ast.expressions {
            let Some(list) = exp.match_list() else {
                continue;
            };
            let kind = match list
                .first()
                .and_then(|e| e.match_atom())
                .map(|n| n.as_str())
            {
                Some("define-private") => "define-private",
                Some("define-read-only") => "define-read-only",
                Some("define-public") => "define-public",
                _ => continue,
            };
            let malformed = || format!("{contract}: malformed {kind} at {}", at(&exp));
            let [_, signature, body] = list else {
                return Err(malformed());
            };
            let Some([name, params @ ..]) = signature.match_list() else {
                return Err(malformed());
            };
            let name = name.match_atom().ok_or_else(malformed)?.to_string();
            let mut ps = Vec::new();
            for p in params {
                match p.match_list() {
                    Some([pname, ptype]) => {
                        let pname = pname.match_atom().ok_or_else(malformed)?;
                        ps.push((pname.to_string(), ptype.clone()));
                    }
                    _ => return Err(malformed()),
                }
            }
            let def = FunctionDef {
                kind,
                params: ps,
                body: body.clone(),
            };
            if functions.insert(name.clone(), def).is_some() {
                return Err(format!("{contract}: function {name} is defined twice"));
            }
        }
        Ok(Parsed {
            contract: contract.clone(),
            functions,
        })
    }

    pub(crate) fn contract(&self) -> &QualifiedContractIdentifier {
        &self.contract
    }

    pub(crate) fn defines(&self, name: &str) -> bool {
        self.functions.contains_key(name)
    }

    /// The formulas of the cost function `name`, or an error naming it.
    pub(crate) fn translate(&self, name: &str) -> Result<CostFormula, String> {
        let fail = |why: String| format!("{}.{name}: {why}", self.contract);
        let def = self
            .functions
            .get(name)
            .ok_or_else(|| fail("no such function".into()))?;
        if def.kind == "define-public" {
            // A public function must return a response, never a cost tuple.
            return Err(fail("a cost function must be read-only or private".into()));
        }
        if is_reserved(name) {
            return Err(fail("the name is a reserved word".into()));
        }
        let param = match def.params.as_slice() {
            [(p, t)] if is_uint_type(t) && !is_reserved(p) => p.as_str(),
            _ => {
                return Err(fail(
                    "a cost function takes exactly one uint argument".into(),
                ))
            }
        };
        let body = &def.body;
        let function_frame = format!("{}:{name}", self.contract);
        let mut dims = [Formula::Const(0); 5];
        let mut helpers: [Option<String>; 5] = Default::default();
        let mut order = Dimension::ALL;
        let list = body.match_list().unwrap_or(&[]);
        let head = list
            .first()
            .and_then(|h| h.match_atom())
            .map(|h| h.as_str());
        let in_tuple = match (head, list) {
            (Some("tuple"), [_, fields @ ..]) => {
                let mut seen = Vec::with_capacity(5);
                for field in fields {
                    let (d, value) = tuple_field(field)
                        .ok_or_else(|| fail(format!("unsupported tuple field at {}", at(field))))?;
                    if seen.contains(&d) {
                        return Err(fail(format!("field {d} given twice")));
                    }
                    seen.push(d);
                    let (f, h) = self.term(value, param).map_err(fail)?;
                    dims[d.index()] = f;
                    helpers[d.index()] = h;
                }
                if seen.len() != 5 {
                    // The tracker would fail on every call; refuse it here.
                    return Err(fail(
                        "the cost tuple must have exactly the five cost dimensions".into(),
                    ));
                }
                order.copy_from_slice(&seen);
                true
            }
            (Some(h), [_, value]) if self.helper(h) == Some(Helper::Runtime) => {
                let (f, helper) = self.term(value, param).map_err(fail)?;
                dims[Dimension::Runtime.index()] = f;
                helpers[Dimension::Runtime.index()] = helper;
                false
            }
            _ => {
                let why = head.and_then(|h| self.not_a_helper(h)).unwrap_or_else(|| {
                    format!(
                        "unsupported body at {}: expected (runtime X) or a tuple of the five \
                         cost dimensions, each a uint literal or a linear / logn / nlogn \
                         helper of the argument",
                        at(body)
                    )
                });
                return Err(fail(why));
            }
        };
        let frames = Frames {
            reference: format!("{}.{name}", self.contract),
            function_frame,
            in_tuple,
            helpers,
        };
        Ok(CostFormula::new(dims, order, frames))
    }

    /// One dimension's expression: a uint literal, or `(helper n uA uB)`. Returns the
    /// formula and the helper's stack frame.
    fn term(
        &self,
        e: &SymbolicExpression,
        param: &str,
    ) -> Result<(Formula, Option<String>), String> {
        if let Some(c) = uint_literal(e) {
            return Ok((Formula::Const(c), None));
        }
        let unsupported = || {
            format!(
                "unsupported expression at {}: expected a uint literal or (linear|logn|nlogn n uA uB)",
                at(e)
            )
        };
        let Some([head, args @ ..]) = e.match_list() else {
            return Err(unsupported());
        };
        let name = head.match_atom().ok_or_else(unsupported)?.as_str();
        let Some(Helper::Arith {
            shape,
            mut n,
            mut a,
            b,
        }) = self.helper(name)
        else {
            return Err(self.not_a_helper(name).unwrap_or_else(unsupported));
        };
        if args.len() != 3 {
            return Err(unsupported());
        }
        let is_param = |i: usize| args[i].match_atom().map(|x| x.as_str()) == Some(param);
        // In `(* a n)` the body does not say which factor is the input: the call does.
        if shape == ArithShape::Linear && !is_param(n) {
            std::mem::swap(&mut n, &mut a);
        }
        if !is_param(n) {
            return Err(unsupported());
        }
        let (Some(a), Some(b)) = (uint_literal(&args[a]), uint_literal(&args[b])) else {
            return Err(unsupported());
        };
        let f = match shape {
            ArithShape::Linear => Formula::Linear { a, b },
            ArithShape::Logn => Formula::Logn { a, b },
            ArithShape::Nlogn => Formula::Nlogn { a, b },
        };
        Ok((f, Some(format!("{}:{name}", self.contract))))
    }

    /// Why a call of `name` is refused when the contract defines it but not as a helper.
    fn not_a_helper(&self, name: &str) -> Option<String> {
        (self.helper(name).is_none() && self.functions.contains_key(name) && !is_reserved(name))
            .then(|| {
                format!(
                    "unsupported helper {name}: its body is not exactly that of runtime, \
                     linear, logn or nlogn"
                )
            })
    }

    /// What the function `name` of this contract is, if it is a recognised helper.
    /// Reserved words are natives, never this contract's functions.
    fn helper(&self, name: &str) -> Option<Helper> {
        if is_reserved(name) {
            return None;
        }
        let def = self.functions.get(name)?;
        let names: Vec<&str> = def.params.iter().map(|(p, _)| p.as_str()).collect();
        let typed = def
            .params
            .iter()
            .all(|(p, t)| is_uint_type(t) && !is_reserved(p));
        let distinct = names
            .iter()
            .enumerate()
            .all(|(i, p)| !names[..i].contains(p));
        if def.kind == "define-public" || !typed || !distinct {
            return None;
        }
        match names.len() {
            1 if is_runtime_body(&def.body, names[0]) => Some(Helper::Runtime),
            3 => arith_shape(&def.body, &names),
            _ => None,
        }
    }
}

/// The body `{runtime: r, write_length: u0, write_count: u0, read_count: u0, read_length: u0}`
/// (fields in any order).
fn is_runtime_body(body: &SymbolicExpression, r: &str) -> bool {
    let Some([head, fields @ ..]) = body.match_list() else {
        return false;
    };
    if head.match_atom().map(|h| h.as_str()) != Some("tuple") || fields.len() != 5 {
        return false;
    }
    let mut seen = Vec::with_capacity(5);
    for field in fields {
        let Some((d, value)) = tuple_field(field) else {
            return false;
        };
        let ok = if d == Dimension::Runtime {
            value.match_atom().map(|v| v.as_str()) == Some(r)
        } else {
            uint_literal(value) == Some(0)
        };
        if !ok || seen.contains(&d) {
            return false;
        }
        seen.push(d);
    }
    true
}

/// A body over three parameters, as a tree of the only operations accepted.
enum Term {
    Param(usize),
    Log2(usize),
    Mul(Box<Term>, Box<Term>),
    Add(Box<Term>, Box<Term>),
}

fn term_of(e: &SymbolicExpression, params: &[&str]) -> Option<Term> {
    if let Some(name) = e.match_atom() {
        return params
            .iter()
            .position(|p| *p == name.as_str())
            .map(Term::Param);
    }
    let [head, args @ ..] = e.match_list()? else {
        return None;
    };
    match (head.match_atom()?.as_str(), args) {
        ("log2", [x]) => match term_of(x, params)? {
            Term::Param(i) => Some(Term::Log2(i)),
            _ => None,
        },
        ("*", [x, y]) => Some(Term::Mul(
            Box::new(term_of(x, params)?),
            Box::new(term_of(y, params)?),
        )),
        ("+", [x, y]) => Some(Term::Add(
            Box::new(term_of(x, params)?),
            Box::new(term_of(y, params)?),
        )),
        _ => None,
    }
}

/// Recognises `(+ (* a X) b)` with X = `n`, `(log2 n)` or `(* n (log2 n))`. The operands of
/// `+` and `*` may come in either order: each has one operand that can fail, and the
/// checked operations are symmetric, so results and errors are unchanged.
fn arith_shape(body: &SymbolicExpression, params: &[&str]) -> Option<Helper> {
    fn either<'t>(x: &'t Term, y: &'t Term) -> [(&'t Term, &'t Term); 2] {
        [(x, y), (y, x)]
    }
    let Term::Add(x, y) = term_of(body, params)? else {
        return None;
    };
    for (product, addend) in either(&x, &y) {
        let (Term::Mul(p, q), Term::Param(b)) = (product, addend) else {
            continue;
        };
        for (coef, rest) in either(p, q) {
            let Term::Param(a) = coef else { continue };
            let found = match rest {
                Term::Param(n) => Some((ArithShape::Linear, *n)),
                Term::Log2(n) => Some((ArithShape::Logn, *n)),
                Term::Mul(u, v) => either(u, v).into_iter().find_map(|pair| match pair {
                    (Term::Param(n), Term::Log2(m)) if n == m => Some((ArithShape::Nlogn, *n)),
                    _ => None,
                }),
                _ => None,
            };
            if let Some((shape, n)) = found {
                let distinct = *a != n && *a != *b && n != *b;
                if distinct {
                    return Some(Helper::Arith {
                        shape,
                        n,
                        a: *a,
                        b: *b,
                    });
                }
            }
        }
    }
    None
}

/// `(key value)` of a tuple literal whose key is a cost dimension.
fn tuple_field(field: &SymbolicExpression) -> Option<(Dimension, &SymbolicExpression)> {
    match field.match_list()? {
        [key, value] => Some((Dimension::from_key(key.match_atom()?.as_str())?, value)),
        _ => None,
    }
}

fn uint_literal(e: &SymbolicExpression) -> Option<u128> {
    match &e.expr {
        SymbolicExpressionType::LiteralValue(Value::UInt(v))
        | SymbolicExpressionType::AtomValue(Value::UInt(v)) => Some(*v),
        _ => None,
    }
}

fn is_uint_type(t: &SymbolicExpression) -> bool {
    t.match_atom().map(|t| t.as_str()) == Some("uint")
}

// Reserved in any version: a user definition of such a name would be shadowed by the
// native (or refused at deployment), so it is never accepted.
fn is_reserved(name: &str) -> bool {
    clarity::vm::is_reserved(name, &ClarityVersion::Clarity1)
        || clarity::vm::is_reserved(name, &ClarityVersion::Clarity2)
}

fn at(e: &SymbolicExpression) -> String {
    format!("line {} column {}", e.span.start_line, e.span.start_column)
}
