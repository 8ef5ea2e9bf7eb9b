//! Principals: `is-standard principal-destruct? principal-construct?`.
//!
//! Each is a special form charged before its arguments, in Wasm; nothing is charged here.
//! "Standard" means the address version belongs to the chain's network (mainnet or
//! testnet), single- or multi-signature.

use std::convert::TryFrom;

use clarity::address::{
    C32_ADDRESS_VERSION_MAINNET_MULTISIG, C32_ADDRESS_VERSION_MAINNET_SINGLESIG,
    C32_ADDRESS_VERSION_TESTNET_MULTISIG, C32_ADDRESS_VERSION_TESTNET_SINGLESIG,
};
use clarity::vm::contexts::Environment;
use clarity::vm::errors::{CheckErrors, Error as ClarityError};
use clarity::vm::representations::{CONTRACT_MAX_NAME_LENGTH, CONTRACT_MIN_NAME_LENGTH};
use clarity::vm::types::{
    ASCIIData, CharType, PrincipalData, QualifiedContractIdentifier, SequenceData,
    StandardPrincipalData, TupleData, TypeSignature, BUFF_1, BUFF_20,
};
use clarity::vm::{ContractName, Value};

use super::natives::{buff, nth, Arg};
use crate::wasm::meter::TxMeter;

type R = Result<Value, ClarityError>;

pub fn native(word: &str, args: &[Arg], e: &mut Environment, _m: &mut TxMeter) -> Option<R> {
    let mainnet = e.global_context.mainnet;
    let r = match word {
        "is-standard" => is_standard(args, mainnet),
        "principal-destruct?" => destruct(args, mainnet),
        "principal-construct?" => construct(args, mainnet),
        _ => return None,
    };
    Some(r)
}

fn on_network(version: u8, mainnet: bool) -> bool {
    if mainnet {
        version == C32_ADDRESS_VERSION_MAINNET_SINGLESIG
            || version == C32_ADDRESS_VERSION_MAINNET_MULTISIG
    } else {
        version == C32_ADDRESS_VERSION_TESTNET_SINGLESIG
            || version == C32_ADDRESS_VERSION_TESTNET_MULTISIG
    }
}

/// The issuer's version and hash, and the contract's name for a contract principal.
fn parts(v: &Value) -> Result<(u8, [u8; 20], Option<&ContractName>), ClarityError> {
    match v {
        Value::Principal(PrincipalData::Standard(StandardPrincipalData(version, hash))) => {
            Ok((*version, *hash, None))
        }
        Value::Principal(PrincipalData::Contract(QualifiedContractIdentifier { issuer, name })) => {
            Ok((issuer.0, issuer.1, Some(name)))
        }
        v => Err(CheckErrors::TypeValueError(TypeSignature::PrincipalType, v.clone()).into()),
    }
}

fn is_standard(args: &[Arg], mainnet: bool) -> R {
    let (version, _, _) = parts(nth(args, 0)?)?;
    Ok(Value::Bool(on_network(version, mainnet)))
}

fn tuple(fields: Vec<(&str, Value)>) -> Value {
    let fields = fields.into_iter().map(|(k, v)| (k.into(), v)).collect();
    Value::Tuple(TupleData::from_data(fields).expect("a well-formed tuple"))
}

/// `{version, hash-bytes, name}`, through `ok` when the version is the network's.
fn destruct(args: &[Arg], mainnet: bool) -> R {
    let (version, hash, name) = parts(nth(args, 0)?)?;
    let name = match name {
        Some(n) => Value::some(Value::from(ASCIIData::from(n.clone())))?,
        None => Value::none(),
    };
    let t = tuple(vec![
        ("version", buff(vec![version])),
        ("hash-bytes", buff(hash.to_vec())),
        ("name", name),
    ]);
    if on_network(version, mainnet) {
        Value::okay(t)
    } else {
        Value::error(t)
    }
}

/// `principal-construct?`'s refusals: `(err {error_code, value})`.
const VERSION_BYTE: u128 = 0;
const BUFFER_LENGTH: u128 = 1;
const CONTRACT_NAME: u128 = 2;

fn refuse(code: u128, value: Option<Value>) -> R {
    let value = match value {
        Some(v) => Value::some(v)?,
        None => Value::none(),
    };
    Value::error(tuple(vec![
        ("error_code", Value::UInt(code)),
        ("value", value),
    ]))
}

/// `(principal-construct? version hash-bytes [name])`, with the interpreter's checks in
/// its order: the version byte (present, below 32), the hash (20 bytes), the name (a valid
/// contract name), then the network.
fn construct(args: &[Arg], mainnet: bool) -> R {
    if !(2..=3).contains(&args.len()) {
        return Err(CheckErrors::IncorrectArgumentCount(2, args.len()).into());
    }
    let version = match nth(args, 0)? {
        Value::Sequence(SequenceData::Buffer(b)) if b.data.len() <= 1 => b.data.first().copied(),
        v => return Err(CheckErrors::TypeValueError(BUFF_1.clone(), v.clone()).into()),
    };
    let version = match version {
        Some(v) if v < 32 => v,
        _ => return refuse(BUFFER_LENGTH, None),
    };
    let hash = match nth(args, 1)? {
        Value::Sequence(SequenceData::Buffer(b)) if b.data.len() <= 20 => &b.data,
        v => return Err(CheckErrors::TypeValueError(BUFF_20.clone(), v.clone()).into()),
    };
    let Ok(hash) = <[u8; 20]>::try_from(hash.as_slice()) else {
        return refuse(BUFFER_LENGTH, None);
    };
    let issuer = StandardPrincipalData(version, hash);
    let principal = match args.get(2).map(|a| a.value()).transpose()? {
        None => PrincipalData::Standard(issuer),
        Some(Value::Sequence(SequenceData::String(CharType::ASCII(name)))) => {
            if name.data.len() < CONTRACT_MIN_NAME_LENGTH {
                return refuse(CONTRACT_NAME, None);
            }
            if name.data.len() > CONTRACT_MAX_NAME_LENGTH {
                return Err(CheckErrors::TypeValueError(
                    TypeSignature::contract_name_string_ascii_type(),
                    Value::from(name.clone()),
                )
                .into());
            }
            let text = String::from_utf8_lossy(&name.data).into_owned();
            match ContractName::try_from(text) {
                Ok(n) => PrincipalData::Contract(QualifiedContractIdentifier::new(issuer, n)),
                Err(_) => return refuse(CONTRACT_NAME, None),
            }
        }
        Some(v) => {
            return Err(CheckErrors::TypeValueError(
                TypeSignature::contract_name_string_ascii_type(),
                v.clone(),
            )
            .into())
        }
    };
    let principal = Value::Principal(principal);
    if on_network(version, mainnet) {
        Value::okay(principal)
    } else {
        refuse(VERSION_BYTE, Some(principal))
    }
}
