//! Concrete types: the one place where the analysis' types are made fit for code
//! generation (callable principals become principals, list-union types become principals).
//! Holes (`NoType` inside `none`, `(ok x)`, `(list)`) are kept: a value of no type never
//! exists at run time, so it has no components, and the codegen's `coerce` fills them
//! with zeros where a wider type is wanted.

use clarity::types::StacksEpochId;
use clarity::vm::types::signatures::CallableSubtype;
use clarity::vm::types::{ListTypeData, SequenceSubtype, TupleTypeSignature, TypeSignature};

pub fn concrete(ty: &TypeSignature) -> TypeSignature {
    use TypeSignature::*;
    match ty {
        CallableType(CallableSubtype::Principal(_)) | ListUnionType(_) => PrincipalType,
        OptionalType(t) => OptionalType(Box::new(concrete(t))),
        ResponseType(b) => ResponseType(Box::new((concrete(&b.0), concrete(&b.1)))),
        SequenceType(SequenceSubtype::ListType(l)) => {
            let item = concrete(l.get_list_item_type());
            match ListTypeData::new_list(item, l.get_max_len()) {
                Ok(l) => SequenceType(SequenceSubtype::ListType(l)),
                Err(_) => ty.clone(),
            }
        }
        TupleType(t) => {
            let fields: Vec<_> = t
                .get_type_map()
                .iter()
                .map(|(n, t)| (n.clone(), concrete(t)))
                .collect();
            TupleTypeSignature::try_from(fields)
                .map(TupleType)
                .unwrap_or_else(|_| ty.clone())
        }
        _ => ty.clone(),
    }
}

/// The least type both `a` and `b` fit in (the type checker's rule for joins).
pub fn lub(a: &TypeSignature, b: &TypeSignature) -> TypeSignature {
    TypeSignature::least_supertype(&StacksEpochId::Epoch21, a, b)
        .map(|t| concrete(&t))
        .unwrap_or_else(|_| a.clone())
}

pub fn is_int(ty: &TypeSignature) -> bool {
    matches!(ty, TypeSignature::IntType)
}
