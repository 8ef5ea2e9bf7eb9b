//! Sequence words that build or search: `element-at element-at? index-of index-of? slice?
//! concat append as-max-len? replace-at?`.
//!
//! A list carries its run-time type (see `wasm/values.rs`), and the interpreter's results
//! depend on it (`append` widens the entry type, `slice?` retypes from the contents, costs
//! read entry sizes), so lists are handled through clarity-vm's `SequenceData`
//! operations, which keep those types as the interpreter does. Charges that need the
//! evaluated arguments (`concat`, `append`, `slice?`) are made here, at the interpreter's
//! points; the others were made in Wasm.

use clarity::types::StacksEpochId;
use clarity::vm::contexts::Environment;
use clarity::vm::costs::cost_functions::ClarityCostFunction as C;
use clarity::vm::errors::{CheckErrors, Error as ClarityError, RuntimeErrorType};
use clarity::vm::types::{ListData, ListTypeData, SequenceData, TypeSignature};
use clarity::vm::Value;

use super::natives::{nth, Arg};
use crate::wasm::meter::TxMeter;

type R = Result<Value, ClarityError>;

pub fn native(word: &str, args: &[Arg], e: &mut Environment, m: &mut TxMeter) -> Option<R> {
    let r = match word {
        "element-at" | "element-at?" => element_at(args),
        "index-of" | "index-of?" => index_of(args),
        "slice?" => slice(args, m),
        "concat" => concat(args, *e.epoch(), m),
        "append" => append(args, *e.epoch(), m),
        "as-max-len?" => as_max_len(args),
        "replace-at?" => replace_at(args, *e.epoch()),
        _ => return None,
    };
    Some(r)
}

fn sequence(v: &Value) -> Result<&SequenceData, ClarityError> {
    match v {
        Value::Sequence(s) => Ok(s),
        v => Err(CheckErrors::ExpectedSequence(TypeSignature::type_of(v)).into()),
    }
}

fn uint(v: &Value) -> Result<u128, ClarityError> {
    match v {
        Value::UInt(u) => Ok(*u),
        v => Err(CheckErrors::TypeValueError(TypeSignature::UIntType, v.clone()).into()),
    }
}

fn some_or_none(v: Option<Value>) -> R {
    match v {
        Some(v) => Value::some(v),
        None => Ok(Value::none()),
    }
}

fn element_at(args: &[Arg]) -> R {
    let seq = sequence(nth(args, 0)?)?;
    let i = uint(nth(args, 1)?)?;
    match usize::try_from(i) {
        Ok(i) => some_or_none(seq.clone().element_at(i)),
        Err(_) => Ok(Value::none()),
    }
}

fn index_of(args: &[Arg]) -> R {
    let seq = sequence(nth(args, 0)?)?;
    let found = seq.contains(nth(args, 1)?.clone())?;
    some_or_none(found.map(|i| Value::UInt(i as u128)))
}

/// `(slice? seq left right)`: `none` out of bounds; its charge is the slice's size. When
/// slicing fails, a zero charge is made before the error, as the interpreter does.
fn slice(args: &[Arg], m: &mut TxMeter) -> R {
    let r = (|| {
        let seq = sequence(nth(args, 0)?)?;
        let (Value::UInt(l), Value::UInt(r)) = (nth(args, 1)?, nth(args, 2)?) else {
            return Err(RuntimeErrorType::BadTypeConstruction.into());
        };
        let (Ok(l), Ok(r)) = (u32::try_from(*l), u32::try_from(*r)) else {
            return Ok(Value::none());
        };
        if l as usize >= seq.len() || r as usize > seq.len() || r < l {
            return Ok(Value::none());
        }
        m.charge(C::Slice, u64::from((r - l) * seq.element_size()))?;
        Value::some(seq.clone().slice(l as usize, r as usize)?)
    })();
    if r.is_err() {
        m.charge(C::Slice, 0)?;
    }
    r
}

/// Charged by the total length since 2.05, by the values' sizes before.
fn concat(args: &[Arg], epoch: StacksEpochId, m: &mut TxMeter) -> R {
    let (a, b) = (nth(args, 0)?, nth(args, 1)?);
    let (Value::Sequence(x), Value::Sequence(y)) = (a, b) else {
        if epoch >= StacksEpochId::Epoch2_05 {
            m.charge(C::Concat, 1)?;
        }
        return Err(RuntimeErrorType::BadTypeConstruction.into());
    };
    let n = if epoch >= StacksEpochId::Epoch2_05 {
        x.len() as u64 + y.len() as u64
    } else {
        u64::from(a.size()) + u64::from(b.size())
    };
    m.charge(C::Concat, n)?;
    let mut joined = x.clone();
    joined.append(&epoch, &mut y.clone())?;
    Ok(Value::Sequence(joined))
}

/// The list with `x` at its end, its entry type widened to admit `x`; charged by the
/// larger of the entry's and `x`'s sizes.
fn append(args: &[Arg], epoch: StacksEpochId, m: &mut TxMeter) -> R {
    let Value::Sequence(SequenceData::List(list)) = nth(args, 0)? else {
        return Err(CheckErrors::ExpectedListApplication.into());
    };
    let x = nth(args, 1)?.clone();
    let (entry, len) = list.type_signature.clone().destruct();
    let x_type = TypeSignature::type_of(&x);
    m.charge(C::Append, u64::from(entry.size().max(x_type.size())))?;
    if entry.is_no_type() {
        return Value::list_from(vec![x]);
    }
    let Ok(widened) = TypeSignature::least_supertype(&epoch, &entry, &x_type) else {
        return Err(CheckErrors::TypeValueError(entry, x).into());
    };
    let mut data = list.data.clone();
    data.push(x);
    Ok(Value::Sequence(SequenceData::List(ListData {
        type_signature: ListTypeData::new_list(widened, len + 1)?,
        data,
    })))
}

/// `(some seq)` when it is no longer than the bound (a list then has that bound as its
/// maximum length), `none` otherwise.
fn as_max_len(args: &[Arg]) -> R {
    let v = nth(args, 0)?;
    let seq = sequence(v)?;
    let bound = uint(nth(args, 1)?)?;
    if seq.len() as u128 > bound {
        return Ok(Value::none());
    }
    let mut v = v.clone();
    if let Value::Sequence(SequenceData::List(ref mut l)) = v {
        l.type_signature.reduce_max_len(bound as u32);
    }
    Value::some(v)
}

/// The sequence with element `i` replaced, `none` past its end; the new element must be
/// admitted by the sequence's run-time entry type.
fn replace_at(args: &[Arg], epoch: StacksEpochId) -> R {
    let v = nth(args, 0)?;
    let seq_type = TypeSignature::type_of(v);
    let seq = sequence(v)?;
    let entry = match &seq_type {
        TypeSignature::SequenceType(s) => s.unit_type(),
        _ => return Err(CheckErrors::ExpectedSequence(seq_type).into()),
    };
    let x = nth(args, 2)?;
    if entry != TypeSignature::NoType && !entry.admits(&epoch, x)? {
        return Err(CheckErrors::TypeValueError(entry, x.clone()).into());
    }
    let Ok(i) = usize::try_from(uint(nth(args, 1)?)?) else {
        return Ok(Value::none());
    };
    if i >= seq.len() {
        return Ok(Value::none());
    }
    seq.clone().replace_at(&epoch, i, x.clone())
}
