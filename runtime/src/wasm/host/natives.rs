//! `call-native`: the words the host implements in Rust over the values' memory form
//! (see the compiler's `words/natives.rs`), dispatched to one file per family; and
//! `as-contract`.

use clarity::vm::contexts::Environment;
use clarity::vm::errors::{CheckErrors, Error as ClarityError};
use clarity::vm::types::{PrincipalData, TypeSignature};
use wasmtime::{Caller, Linker};

use clarity::vm::Value;

use super::{env, metered, name_of, raise, read, type_of, write, HostResult};
use crate::wasm::meter::TxMeter;
use crate::wasm::{internal, HostState};

const M: &str = clarinet_wasm_compiler::host::MODULE;

/// An argument of a word the host implements: a value (with its static type), a name
/// (a token, a block property) or a type.
pub enum Arg {
    Value(Value, TypeSignature),
    Name(String),
    Type(TypeSignature),
}

impl Arg {
    pub fn value(&self) -> Result<&Value, ClarityError> {
        match self {
            Arg::Value(v, _) => Ok(v),
            _ => Err(internal("expected a value argument")),
        }
    }

    pub fn name(&self) -> Result<&str, ClarityError> {
        match self {
            Arg::Name(n) => Ok(n),
            _ => Err(internal("expected a name argument")),
        }
    }

    pub fn ty(&self) -> Result<&TypeSignature, ClarityError> {
        match self {
            Arg::Type(t) => Ok(t),
            Arg::Value(_, t) => Ok(t),
            Arg::Name(_) => Err(internal("expected a type argument")),
        }
    }
}

/// A buffer value.
pub fn buff(data: Vec<u8>) -> Value {
    Value::Sequence(clarity::vm::types::SequenceData::Buffer(
        clarity::vm::types::BuffData { data },
    ))
}

/// The value of argument `i`, or the interpreter's argument-count error.
pub fn nth(args: &[Arg], i: usize) -> Result<&Value, ClarityError> {
    match args.get(i) {
        Some(a) => a.value(),
        None => Err(CheckErrors::IncorrectArgumentCount(i + 1, args.len()).into()),
    }
}

/// A family of words: the result of `word` applied to `args`, or `None` when the word is
/// not the family's. The word's charges made before its arguments were made in Wasm;
/// the family makes the rest, in the interpreter's order.
pub type Family = fn(
    word: &str,
    args: &[Arg],
    e: &mut Environment,
    m: &mut TxMeter,
) -> Option<Result<Value, ClarityError>>;

const FAMILIES: &[Family] = &[
    super::crypto::native,
    super::sequences::native,
    super::conversions::native,
    super::principals::native,
    super::assets::native,
    super::blocks::native,
];

fn dispatch(
    word: &str,
    args: &[Arg],
    e: &mut Environment,
    m: &mut TxMeter,
) -> Result<Value, ClarityError> {
    for family in FAMILIES {
        if let Some(r) = family(word, args, e, m) {
            return r;
        }
    }
    Err(internal(format!("no native {word}")))
}

pub fn define(l: &mut Linker<HostState>) -> wasmtime::Result<()> {
    l.func_wrap(
        M,
        "call-native",
        |mut c: Caller<'_, HostState>,
         word: i32,
         block: i32,
         n: i32,
         rt: i32,
         dest: i32|
         -> HostResult<()> {
            let word = name_of(&c, word)?;
            let triples: Vec<(i32, i32, i32)> = {
                let mem = c.data().memory.expect("memory").data(&c);
                let rd = |o: usize| {
                    mem.get(o..o + 4)
                        .map(|b| i32::from_le_bytes(b.try_into().unwrap()))
                };
                (0..n as usize)
                    .map(|i| {
                        let at = block as usize + 12 * i;
                        (
                            rd(at).unwrap_or(-1),
                            rd(at + 4).unwrap_or(-1),
                            rd(at + 8).unwrap_or(-1),
                        )
                    })
                    .collect()
            };
            let mut args = vec![];
            for (kind, id, at) in triples {
                args.push(match kind {
                    0 => {
                        let ty = type_of(&c, id)?;
                        Arg::Value(read(&c, &ty, at)?, ty)
                    }
                    1 => Arg::Name(name_of(&c, id)?),
                    2 => Arg::Type(type_of(&c, id)?),
                    _ => return raise(internal("bad native argument kind")),
                });
            }
            let v = metered(&mut c, |e, m| dispatch(&word, &args, e, m))?;
            let ty = type_of(&c, rt)?;
            write(&mut c, &ty, dest, &v)
        },
    )?;
    l.func_wrap(
        M,
        "as-contract-begin",
        |mut c: Caller<'_, HostState>| -> HostResult<()> {
            // Its charge and memory are made in Wasm.
            let e = env(&c)?;
            let contract: PrincipalData = e.contract_context.contract_identifier.clone().into();
            let saved = (
                e.sender.replace(contract.clone()),
                e.caller.replace(contract),
            );
            c.data_mut().as_contract.push(saved);
            Ok(())
        },
    )?;
    l.func_wrap(
        M,
        "as-contract-end",
        |mut c: Caller<'_, HostState>| -> HostResult<()> {
            let e = env(&c)?;
            let Some((sender, caller)) = c.data_mut().as_contract.pop() else {
                return raise(internal("as-contract-end without begin"));
            };
            e.sender = sender;
            e.caller = caller;
            Ok(())
        },
    )?;
    Ok(())
}
