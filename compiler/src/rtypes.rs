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

impl Ctx<'_> {
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
