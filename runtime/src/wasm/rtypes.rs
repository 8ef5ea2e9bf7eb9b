//! The table of rtypes: the type signatures clarity-vm list and tuple values carry (see
//! the compiler's `abi`), each interned once per process under a small id that the Wasm
//! form of a value holds. The table only grows: a contract's constants keep their ids
//! across transactions.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, OnceLock, RwLock};

use clarity::vm::types::signatures::CallableSubtype;
use clarity::vm::types::{SequenceSubtype, StringSubtype, TypeSignature};

type T = TypeSignature;

struct Entry {
    ty: Arc<T>,
    size: u32,
}

#[derive(Default)]
struct Table {
    entries: Vec<Entry>,
    /// Structural hash → ids with that hash.
    index: HashMap<u64, Vec<u32>>,
}

fn table() -> &'static RwLock<Table> {
    static TABLE: OnceLock<RwLock<Table>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Table::default();
        // Id 0 is no real type: the rtype slot of a value that does not exist.
        t.entries.push(Entry {
            ty: Arc::new(T::NoType),
            size: 1,
        });
        RwLock::new(t)
    })
}

/// The id of `ty`, added to the table if new.
pub fn intern(ty: &T) -> u32 {
    let h = hash_of(ty);
    {
        let t = table().read().unwrap();
        if let Some(ids) = t.index.get(&h) {
            for id in ids {
                if *t.entries[*id as usize].ty == *ty {
                    return *id;
                }
            }
        }
    }
    let mut t = table().write().unwrap();
    if let Some(ids) = t.index.get(&h) {
        for id in ids {
            if *t.entries[*id as usize].ty == *ty {
                return *id;
            }
        }
    }
    let id = t.entries.len() as u32;
    t.entries.push(Entry {
        ty: Arc::new(ty.clone()),
        size: ty.size(),
    });
    t.index.entry(h).or_default().push(id);
    id
}

/// The type of id `id` (`NoType` for an unknown id).
pub fn get(id: u32) -> Arc<T> {
    let t = table().read().unwrap();
    t.entries
        .get(id as usize)
        .map(|e| e.ty.clone())
        .unwrap_or_else(|| t.entries[0].ty.clone())
}

/// `TypeSignature::size` of id `id`: the size of a value carrying that type.
pub fn size(id: u32) -> u32 {
    let t = table().read().unwrap();
    t.entries.get(id as usize).map_or(1, |e| e.size)
}

fn hash_of(ty: &T) -> u64 {
    let mut h = DefaultHasher::new();
    hash_into(ty, &mut h);
    h.finish()
}

/// TypeSignature has no `Hash`: hash its structure.
fn hash_into(ty: &T, h: &mut DefaultHasher) {
    match ty {
        T::NoType => 0u8.hash(h),
        T::IntType => 1u8.hash(h),
        T::UIntType => 2u8.hash(h),
        T::BoolType => 3u8.hash(h),
        T::PrincipalType => 4u8.hash(h),
        T::SequenceType(SequenceSubtype::BufferType(l)) => {
            5u8.hash(h);
            u32::from(l).hash(h);
        }
        T::SequenceType(SequenceSubtype::StringType(StringSubtype::ASCII(l))) => {
            6u8.hash(h);
            u32::from(l).hash(h);
        }
        T::SequenceType(SequenceSubtype::StringType(StringSubtype::UTF8(l))) => {
            7u8.hash(h);
            u32::from(l).hash(h);
        }
        T::SequenceType(SequenceSubtype::ListType(lt)) => {
            8u8.hash(h);
            lt.get_max_len().hash(h);
            hash_into(lt.get_list_item_type(), h);
        }
        T::OptionalType(t) => {
            9u8.hash(h);
            hash_into(t, h);
        }
        T::ResponseType(b) => {
            10u8.hash(h);
            hash_into(&b.0, h);
            hash_into(&b.1, h);
        }
        T::TupleType(tt) => {
            11u8.hash(h);
            for (n, t) in tt.get_type_map() {
                n.as_str().hash(h);
                hash_into(t, h);
            }
        }
        T::CallableType(CallableSubtype::Principal(id)) => {
            12u8.hash(h);
            id.hash(h);
        }
        T::CallableType(CallableSubtype::Trait(t)) | T::TraitReferenceType(t) => {
            13u8.hash(h);
            t.to_string().hash(h);
        }
        T::ListUnionType(s) => {
            14u8.hash(h);
            s.len().hash(h);
        }
    }
}
