//! Hashing (`sha256 sha512 sha512/256 keccak256 hash160`), `secp256k1-recover?`,
//! `secp256k1-verify` and `principal-of?`.
//!
//! The hashes are plain native functions: every charge (the word's cost by the
//! serialized size of its argument, the argument's memory) was made in Wasm. The three
//! special forms were charged before their arguments, in Wasm, and charge nothing after.
//! Each digest comes from the crates clarity-vm uses, through stacks-common, so the bytes
//! are the interpreter's; the input is hashed where it lies, with no copy.

use clarity::types::chainstate::StacksAddress;
use clarity::util::hash::{Hash160, Keccak256Hash, Sha256Sum, Sha512Sum, Sha512Trunc256Sum};
use clarity::util::secp256k1::{secp256k1_recover, secp256k1_verify, Secp256k1PublicKey};
use clarity::vm::contexts::Environment;
use clarity::vm::errors::{CheckErrors, Error as ClarityError};
use clarity::vm::types::{
    PrincipalData, SequenceData, StandardPrincipalData, TypeSignature, Value, BUFF_32, BUFF_33,
    BUFF_65,
};
use clarity::vm::ClarityVersion;

use super::natives::{buff, nth, Arg};
use crate::wasm::meter::TxMeter;

/// Single-signature address versions (`C32_ADDRESS_VERSION_*_SINGLESIG`).
const MAINNET_SINGLESIG: u8 = clarity::address::C32_ADDRESS_VERSION_MAINNET_SINGLESIG;
const TESTNET_SINGLESIG: u8 = clarity::address::C32_ADDRESS_VERSION_TESTNET_SINGLESIG;

pub fn native(
    word: &str,
    args: &[Arg],
    e: &mut Environment,
    _m: &mut TxMeter,
) -> Option<Result<Value, ClarityError>> {
    let r = match word {
        "sha256" => hash(args, |b| Sha256Sum::from_data(b).as_bytes().to_vec()),
        "sha512" => hash(args, |b| Sha512Sum::from_data(b).as_bytes().to_vec()),
        "sha512/256" => hash(args, |b| {
            Sha512Trunc256Sum::from_data(b).as_bytes().to_vec()
        }),
        "keccak256" => hash(args, |b| Keccak256Hash::from_data(b).as_bytes().to_vec()),
        "hash160" => hash(args, |b| Hash160::from_data(b).as_bytes().to_vec()),
        "secp256k1-recover?" => recover(args),
        "secp256k1-verify" => verify(args),
        "principal-of?" => principal_of(args, e),
        _ => return None,
    };
    Some(r)
}

/// A hash of a buffer's bytes, or of an integer's 16 little-endian bytes.
fn hash(args: &[Arg], digest: impl Fn(&[u8]) -> Vec<u8>) -> Result<Value, ClarityError> {
    let out = match nth(args, 0)? {
        Value::Int(i) => digest(&i.to_le_bytes()),
        Value::UInt(u) => digest(&u.to_le_bytes()),
        Value::Sequence(SequenceData::Buffer(b)) => digest(&b.data),
        v => {
            return Err(CheckErrors::UnionTypeValueError(
                vec![
                    TypeSignature::IntType,
                    TypeSignature::UIntType,
                    TypeSignature::max_buffer(),
                ],
                v.clone(),
            )
            .into())
        }
    };
    // Digests are at most 64 bytes: always a valid buffer.
    Ok(buff(out))
}

/// The bytes of a buffer argument of exactly `len` bytes, or the interpreter's type error
/// (a `(buff N)` argument may be shorter than N).
fn exact_buffer<'a>(
    v: &'a Value,
    len: usize,
    expected: &TypeSignature,
) -> Result<&'a [u8], ClarityError> {
    match v {
        Value::Sequence(SequenceData::Buffer(b)) if b.data.len() == len => Ok(&b.data),
        _ => Err(CheckErrors::TypeValueError(expected.clone(), v.clone()).into()),
    }
}

/// A signature argument: its bytes, or the interpreter's type error when it is not a
/// buffer of at most 65 bytes.
fn signature(v: &Value) -> Result<&[u8], ClarityError> {
    match v {
        Value::Sequence(SequenceData::Buffer(b)) if b.data.len() <= 65 => Ok(&b.data),
        _ => Err(CheckErrors::TypeValueError(BUFF_65.clone(), v.clone()).into()),
    }
}

/// `(secp256k1-recover? message signature)`: `(ok pubkey)`, `(err u1)` when nothing can be
/// recovered, `(err u2)` for a signature that is not 65 bytes with a recovery id of 0..3.
fn recover(args: &[Arg]) -> Result<Value, ClarityError> {
    let message = exact_buffer(nth(args, 0)?, 32, &BUFF_32)?;
    let sig = signature(nth(args, 1)?)?;
    if sig.len() < 65 || sig[64] > 3 {
        return Ok(Value::err_uint(2));
    }
    match secp256k1_recover(message, sig) {
        Ok(key) => Value::okay(buff(key.to_vec())),
        Err(_) => Ok(Value::err_uint(1)),
    }
}

