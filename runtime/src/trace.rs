//! The console's `::trace`: the call tree of one step, built on each runtime from what
//! that runtime does, so that the two can be compared node for node.
//!
//! A node is a user function call or a `contract-call?` (an expression the interpreter
//! evaluates; a higher-order word's applications are not), with its arguments, result
//! and the cost it made from its beginning (arguments included) to its end. Between
//! nodes come the events logged and the data written (`var-set`, `map-set`,
//! `map-insert`, `map-delete`), in order.
//!
//! - The interpreter's tree comes from an `EvalHook` (`InterpreterTracer`).
//! - The Wasm tree comes from modules compiled with `Options::tracing`, whose hooks call
//!   the host (`wasm/host/trace.rs`), which feeds the `Recorder` of this thread.
//!
//! Both read events from the same `GlobalContext` event batches at the same points
//! (a node's beginning and end, a write), so their order is comparable.

use std::cell::RefCell;
use std::rc::Rc;

use clarity::vm::contexts::{Environment, GlobalContext, LocalContext};
use clarity::vm::costs::ExecutionCost;
use clarity::vm::errors::Error as ClarityError;
use clarity::vm::representations::SymbolicExpressionType;
use clarity::vm::types::{PrincipalData, QualifiedContractIdentifier};
use clarity::vm::{SymbolicExpression, Value};

use crate::outcome::{describe_event, Outcome};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// `(f a b)`, `(contract-call? ST...c f a)`, or the step itself at the root.
    pub call: String,
    /// The contract function called (none at the root, or when its arguments failed).
    pub function: Option<(QualifiedContractIdentifier, String)>,
    /// The value, or `error` when the call did not return.
    pub result: String,
    pub cost: ExecutionCost,
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    Call(Node),
    Event(String),
    Write(String),
}

/// A step's call tree on each runtime that ran it.
#[derive(Clone, Debug, Default)]
pub struct Traces {
    pub interpreter: Option<Node>,
    pub wasm: Option<Node>,
}

/// Where two trees first differ, in pre-order: the path of item indices from the root
/// to the node (or event, or write) that differs, and which part of it.
pub fn first_difference(a: &Node, b: &Node) -> Option<(Vec<usize>, &'static str)> {
    if a.call != b.call {
        return Some((vec![], "call"));
    }
    for (i, pair) in a.items.iter().zip(b.items.iter()).enumerate() {
        let part = match pair {
            (Item::Call(x), Item::Call(y)) => match first_difference(x, y) {
                Some((mut path, part)) => {
                    path.insert(0, i);
                    return Some((path, part));
                }
                None => continue,
            },
            (Item::Event(x), Item::Event(y)) if x == y => continue,
            (Item::Write(x), Item::Write(y)) if x == y => continue,
            (Item::Event(_), Item::Event(_)) => "event",
            (Item::Write(_), Item::Write(_)) => "write",
            _ => "what happens next",
        };
        return Some((vec![i], part));
    }
    if a.items.len() != b.items.len() {
        let i = a.items.len().min(b.items.len());
        return Some((vec![i], "what happens next"));
    }
    if a.result != b.result {
        return Some((vec![], "result"));
    }
    if a.cost != b.cost {
        return Some((vec![], "cost"));
    }
    None
}

/// A tree being built: the open nodes, innermost last.
#[derive(Default)]
pub struct Recorder {
    open: Vec<Open>,
    roots: Vec<Item>,
    /// Events of the context's batches already placed in the tree.
    events_seen: usize,
}

struct Open {
    call: String,
    function: Option<(QualifiedContractIdentifier, String)>,
    start: ExecutionCost,
    items: Vec<Item>,
}

impl Recorder {
    fn items(&mut self) -> &mut Vec<Item> {
        match self.open.last_mut() {
            Some(o) => &mut o.items,
            None => &mut self.roots,
        }
    }

