//! Conversions: `buff-to-int-le buff-to-uint-le buff-to-int-be buff-to-uint-be
//! string-to-int? string-to-uint? int-to-ascii int-to-utf8 to-consensus-buff?
//! from-consensus-buff?`.
//!
//! Every charge was made in Wasm (the natives' by argument count or serialized size,
//! `from-consensus-buff?`'s type parse and its input length), so these only compute.
//! Consensus serialization is clarity-vm's own (the host's to use): the bytes must be the
//! chain's.

use clarity::codec::StacksMessageCodec;
use clarity::vm::contexts::Environment;
use clarity::vm::errors::{CheckErrors, Error as ClarityError};
use clarity::vm::types::{
    ASCIIData, BuffData, BufferLength, CharType, SequenceData, SequenceSubtype, TypeSignature,
    UTF8Data,
};
use clarity::vm::Value;

use super::natives::{nth, Arg};
use crate::wasm::meter::TxMeter;

type R = Result<Value, ClarityError>;

pub fn native(word: &str, args: &[Arg], e: &mut Environment, _m: &mut TxMeter) -> Option<R> {
    let r = match word {
        "buff-to-int-le" => buff_to_int(args, false, |b| Value::Int(i128::from_le_bytes(b))),
        "buff-to-uint-le" => buff_to_int(args, false, |b| Value::UInt(u128::from_le_bytes(b))),
        "buff-to-int-be" => buff_to_int(args, true, |b| Value::Int(i128::from_be_bytes(b))),
        "buff-to-uint-be" => buff_to_int(args, true, |b| Value::UInt(u128::from_be_bytes(b))),
        "string-to-int?" => string_to_int(args, |s| s.parse::<i128>().ok().map(Value::Int)),
        "string-to-uint?" => string_to_int(args, |s| s.parse::<u128>().ok().map(Value::UInt)),
        "int-to-ascii" => int_to_string(args, Value::string_ascii_from_bytes),
        "int-to-utf8" => int_to_string(args, Value::string_utf8_from_bytes),
        "to-consensus-buff?" => to_consensus_buff(args),
        "from-consensus-buff?" => from_consensus_buff(args, e),
        _ => return None,
    };
    Some(r)
}

fn buff_16() -> TypeSignature {
    TypeSignature::SequenceType(SequenceSubtype::BufferType(
        BufferLength::try_from(16u32).expect("16 is a buffer length"),
    ))
}

/// Up to 16 bytes, zero-padded on the right (little-endian) or the left (big-endian).
fn buff_to_int(args: &[Arg], big_endian: bool, make: fn([u8; 16]) -> Value) -> R {
    match nth(args, 0)? {
        Value::Sequence(SequenceData::Buffer(b)) if b.data.len() <= 16 => {
            let mut bytes = [0u8; 16];
            let at = if big_endian { 16 - b.data.len() } else { 0 };
            bytes[at..at + b.data.len()].copy_from_slice(&b.data);
            Ok(make(bytes))
        }
        v => Err(CheckErrors::TypeValueError(buff_16(), v.clone()).into()),
    }
}

/// Rust's integer parsing of the string's text (a leading `+` or `-` allowed, nothing
/// else), `none` when it does not parse or is not UTF-8.
fn string_to_int(args: &[Arg], parse: fn(&str) -> Option<Value>) -> R {
    let text = match nth(args, 0)? {
        Value::Sequence(SequenceData::String(CharType::ASCII(ASCIIData { data }))) => {
            String::from_utf8(data.clone()).ok()
        }
        Value::Sequence(SequenceData::String(CharType::UTF8(UTF8Data { data }))) => {
            String::from_utf8(data.concat()).ok()
        }
        v => {
            return Err(CheckErrors::UnionTypeValueError(
                vec![
                    TypeSignature::max_string_ascii(),
                    TypeSignature::max_string_utf8(),
                ],
                v.clone(),
            )
            .into())
        }
    };
    match text.as_deref().and_then(parse) {
        Some(v) => Value::some(v),
        None => Ok(Value::none()),
    }
}

fn int_to_string(args: &[Arg], make: fn(Vec<u8>) -> R) -> R {
    let text = match nth(args, 0)? {
        Value::Int(i) => i.to_string(),
        Value::UInt(u) => u.to_string(),
        v => {
            return Err(CheckErrors::UnionTypeValueError(
                vec![TypeSignature::IntType, TypeSignature::UIntType],
                v.clone(),
            )
            .into())
        }
    };
    make(text.into_bytes())
}

/// `(some buff)`, or `none` when the serialization is longer than a buffer can be.
fn to_consensus_buff(args: &[Arg]) -> R {
    let bytes = nth(args, 0)?.serialize_to_vec();
    match Value::buff_from(bytes) {
        Ok(b) => Ok(Value::some(b).unwrap_or_else(|_| Value::none())),
        Err(_) => Ok(Value::none()),
    }
}

/// `(some value)` when the bytes are exactly one serialized value the type admits,
/// otherwise `none`.
fn from_consensus_buff(args: &[Arg], e: &mut Environment) -> R {
    let ty = args
        .first()
        .ok_or(CheckErrors::IncorrectArgumentCount(2, 0))?
        .ty()?;
    let bytes = match nth(args, 1)? {
        Value::Sequence(SequenceData::Buffer(BuffData { data })) => data,
        v => {
            return Err(CheckErrors::TypeValueError(TypeSignature::max_buffer(), v.clone()).into())
        }
    };
    // clarity-vm 2.1.1 asserts (panics) on some overlong inputs (a tuple field repeated
    // past the type's largest size); there the interpreter itself stops. Here it is an
    // error, never a panic inside Wasm.
    let decoded = std::panic::catch_unwind(|| Value::try_deserialize_bytes_exact(bytes, ty))
        .map_err(|_| crate::wasm::internal("clarity-vm panicked deserializing this input"))?;
    let Ok(v) = decoded else {
        return Ok(Value::none());
    };
    if !ty.admits(e.epoch(), &v)? {
        return Ok(Value::none());
    }
    Value::some(v)
}