/// `(secp256k1-verify message signature pubkey)`: a 64-byte signature, or a 65-byte one with
/// a recovery id of 0..3 (otherwise ignored); anything shorter is `false`.
fn verify(args: &[Arg]) -> Result<Value, ClarityError> {
    let message = exact_buffer(nth(args, 0)?, 32, &BUFF_32)?;
    let sig = signature(nth(args, 1)?)?;
    if sig.len() < 64 || (sig.len() == 65 && sig[64] > 3) {
        return Ok(Value::Bool(false));
    }
    let key = exact_buffer(nth(args, 2)?, 33, &BUFF_33)?;
    Ok(Value::Bool(secp256k1_verify(message, sig, key).is_ok()))
}

/// `(principal-of? pubkey)`: the single-signature (P2PKH) address of a compressed key,
/// `(err u1)` if the bytes are not a key. Clarity 1 always made a testnet address; since
/// Clarity 2 the network's.
fn principal_of(args: &[Arg], e: &mut Environment) -> Result<Value, ClarityError> {
    let bytes = exact_buffer(nth(args, 0)?, 33, &BUFF_33)?;
    let Ok(key) = Secp256k1PublicKey::from_slice(bytes) else {
        return Ok(Value::err_uint(1));
    };
    let version = if *e.contract_context.get_clarity_version() > ClarityVersion::Clarity1
        && e.global_context.mainnet
    {
        MAINNET_SINGLESIG
    } else {
        TESTNET_SINGLESIG
    };
    // A P2PKH address hashes the key as it serializes: 33 bytes, compressed.
    let hash = Hash160::from_data(&key.to_bytes_compressed());
    let address = StacksAddress::new(version, hash);
    let principal = PrincipalData::Standard(StandardPrincipalData::from(address));
    Value::okay(Value::Principal(principal))
}

/// The digest of `bytes` by the compiler's hash kind (`natives::HASHES`).
fn digest(kind: i32, bytes: &[u8]) -> Option<Vec<u8>> {
    Some(match kind {
        0 => Sha256Sum::from_data(bytes).as_bytes().to_vec(),
        1 => Sha512Sum::from_data(bytes).as_bytes().to_vec(),
        2 => Sha512Trunc256Sum::from_data(bytes).as_bytes().to_vec(),
        3 => Keccak256Hash::from_data(bytes).as_bytes().to_vec(),
        4 => Hash160::from_data(bytes).as_bytes().to_vec(),
        _ => return None,
    })
}

/// Write a digest on the module's heap: its (offset, length).
fn put_digest(
    c: &mut wasmtime::Caller<'_, crate::wasm::HostState>,
    digest: Option<Vec<u8>>,
) -> super::HostResult<(i32, i32)> {
    let Some(d) = digest else {
        return super::raise(crate::wasm::internal("unknown hash kind"));
    };
    let at = match crate::wasm::alloc(c, d.len()) {
        Ok(at) => at,
        Err(e) => return super::raise(e),
    };
    let mem = c.data().memory.expect("memory");
    mem.data_mut(&mut *c)[at..at + d.len()].copy_from_slice(&d);
    Ok((at as i32, d.len() as i32))
}

pub fn define(l: &mut wasmtime::Linker<crate::wasm::HostState>) -> wasmtime::Result<()> {
    // The hashes on their argument's bytes where they lie (charged in Wasm).
    l.func_wrap(
        clarinet_wasm_compiler::host::MODULE,
        "hash-buff",
        |mut c: wasmtime::Caller<'_, crate::wasm::HostState>,
         kind: i32,
         at: i32,
         len: i32|
         -> super::HostResult<(i32, i32)> {
            let mem = c.data().memory.expect("memory").data(&c);
            let Some(bytes) = mem.get(at as u32 as usize..at as u32 as usize + len as u32 as usize)
            else {
                return super::raise(crate::wasm::internal("buffer out of memory"));
            };
            let d = digest(kind, bytes);
            put_digest(&mut c, d)
        },
    )?;
    l.func_wrap(
        clarinet_wasm_compiler::host::MODULE,
        "hash-int",
        |mut c: wasmtime::Caller<'_, crate::wasm::HostState>,
         kind: i32,
         lo: i64,
         hi: i64|
         -> super::HostResult<(i32, i32)> {
            // An integer hashes as its 16 little-endian bytes, as the interpreter does.
            let mut bytes = [0u8; 16];
            bytes[..8].copy_from_slice(&lo.to_le_bytes());
            bytes[8..].copy_from_slice(&hi.to_le_bytes());
            put_digest(&mut c, digest(kind, &bytes))
        },
    )?;
    l.func_wrap(
        clarinet_wasm_compiler::host::MODULE,
        "expect-buff-length",
        |c: wasmtime::Caller<'_, crate::wasm::HostState>,
         at: i32,
         len: i32,
         n: i32|
         -> super::HostResult<()> {
            if len == n {
                return Ok(());
            }
            let mem = c.data().memory.expect("memory").data(&c);
            let data = mem
                .get(at as usize..at as usize + len as usize)
                .unwrap_or(&[])
                .to_vec();
            let expected =
                TypeSignature::SequenceType(clarity::vm::types::SequenceSubtype::BufferType(
                    clarity::vm::types::BufferLength::try_from(n as u32).expect("a buffer length"),
                ));
            let v = buff(data);
            super::raise(ClarityError::from(CheckErrors::TypeValueError(expected, v)))
        },
    )?;
    Ok(())
}
