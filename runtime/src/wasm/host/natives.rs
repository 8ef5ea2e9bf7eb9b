//! Natives applied by the host with clarity-vm's own implementation (see the compiler's
//! `words/natives.rs`), and `as-contract`.

use clarity::vm::functions::lookup_reserved_functions;
use clarity::vm::types::PrincipalData;
use clarity::vm::{apply, ClarityName, LocalContext, SymbolicExpression};
use wasmtime::{Caller, Linker};

use clarity::types::StacksEpochId;
use clarity::vm::contexts::Environment;
use clarity::vm::costs::cost_functions::ClarityCostFunction as C;
use clarity::vm::database::STXBalance;
use clarity::vm::errors::Error as ClarityError;
use clarity::vm::types::{SequenceData, TypeSignature};
use clarity::vm::Value;

use super::{env, metered, name_of, raise, read, type_of, write, HostResult};
use crate::wasm::meter::TxMeter;
use crate::wasm::{internal, HostState};

const M: &str = clarinet_wasm_compiler::host::MODULE;

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
                    // As literals: some natives (as-max-len?) insist on a literal argument.
                    0 => SymbolicExpression::literal_value(read(&c, &type_of(&c, id)?, at)?),
                    2 => match c.data().meta.expressions.get(id as usize) {
                        Some(x) => x.clone(),
                        None => return raise(internal("bad expression id")),
                    },
                    1 => SymbolicExpression::atom(
                        ClarityName::try_from(name_of(&c, id)?)
                            .map_err(|e| wasmtime::Error::new(crate::wasm::HostError(e.into())))?,
                    ),
                    _ => return raise(internal("bad native argument kind")),
                });
            }
            let v = metered(&mut c, |e, m| {
                let version = *e.contract_context.get_clarity_version();
                let Some(function) = lookup_reserved_functions(&word, &version) else {
                    return Err(internal(format!("no native {word}")));
                };
                let r = apply(&function, &args, e, &LocalContext::new());
                charge_after(&word, &args, &r, e, m)?;
                r
            })?;
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

/// The charges and memory a special form makes that depend on what it finds (its
/// charges before its arguments were made in Wasm), from its arguments and result: the
/// same amounts, on the same paths, as clarity-vm's implementation of the word.
fn charge_after(
    word: &str,
    args: &[SymbolicExpression],
    result: &Result<Value, ClarityError>,
    e: &mut Environment,
    m: &mut TxMeter,
) -> Result<(), ClarityError> {
    let value = |i: usize| args.get(i).and_then(|a| a.match_literal_value());
    let name = |i: usize| {
        args.get(i)
            .and_then(|a| a.match_atom())
            .map(|n| n.to_string())
    };
    // A response `(err uN)` with one of these codes: the word returned before its
    // memory accounting.
    let early = |codes: &[u128]| {
        matches!(result, Ok(Value::Response(r))
            if !r.committed && matches!(*r.data, Value::UInt(c) if codes.contains(&c)))
    };
    let ok = matches!(result, Ok(Value::Response(r)) if r.committed);
    let principal = TypeSignature::PrincipalType.size() as u64;
    let uint = TypeSignature::UIntType.size() as u64;
    let balance = STXBalance::unlocked_and_v1_size as u64;
    let v205 = *e.epoch() >= StacksEpochId::Epoch2_05;
    // An NFT's size as charged: its serialized size since 2.05, its declared type's size
    // before.
    let asset_size = |e: &Environment, i: usize| -> u64 {
        if v205 {
            value(i).map_or(0, |v| v.serialized_size() as u64)
        } else {
            name(0)
                .and_then(|n| e.contract_context.meta_nft.get(n.as_str()).cloned())
                .map_or(0, |meta| meta.key_type.size() as u64)
        }
    };
    match word {
        "stx-transfer?" | "stx-transfer-memo?" => {
            if !early(&[2, 3, 4]) {
                m.leak_memory(principal)?;
                m.leak_memory(principal)?;
                m.leak_memory(balance)?;
                m.leak_memory(balance)?;
            }
        }
        "stx-burn?" => {
            if !early(&[3, 4]) {
                m.leak_memory(principal)?;
                m.leak_memory(balance)?;
            }
        }
        "ft-mint?" | "ft-burn?" => {
            if ok {
                m.leak_memory(principal)?;
                m.leak_memory(uint)?;
            }
        }
        "ft-transfer?" => {
            if ok {
                m.leak_memory(principal)?;
                m.leak_memory(principal)?;
                m.leak_memory(uint)?;
                m.leak_memory(uint)?;
            }
        }
        "nft-mint?" | "nft-transfer?" | "nft-burn?" => {
            let size = asset_size(e, 1);
            let f = match word {
                "nft-mint?" => C::NftMint,
                "nft-transfer?" => C::NftTransfer,
                _ => C::NftBurn,
            };
            m.charge(f, size)?;
            if ok {
                m.leak_memory(principal)?;
                m.leak_memory(size)?;
            }
        }
        "nft-get-owner?" => m.charge(C::NftOwner, asset_size(e, 1))?,
        "concat" => {
            if let (Some(Value::Sequence(a)), Some(Value::Sequence(b))) = (value(0), value(1)) {
                let n = if v205 {
                    a.len() as u64 + b.len() as u64
                } else {
                    value(0).map_or(0, |v| v.size() as u64)
                        + value(1).map_or(0, |v| v.size() as u64)
                };
                m.charge(C::Concat, n)?;
            }
        }
        "append" => {
            if let (Some(Value::Sequence(SequenceData::List(l))), Some(x)) = (value(0), value(1)) {
                let entry = l.type_signature.get_list_item_type().size();
                let element = TypeSignature::type_of(x).size();
                m.charge(C::Append, u64::from(entry.max(element)))?;
            }
        }
        "slice?" => match (result, value(0), value(1), value(2)) {
            (
                Ok(Value::Optional(o)),
                Some(Value::Sequence(seq)),
                Some(Value::UInt(l)),
                Some(Value::UInt(r)),
            ) => {
                if o.data.is_some() {
                    let n = (*r as u64).saturating_sub(*l as u64) * seq.element_size() as u64;
                    m.charge(C::Slice, n)?;
                }
            }
            (Err(_), ..) => m.charge(C::Slice, 0)?,
            _ => {}
        },
        _ => {}
    }
    Ok(())
}
