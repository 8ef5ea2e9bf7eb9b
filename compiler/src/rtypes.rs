//! Where the rtype of a list or tuple (see `abi`) comes from when the value is made in
//! Wasm: known when compiling for values whose parts cannot vary in type, asked of the
//! host otherwise.

use clarity::vm::types::{SequenceSubtype, TypeSignature};
use walrus::ir::{LoadKind, MemArg};
use walrus::LocalId;

use crate::codegen::{Builder, Ctx};

type T = TypeSignature;

/// A type whose values always have exactly this type as their own (`type_of`): no
/// sequence lengths, no optional or response parts, no list max-lengths inside.
pub fn is_rigid(ty: &T) -> bool {
    match ty {
        T::IntType | T::UIntType | T::BoolType | T::PrincipalType => true,
        T::TupleType(t) => t.get_type_map().values().all(is_rigid),
        _ => false,
    }
}

/// Whether values of type `ty` hold a list anywhere.
fn holds_list(ty: &T) -> bool {
    match ty {
        T::SequenceType(SequenceSubtype::ListType(_)) => true,
        T::OptionalType(t) => holds_list(t),
        T::ResponseType(b) => holds_list(&b.0) || holds_list(&b.1),
        T::TupleType(t) => t.get_type_map().values().any(holds_list),
        _ => false,
    }
}

/// Whether values of type `ty` hold a tuple or a list anywhere.
fn holds_rtype(ty: &T) -> bool {
    match ty {
        T::SequenceType(SequenceSubtype::ListType(_)) | T::TupleType(_) => true,
        T::OptionalType(t) => holds_rtype(t),
        T::ResponseType(b) => holds_rtype(&b.0) || holds_rtype(&b.1),
        _ => false,
    }
}

impl Ctx<'_> {
    /// Clarity 2's cast of a function's argument to its declared type, at the start of
    /// the function (`clarity2_implicit_cast` in `execute_apply`): tuples take the
    /// declared tuple type; lists the declared element type (keeping their own max
    /// length); recursively through optionals and responses. `repr` is the argument's
    /// representation, its value in `locals` (rewritten in place).
    pub fn implicit_cast(&mut self, b: &mut Builder, declared: &T, repr: &T, locals: &[LocalId]) {
        if !holds_rtype(declared) {
            return;
        }
        if holds_list(declared) {
            // Lists carry elements with their own rtypes: the host rebuilds the value.
            let src = self.locals_to_memory(b, repr, locals);
            let dest = self.alloc_local(b, crate::abi::size(repr));
            let (d, r) = (self.type_id(declared), self.type_id(repr));
            let f = self.import("implicit-cast");
            b.i32_const(d)
                .i32_const(r)
                .local_get(src)
                .local_get(dest)
                .call(f);
            self.load(b, repr, dest, 0);
            for l in locals.iter().rev() {
                b.local_set(*l);
            }
            return;
        }
        self.cast_in_locals(b, declared, repr, locals);
    }

    /// The cast of a value without lists: its tuples' rtypes become their declared types
    /// (absent parts are rewritten too, harmlessly).
    fn cast_in_locals(&mut self, b: &mut Builder, declared: &T, repr: &T, locals: &[LocalId]) {
        match (declared, repr) {
            (T::TupleType(dt), T::TupleType(rt)) => {
                self.push_static_rtype(b, declared);
                b.local_set(locals[0]);
                let mut i = crate::abi::RTYPE_PARTS;
                for ((_, d), (_, r)) in dt.get_type_map().iter().zip(rt.get_type_map().iter()) {
                    let n = crate::abi::flat(r).len();
                    self.cast_in_locals(b, d, r, &locals[i..i + n]);
                    i += n;
                }
            }
            (T::OptionalType(d), T::OptionalType(r)) => {
                self.cast_in_locals(b, d, r, &locals[1..]);
            }
            (T::ResponseType(d), T::ResponseType(r)) => {
                let n = crate::abi::flat(&r.0).len();
                self.cast_in_locals(b, &d.0, &r.0, &locals[1..1 + n]);
                self.cast_in_locals(b, &d.1, &r.1, &locals[1 + n..]);
            }
            _ => {}
        }
    }

    /// Push the rtype of `ty`, a type known when compiling.
    pub fn push_static_rtype(&mut self, b: &mut Builder, ty: &T) {
        let index = match self.meta.rtypes.iter().position(|t| t == ty) {
            Some(i) => i,
            None => {
                self.meta.rtypes.push(ty.clone());
                self.meta.rtypes.len() - 1
            }
        };
        b.global_get(self.rtype_base).load(
            self.memory,
            LoadKind::I32 { atomic: false },
            MemArg {
                align: 1,
                offset: 4 * index as u64,
            },
        );
    }

    /// Push the rtype a list or tuple of static type `ty` gets from its contents (as
    /// clarity-vm's `list_from` and `TupleData::from_data` compute it). The value's other
    /// components are in `locals` after its (unset) rtype; for a rigid type nothing is
    /// read. `count` is the number of list elements when known.
    pub fn push_content_rtype(
        &mut self,
        b: &mut Builder,
        ty: &T,
        locals: &[LocalId],
        count: Option<usize>,
    ) {
        if let T::SequenceType(SequenceSubtype::ListType(lt)) = ty {
            if let (true, Some(n)) = (is_rigid(lt.get_list_item_type()), count) {
                let item = lt.get_list_item_type().clone();
                let stored = match n {
                    0 => T::SequenceType(SequenceSubtype::ListType(
                        clarity::vm::types::ListTypeData::new_list(T::NoType, 0)
                            .expect("empty list type"),
                    )),
                    n => T::list_of(item, n as u32).expect("list type"),
                };
                return self.push_static_rtype(b, &stored);
            }
        } else if is_rigid(ty) {
            return self.push_static_rtype(b, ty);
        }
        // The host reads the value (rtype slot unused) and derives its type.
        let addr = self.alloc_local(b, crate::abi::size(ty));
        b.i32_const(0);
        let mut all = vec![self.module.locals.add(walrus::ValType::I32)];
        b.local_set(all[0]);
        all.extend_from_slice(locals);
        self.store_locals(b, ty, &all, addr, 0);
        let id = self.type_id(ty);
        let f = self.import("rtype-of");
        b.i32_const(id).local_get(addr).call(f);
    }
}