    /// Place the events logged since the last look. A rolled-back batch takes its
    /// events with it, so the count can go down.
    fn sync_events(&mut self, g: &GlobalContext) {
        let events = g.event_batches.iter().flat_map(|b| b.events.iter());
        let total: usize = g.event_batches.iter().map(|b| b.events.len()).sum();
        let seen = self.events_seen.min(total);
        let new: Vec<Item> = events
            .skip(seen)
            .map(|e| Item::Event(describe_event(e)))
            .collect();
        self.items().extend(new);
        self.events_seen = total;
    }

    pub fn begin(&mut self, g: &GlobalContext, cost: ExecutionCost) {
        self.sync_events(g);
        self.open.push(Open {
            call: String::new(),
            function: None,
            start: cost,
            items: vec![],
        });
    }

    /// Name the innermost open node (its arguments are known once evaluated): its text
    /// and the contract function it calls.
    pub fn name(&mut self, call: String, function: (QualifiedContractIdentifier, String)) {
        if let Some(o) = self.open.last_mut() {
            o.call = call;
            o.function = Some(function);
        }
    }

    pub fn end(&mut self, g: &GlobalContext, result: String, cost: &ExecutionCost) {
        self.sync_events(g);
        if let Some(o) = self.open.pop() {
            let node = close(o, result, cost);
            self.items().push(Item::Call(node));
        }
    }

    /// A node that ended in an error (which ends the transaction).
    pub fn end_failed(&mut self, cost: &ExecutionCost) {
        if let Some(o) = self.open.pop() {
            let node = close(o, "error".into(), cost);
            self.items().push(Item::Call(node));
        }
    }

    pub fn write(&mut self, g: &GlobalContext, what: String) {
        self.sync_events(g);
        self.items().push(Item::Write(what));
    }

    /// The tree of a step that ended with `outcome`: calls still open did not return.
    pub fn finish(mut self, step: &str, outcome: &Outcome) -> Node {
        let cost = outcome.cost.clone().unwrap_or_else(ExecutionCost::zero);
        while !self.open.is_empty() {
            self.end_failed(&cost);
        }
        // Events logged after the last hook (the step's own last expressions).
        if outcome.result.is_ok() && outcome.events.len() > self.events_seen {
            let rest = outcome.events[self.events_seen..].to_vec();
            self.roots.extend(rest.into_iter().map(Item::Event));
        }
        Node {
            call: step.to_string(),
            function: None,
            result: crate::dual::render_result(outcome),
            cost,
            items: self.roots,
        }
    }
}

fn close(o: Open, result: String, end: &ExecutionCost) -> Node {
    let mut cost = end.clone();
    // A cost never goes down within a transaction.
    let _ = cost.sub(&o.start);
    Node {
        call: o.call,
        function: o.function,
        result,
        cost,
        items: o.items,
    }
}

/// `(name a b ...)`.
pub fn call_text(name: &str, args: &[Value]) -> String {
    let mut s = format!("({name}");
    for a in args {
        s.push(' ');
        s.push_str(&a.to_string());
    }
    s.push(')');
    s
}

/// `(contract-call? callee function a b ...)`.
pub fn contract_call_text(
    callee: &QualifiedContractIdentifier,
    function: &str,
    args: &[Value],
) -> String {
    call_text(&format!("contract-call? {callee} {function}"), args)
}

/// A data write as shown: `(var-set v x)`, `(map-set m k v) -> true` (the result of
/// the map writes, which say whether they wrote).
pub fn write_text(word: &str, name: &str, args: &[Value], result: Option<&Value>) -> String {
    let text = call_text(&format!("{word} {name}"), args);
    match result {
        Some(r) => format!("{text} -> {r}"),
        None => text,
    }
}

// ---- the Wasm side: the recorder the host's trace functions feed ----------------------

thread_local! {
    static WASM: RefCell<Option<Rc<RefCell<Recorder>>>> = const { RefCell::new(None) };
}

/// Whether a Wasm run of this thread is traced (its snippet is compiled with the hooks).
pub fn wasm_tracing() -> bool {
    WASM.with(|w| w.borrow().is_some())
}

