//! The console's `::trace` hooks, emitted only with `Options::tracing`. A traced call (a user
//! function call or a `contract-call?`, never a higher-order word's application, which
//! the interpreter does not evaluate as an expression) tells the host three things:
//! - `trace-begin`, before anything of the call is charged;
//! - `trace-call`, its function and arguments, once they are evaluated (a
//!   `contract-call?`'s are told by the host's own `contract-call`);
//! - `trace-end`, its result.
//!
//! Charges are flushed before `trace-begin` and `trace-end` so that the host reads the
//! cost the call made. The hooks charge nothing: a traced module costs what the plain
//! one does.

use clarity::vm::types::TypeSignature;
use walrus::LocalId;

use crate::codegen::{Builder, Ctx};

impl Ctx<'_> {
    pub fn trace_begin(&mut self, b: &mut Builder) {
        self.call_host(b, "trace-begin");
    }

    /// `name`'s arguments, of `types`, held in `values`.
    pub fn trace_call(
        &mut self,
        b: &mut Builder,
        name: &str,
        types: &[TypeSignature],
        values: &[Vec<LocalId>],
    ) {
        let mut pairs = vec![];
        for (t, v) in types.iter().zip(values) {
            let addr = self.locals_to_memory(b, t, v);
            pairs.push((self.type_id(t), addr));
        }
        let block = self.arg_block(b, &pairs);
        let name_id = self.name_id(name);
        b.i32_const(name_id)
            .local_get(block)
            .i32_const(pairs.len() as i32);
        self.call_host(b, "trace-call");
    }

    /// The result of the traced call, of type `ty`, held in `locals`.
    pub fn trace_end(&mut self, b: &mut Builder, ty: &TypeSignature, locals: &[LocalId]) {
        let addr = self.locals_to_memory(b, ty, locals);
        self.trace_end_at(b, ty, addr);
    }

    /// The result of the traced call, of type `ty`, at `addr`.
    pub fn trace_end_at(&mut self, b: &mut Builder, ty: &TypeSignature, addr: LocalId) {
        let id = self.type_id(ty);
        b.i32_const(id).local_get(addr);
        self.call_host(b, "trace-end");
    }
}
