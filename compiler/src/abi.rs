//! The value ABI: how a Clarity value of a given (concrete) type lives in Wasm.
//!
//! Every value has two equivalent forms, derived from its type alone:
//!
//! * **flat** — a sequence of Wasm values on the operand stack or in locals;
//! * **memory** — the same components stored one after another (little-endian, unaligned)
//!   at an address; its size is [`size`].
//!
//! | Clarity type                 | components (in order)                                   |
//! |------------------------------|---------------------------------------------------------|
//! | `int`, `uint`                | `i64` low half, `i64` high half                         |
//! | `bool`                       | `i32` (0 or 1)                                          |
//! | `buff`, `string-ascii`       | `i32` offset, `i32` byte length                         |
//! | `string-utf8`                | `i32` offset, `i32` byte length; one big-endian `u32` code point per character, so that byte order is code-point order |
//! | `principal`                  | `i32` offset, `i32` length of: version byte, 20-byte hash160, name length byte, name bytes |
//! | `list T`                     | `i32` rtype, `i32` offset, `i32` byte length of the elements, each in `T`'s memory form |
//! | `(optional T)`               | `i32` tag (1 = some), then `T`                          |
//! | `(response T E)`             | `i32` tag (1 = ok), then `T`, then `E`                  |
//! | tuple                        | `i32` rtype, then its fields' components, fields in name order |
//! | no type (`none`'s payload)   | nothing                                                 |
//!
//! A component that the tag says is absent holds zeros. Sequence payloads live in linear
//! memory: literals in data segments, computed values on a bump heap that is reset per call.
//!
//! **rtype.** A clarity-vm list or tuple value carries a type signature of its own, set
//! where the value was made: computed from its elements (`list`, `map`, a tuple literal)
//! or the declared type (a value read from a data var, a map or a consensus buffer). The
//! interpreter's costs depend on it (`Value::size()` is that signature's size), so the
//! Wasm form keeps it: `rtype` is the id of that signature in the runtime's table of
//! types (see the runtime's `rtypes.rs`; id 0 is never a real type).

use clarity::vm::types::{PrincipalData, SequenceSubtype, StringSubtype, TypeSignature};
use walrus::ValType;

/// A component of a value: a Wasm `i32` or `i64`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    I32,
    I64,
}

/// The components of a value of type `ty`, in order, each given to `f`.
pub fn for_each_part(ty: &TypeSignature, mut f: impl FnMut(Part)) {
    visit_flat(ty, &mut |v| {
        f(if v == ValType::I64 {
            Part::I64
        } else {
            Part::I32
        })
    })
}

/// The Wasm components of a value of type `ty`, in order.
pub fn flat(ty: &TypeSignature) -> Vec<ValType> {
    let mut out = vec![];
    visit_flat(ty, &mut |v| out.push(v));
    out
}

/// Each component of the flat form in order (no allocation: sizes are computed on every
/// call).
fn visit_flat(ty: &TypeSignature, out: &mut impl FnMut(ValType)) {
    use TypeSignature::*;
    match ty {
        NoType => {}
        IntType | UIntType => {
            out(ValType::I64);
            out(ValType::I64);
        }
        BoolType => out(ValType::I32),
        SequenceType(SequenceSubtype::ListType(_)) => {
            out(ValType::I32);
            out(ValType::I32);
            out(ValType::I32);
        }
        SequenceType(_)
        | PrincipalType
        | CallableType(_)
        | ListUnionType(_)
        | TraitReferenceType(_) => {
            out(ValType::I32);
            out(ValType::I32);
        }
        OptionalType(t) => {
            out(ValType::I32);
            visit_flat(t, out);
        }
        ResponseType(b) => {
            out(ValType::I32);
            visit_flat(&b.0, out);
            visit_flat(&b.1, out);
        }
        TupleType(t) => {
            out(ValType::I32);
            for f in t.get_type_map().values() {
                visit_flat(f, out);
            }
        }
    }
}

/// Number of components before a list's (offset, length) and before a tuple's fields:
/// the rtype.
pub const RTYPE_PARTS: usize = 1;

/// Bytes a component occupies in memory.
pub fn val_size(v: ValType) -> u32 {
    match v {
        ValType::I32 | ValType::F32 => 4,
        _ => 8,
    }
}

/// Size of the memory form of a value of type `ty`.
pub fn size(ty: &TypeSignature) -> u32 {
    let mut n = 0;
    visit_flat(ty, &mut |v| n += val_size(v));
    n
}

/// Two types share a representation when their components are the same; only then can a
/// value of one be used as the other without conversion (max lengths do not matter).
pub fn same_repr(a: &TypeSignature, b: &TypeSignature) -> bool {
    use TypeSignature::*;
    match (a, b) {
        (
            SequenceType(SequenceSubtype::ListType(x)),
            SequenceType(SequenceSubtype::ListType(y)),
        ) => {
            same_repr(x.get_list_item_type(), y.get_list_item_type())
                || x.get_max_len() == 0
                || y.get_max_len() == 0
        }
        (OptionalType(x), OptionalType(y)) => same_repr(x, y),
        (ResponseType(x), ResponseType(y)) => same_repr(&x.0, &y.0) && same_repr(&x.1, &y.1),
        (TupleType(x), TupleType(y)) => {
            x.get_type_map().len() == y.get_type_map().len()
                && x.get_type_map()
                    .iter()
                    .zip(y.get_type_map().iter())
                    .all(|((n1, t1), (n2, t2))| n1 == n2 && same_repr(t1, t2))
        }
        _ => flat(a) == flat(b) && kind(a) == kind(b),
    }
}

fn kind(t: &TypeSignature) -> u8 {
    use TypeSignature::*;
    match t {
        NoType => 0,
        IntType | UIntType => 1,
        BoolType => 2,
        SequenceType(SequenceSubtype::ListType(_)) => 3,
        SequenceType(_)
        | PrincipalType
        | CallableType(_)
        | ListUnionType(_)
        | TraitReferenceType(_) => 4,
        OptionalType(_) => 5,
        ResponseType(_) => 6,
        TupleType(_) => 7,
    }
}

/// Bytes per element of a sequence type (0 for a list of no type, which is always empty).
pub fn element_size(seq: &SequenceSubtype) -> u32 {
    match seq {
        SequenceSubtype::BufferType(_) | SequenceSubtype::StringType(StringSubtype::ASCII(_)) => 1,
        SequenceSubtype::StringType(StringSubtype::UTF8(_)) => 4,
        SequenceSubtype::ListType(l) => size(l.get_list_item_type()),
    }
}

/// Memory form of a principal's payload: version, hash160, name length, name.
pub fn principal_bytes(p: &PrincipalData) -> Vec<u8> {
    let (issuer, name) = match p {
        PrincipalData::Standard(s) => (s, None),
        PrincipalData::Contract(c) => (&c.issuer, Some(c.name.as_str())),
    };
    let mut out = Vec::with_capacity(22 + name.map_or(0, |n| n.len()));
    out.push(issuer.0);
    out.extend_from_slice(&issuer.1);
    match name {
        Some(n) => {
            out.push(n.len() as u8);
            out.extend_from_slice(n.as_bytes());
        }
        None => out.push(0),
    }
    out
}

/// Memory form of a string-utf8's payload: one big-endian code point per character.
pub fn utf8_to_memory(chars: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::with_capacity(chars.len() * 4);
    for c in chars {
        let cp = std::str::from_utf8(c)
            .ok()
            .and_then(|s| s.chars().next())
            .map(|c| c as u32)
            .unwrap_or(0xFFFD);
        out.extend_from_slice(&cp.to_be_bytes());
    }
    out
}