/// Run `f` with the Wasm runs of this thread recorded into `recorder`.
pub fn with_wasm_recorder<R>(recorder: Rc<RefCell<Recorder>>, f: impl FnOnce() -> R) -> R {
    WASM.with(|w| *w.borrow_mut() = Some(recorder));
    let r = f();
    WASM.with(|w| *w.borrow_mut() = None);
    r
}

/// This thread's Wasm recorder, if a run is traced.
pub fn wasm_recorder() -> Option<Rc<RefCell<Recorder>>> {
    WASM.with(|w| w.borrow().clone())
}

/// `f` on this thread's Wasm recorder, if a run is traced.
pub fn on_wasm_recorder(f: impl FnOnce(&mut Recorder)) {
    WASM.with(|w| {
        if let Some(r) = w.borrow().as_ref() {
            f(&mut r.borrow_mut());
        }
    })
}

// ---- the interpreter side: an evaluation hook -----------------------------------------

/// Builds the interpreter's tree from the expressions it evaluates.
pub struct InterpreterTracer {
    recorder: Rc<RefCell<Recorder>>,
    frames: Vec<Frame>,
}

/// An expression being evaluated whose argument values are wanted.
struct Frame {
    /// Expression ids are unique within a contract only.
    contract: QualifiedContractIdentifier,
    expr: u64,
    kind: Kind,
    /// The ids of the arguments evaluated, and their values as they come.
    arg_ids: Vec<u64>,
    args: Vec<Value>,
}

enum Kind {
    Call(String),
    ContractCall(Option<QualifiedContractIdentifier>, String),
    Write(&'static str, String),
}

const WRITES: [&str; 4] = ["var-set", "map-set", "map-insert", "map-delete"];

impl InterpreterTracer {
    pub fn new(recorder: Rc<RefCell<Recorder>>) -> Self {
        InterpreterTracer {
            recorder,
            frames: vec![],
        }
    }

    fn frame_for(
        env: &Environment,
        context: &LocalContext,
        expr: &SymbolicExpression,
    ) -> Option<Frame> {
        let items = expr.match_list()?;
        let (head, args) = items.split_first()?;
        let name = head.match_atom()?.as_str();
        let (kind, evaluated) = if env.contract_context.functions.contains_key(name) {
            (Kind::Call(name.to_string()), args)
        } else if name == "contract-call?" && args.len() >= 2 {
            let callee = match &args[0].expr {
                SymbolicExpressionType::LiteralValue(Value::Principal(
                    PrincipalData::Contract(id),
                )) => Some(id.clone()),
                SymbolicExpressionType::Atom(n) => context
                    .lookup_callable_contract(n)
                    .map(|c| c.contract_identifier.clone()),
                _ => None,
            };
            let function = args[1].match_atom()?.to_string();
            (Kind::ContractCall(callee, function), &args[2..])
        } else if let Some(word) = WRITES.iter().find(|w| **w == name) {
            let target = args.first()?.match_atom()?.to_string();
            (Kind::Write(word, target), &args[1..])
        } else {
            return None;
        };
        Some(Frame {
            contract: env.contract_context.contract_identifier.clone(),
            expr: expr.id,
            kind,
            arg_ids: evaluated.iter().map(|a| a.id).collect(),
            args: vec![],
        })
    }
}

impl Frame {
    /// The node's call and function, once its arguments are known (none for a write).
    fn call_text(&self) -> Option<(String, (QualifiedContractIdentifier, String))> {
        match &self.kind {
            Kind::Call(name) => Some((
                call_text(name, &self.args),
                (self.contract.clone(), name.clone()),
            )),
            Kind::ContractCall(Some(callee), f) => Some((
                contract_call_text(callee, f, &self.args),
                (callee.clone(), f.clone()),
            )),
            _ => None,
        }
    }
}

impl InterpreterTracer {
    fn close(&mut self, env: &Environment, frame: Frame, res: &Result<Value, ClarityError>) {
        let mut rec = self.recorder.borrow_mut();
        if let Kind::Write(word, name) = &frame.kind {
            if let Ok(v) = res {
                let result = (*word != "var-set").then_some(v);
                rec.write(
                    env.global_context,
                    write_text(word, name, &frame.args, result),
                );
            }
            return;
        }
        if frame.arg_ids.is_empty() {
            if let Some((call, function)) = frame.call_text() {
                rec.name(call, function);
            }
        }
        match res {
            Ok(v) => rec.end(env.global_context, v.to_string(), &cost_now(env)),
            // An error ends the transaction: what the node logged is rolled back, and
            // nothing is charged after it (the Wasm side closes such nodes at the end).
            Err(_) => rec.end_failed(&cost_now(env)),
        }
    }
}

fn cost_now(env: &Environment) -> ExecutionCost {
    env.global_context.cost_track.get_total()
}

impl clarity::vm::EvalHook for InterpreterTracer {
    fn will_begin_eval(
        &mut self,
        env: &mut Environment,
        context: &LocalContext,
        expr: &SymbolicExpression,
    ) {
        let Some(frame) = Self::frame_for(env, context, expr) else {
            return;
        };
        if !matches!(frame.kind, Kind::Write(..)) {
            let cost = cost_now(env);
            self.recorder.borrow_mut().begin(env.global_context, cost);
        }
        self.frames.push(frame);
    }

    fn did_finish_eval(
        &mut self,
        env: &mut Environment,
        _context: &LocalContext,
        expr: &SymbolicExpression,
        res: &Result<Value, ClarityError>,
    ) {
        let here = env.contract_context.contract_identifier.clone();
        let ends_frame = self
            .frames
            .last()
            .is_some_and(|f| f.contract == here && f.expr == expr.id);
        if ends_frame {
            let frame = self.frames.pop().expect("top");
            self.close(env, frame, res);
        }
        // The expression may also be an argument of the (new) innermost frame.
        let Some(top) = self.frames.last_mut() else {
            return;
        };
        let next = top.args.len();
        if top.contract != here || top.arg_ids.get(next) != Some(&expr.id) {
            return;
        }
        let Ok(v) = res else {
            return;
        };
        top.args.push(v.clone());
        if top.args.len() == top.arg_ids.len() {
            if let Some((call, function)) = top.call_text() {
                self.recorder.borrow_mut().name(call, function);
            }
        }
    }

    fn did_complete(&mut self, _result: Result<&mut clarity::vm::ExecutionResult, String>) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(call: &str, result: &str, runtime: u64, items: Vec<Item>) -> Node {
        Node {
            call: call.into(),
            function: None,
            result: result.into(),
            cost: ExecutionCost {
                runtime,
                ..ExecutionCost::zero()
            },
            items,
        }
    }

    #[test]
    fn the_first_difference_is_the_first_in_pre_order() {
        let tree = |inner: &str, write: &str, cost: u64| {
            node(
                "(go 1)",
                "(ok 2)",
                100,
                vec![
                    Item::Call(node("(f 1)", inner, cost, vec![])),
                    Item::Write(write.into()),
                ],
            )
        };
        let a = tree("2", "(var-set v 2)", 10);
        assert_eq!(first_difference(&a, &a.clone()), None);
        // The nested call differs before the write after it; then the write; then cost.
        let b = tree("3", "(var-set v 3)", 10);
        assert_eq!(first_difference(&a, &b), Some((vec![0], "result")));
        let c = tree("2", "(var-set v 3)", 10);
        assert_eq!(first_difference(&a, &c), Some((vec![1], "write")));
        let d = tree("2", "(var-set v 2)", 11);
        assert_eq!(first_difference(&a, &d), Some((vec![0], "cost")));
        // One side does more.
        let mut e = a.clone();
        e.items.push(Item::Event("print 1".into()));
        assert_eq!(
            first_difference(&a, &e),
            Some((vec![2], "what happens next"))
        );
    }
}
