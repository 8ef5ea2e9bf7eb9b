//! Values in memory form (see `clarinet_wasm_compiler::abi`) to and from clarity `Value`s.
//! The flat form of a value is its memory form's components, so arguments and results
//! cross the boundary through memory too: one codec for everything.

use clarinet_wasm_compiler::abi;
use clarinet_wasm_compiler::abi::Part;
use clarity::vm::types::signatures::CallableSubtype;
use clarity::vm::types::{
    ASCIIData, BuffData, CallableData, CharType, ListData, ListTypeData, OptionalData,
    PrincipalData, QualifiedContractIdentifier, ResponseData, SequenceData, SequenceSubtype,
    StandardPrincipalData, StringSubtype, TupleData, TypeSignature, UTF8Data, Value,
};
use wasmtime::ValRaw;

type T = TypeSignature;

fn rd_u32(mem: &[u8], at: usize) -> Result<u32, String> {
    mem.get(at..at + 4)
        .map(|b| u32::from_le_bytes(b.try_into().unwrap()))
        .ok_or_else(|| format!("read outside memory at {at}"))
}

fn rd_u64(mem: &[u8], at: usize) -> Result<u64, String> {
    mem.get(at..at + 8)
        .map(|b| u64::from_le_bytes(b.try_into().unwrap()))
        .ok_or_else(|| format!("read outside memory at {at}"))
}

fn bytes(mem: &[u8], at: usize) -> Result<&[u8], String> {
    let off = rd_u32(mem, at)? as usize;
    let len = rd_u32(mem, at + 4)? as usize;
    if len == 0 {
        return Ok(&[]);
    }
    mem.get(off..off + len)
        .ok_or_else(|| format!("sequence outside memory at {off}+{len}"))
}

/// Decode the value of type `ty` stored at `at`.
pub fn read_value(mem: &[u8], ty: &T, at: usize) -> Result<Value, String> {
    Ok(match ty {
        T::IntType | T::UIntType => {
            let v = rd_u64(mem, at)? as u128 | ((rd_u64(mem, at + 8)? as u128) << 64);
            if matches!(ty, T::IntType) {
                Value::Int(v as i128)
            } else {
                Value::UInt(v)
            }
        }
        T::BoolType => Value::Bool(rd_u32(mem, at)? != 0),
        // A trait-typed value is, to the interpreter, a callable contract (Clarity 2 casts
        // trait arguments to one): it prints as `(contract as <trait>)`.
        T::CallableType(CallableSubtype::Trait(t)) => match decode_principal(bytes(mem, at)?)? {
            PrincipalData::Contract(id) => Value::CallableContract(CallableData {
                contract_identifier: id,
                trait_identifier: Some(t.clone()),
            }),
            p => Value::Principal(p),
        },
        T::PrincipalType | T::CallableType(_) | T::ListUnionType(_) | T::TraitReferenceType(_) => {
            Value::Principal(decode_principal(bytes(mem, at)?)?)
        }
        T::SequenceType(SequenceSubtype::BufferType(_)) => {
            Value::Sequence(SequenceData::Buffer(BuffData {
                data: bytes(mem, at)?.to_vec(),
            }))
        }
        T::SequenceType(SequenceSubtype::StringType(StringSubtype::ASCII(_))) => {
            Value::Sequence(SequenceData::String(CharType::ASCII(ASCIIData {
                data: bytes(mem, at)?.to_vec(),
            })))
        }
        T::SequenceType(SequenceSubtype::StringType(StringSubtype::UTF8(_))) => {
            let raw = bytes(mem, at)?;
            let mut data = Vec::with_capacity(raw.len() / 4);
            for c in raw.chunks(4) {
                let cp = u32::from_be_bytes(c.try_into().map_err(|_| "bad utf8 length")?);
                let ch = char::from_u32(cp).ok_or("bad code point")?;
                data.push(ch.to_string().into_bytes());
            }
            Value::Sequence(SequenceData::String(CharType::UTF8(UTF8Data { data })))
        }
        T::SequenceType(SequenceSubtype::ListType(lt)) => {
            let item = lt.get_list_item_type();
            let items = read_elements(mem, item, at + 4)?;
            match &*super::rtypes::get(rd_u32(mem, at)?) {
                T::SequenceType(SequenceSubtype::ListType(own)) => {
                    Value::Sequence(SequenceData::List(ListData {
                        data: items,
                        type_signature: own.clone(),
                    }))
                }
                // No rtype (a value built before its type was known): from its contents.
                _ => list_value(items),
            }
        }
        T::OptionalType(inner) => {
            if rd_u32(mem, at)? != 0 {
                Value::Optional(OptionalData {
                    data: Some(Box::new(read_value(mem, inner, at + 4)?)),
                })
            } else {
                Value::none()
            }
        }
        T::ResponseType(rt) => {
            let ok = rd_u32(mem, at)? != 0;
            let data = if ok {
                read_value(mem, &rt.0, at + 4)?
            } else {
                read_value(mem, &rt.1, at + 4 + abi::size(&rt.0) as usize)?
            };
            Value::Response(ResponseData {
                committed: ok,
                data: Box::new(data),
            })
        }
        T::TupleType(tt) => {
            let fields = read_fields(mem, tt, at + 4)?;
            match &*super::rtypes::get(rd_u32(mem, at)?) {
                T::TupleType(own) => Value::Tuple(TupleData {
                    type_signature: own.clone(),
                    data_map: fields.into_iter().collect(),
                }),
                _ => Value::Tuple(TupleData::from_data(fields).map_err(|e| e.to_string())?),
            }
        }
        T::NoType => return Err("a value of no type cannot exist".into()),
    })
}

/// The elements of the list whose (offset, byte length) is at `at`.
pub fn read_elements(mem: &[u8], item: &T, at: usize) -> Result<Vec<Value>, String> {
    let size = abi::size(item) as usize;
    let off = rd_u32(mem, at)? as usize;
    let len = rd_u32(mem, at + 4)? as usize;
    let n = if size == 0 { 0 } else { len / size };
    let mut items = Vec::with_capacity(n);
    for i in 0..n {
        items.push(read_value(mem, item, off + i * size)?);
    }
    Ok(items)
}

/// The fields of a tuple of type `tt`, stored from `at` on (after its rtype).
pub fn read_fields(
    mem: &[u8],
    tt: &clarity::vm::types::TupleTypeSignature,
    at: usize,
) -> Result<Vec<(clarity::vm::ClarityName, Value)>, String> {
    let mut at = at;
    let mut fields = Vec::with_capacity(tt.get_type_map().len());
    for (n, fty) in tt.get_type_map() {
        fields.push((n.clone(), read_value(mem, fty, at)?));
        at += abi::size(fty) as usize;
    }
    Ok(fields)
}

pub fn list_value(items: Vec<Value>) -> Value {
    Value::list_from(items.clone()).unwrap_or_else(|_| {
        Value::Sequence(SequenceData::List(ListData {
            data: items,
            type_signature: ListTypeData::new_list(T::NoType, 0).expect("empty list type"),
        }))
    })
}

pub fn decode_principal(b: &[u8]) -> Result<PrincipalData, String> {
    if b.len() < 22 {
        return Err("short principal".into());
    }
    let mut hash = [0u8; 20];
    hash.copy_from_slice(&b[1..21]);
    let issuer = StandardPrincipalData(b[0], hash);
    let n = b[21] as usize;
    if n == 0 {
        return Ok(PrincipalData::Standard(issuer));
    }
    let name = contract_name(b.get(22..22 + n).ok_or("short contract name")?)?;
    Ok(PrincipalData::Contract(QualifiedContractIdentifier::new(
        issuer, name,
    )))
}

/// A contract name from its bytes. `ContractName::try_from` checks the name with a regular
/// expression, which costs more than a whole contract call; the last names checked are
/// remembered (the check depends on the name alone).
fn contract_name(bytes: &[u8]) -> Result<clarity::vm::ContractName, String> {
    use clarity::vm::ContractName;
    use std::cell::RefCell;
    thread_local! {
        static CHECKED: RefCell<Vec<(Box<[u8]>, ContractName)>> = const { RefCell::new(vec![]) };
    }
    if let Some(n) = CHECKED.with(|c| {
        c.borrow()
            .iter()
            .find(|(b, _)| **b == *bytes)
            .map(|(_, n)| n.clone())
    }) {
        return Ok(n);
    }
    let s = std::str::from_utf8(bytes).map_err(|e| e.to_string())?;
    let name = ContractName::try_from(s.to_string()).map_err(|e| format!("{e:?}"))?;
    CHECKED.with(|c| {
        let mut c = c.borrow_mut();
        // A few: a scan of them must stay cheaper than the check.
        if c.len() >= 32 {
            c.remove(0);
        }
        c.push((bytes.into(), name.clone()));
    });
    Ok(name)
}

/// Bytes of payload (sequence contents) a value needs beyond its fixed memory form.
pub fn payload_size(v: &Value, ty: &T) -> usize {
    match (v, ty) {
        (Value::Principal(p), _) => crate_principal_bytes(p).len(),
        (Value::CallableContract(c), _) => {
            crate_principal_bytes(&c.contract_identifier.clone().into()).len()
        }
        (Value::Sequence(SequenceData::Buffer(b)), _) => b.data.len(),
        (Value::Sequence(SequenceData::String(CharType::ASCII(s))), _) => s.data.len(),
        (Value::Sequence(SequenceData::String(CharType::UTF8(s))), _) => s.data.len() * 4,
        (
            Value::Sequence(SequenceData::List(l)),
            T::SequenceType(SequenceSubtype::ListType(lt)),
        ) => {
            let item = lt.get_list_item_type();
            l.data.len() * abi::size(item) as usize
                + l.data.iter().map(|x| payload_size(x, item)).sum::<usize>()
        }
        (Value::Optional(o), T::OptionalType(inner)) => {
            o.data.as_ref().map_or(0, |x| payload_size(x, inner))
        }
        (Value::Response(r), T::ResponseType(rt)) => {
            payload_size(&r.data, if r.committed { &rt.0 } else { &rt.1 })
        }
        (Value::Tuple(t), T::TupleType(tt)) => tt
            .get_type_map()
            .iter()
            .map(|(n, fty)| t.data_map.get(n).map_or(0, |x| payload_size(x, fty)))
            .sum(),
        _ => 0,
    }
}

fn crate_principal_bytes(p: &PrincipalData) -> Vec<u8> {
    clarinet_wasm_compiler::abi::principal_bytes(p)
}

fn wr_u32(mem: &mut [u8], at: usize, v: u32) {
    mem[at..at + 4].copy_from_slice(&v.to_le_bytes());
}

fn wr_u64(mem: &mut [u8], at: usize, v: u64) {
    mem[at..at + 8].copy_from_slice(&v.to_le_bytes());
}

fn put_payload(mem: &mut [u8], heap: &mut usize, at: usize, data: &[u8]) {
    let off = *heap;
    mem[off..off + data.len()].copy_from_slice(data);
    *heap += data.len();
    wr_u32(mem, at, if data.is_empty() { 0 } else { off as u32 });
    wr_u32(mem, at + 4, data.len() as u32);
}

/// Encode `v` (of type `ty`) at `at`, its payloads from `heap` on (which advances). The
/// caller has made sure `payload_size` bytes fit from `heap`.
pub fn write_value(
    mem: &mut [u8],
    heap: &mut usize,
    ty: &T,
    at: usize,
    v: &Value,
) -> Result<(), String> {
    match (v, ty) {
        (_, T::NoType) => {}
        (Value::Int(i), _) => {
            wr_u64(mem, at, *i as u128 as u64);
            wr_u64(mem, at + 8, ((*i as u128) >> 64) as u64);
        }
        (Value::UInt(u), _) => {
            wr_u64(mem, at, *u as u64);
            wr_u64(mem, at + 8, (*u >> 64) as u64);
        }
        (Value::Bool(b), _) => wr_u32(mem, at, *b as u32),
        (Value::Principal(p), _) => put_payload(mem, heap, at, &crate_principal_bytes(p)),
        (Value::CallableContract(c), _) => {
            let p = c.contract_identifier.clone().into();
            put_payload(mem, heap, at, &crate_principal_bytes(&p))
        }
        (Value::Sequence(SequenceData::Buffer(b)), _) => put_payload(mem, heap, at, &b.data),
        (Value::Sequence(SequenceData::String(CharType::ASCII(s))), _) => {
            put_payload(mem, heap, at, &s.data)
        }
        (Value::Sequence(SequenceData::String(CharType::UTF8(s))), _) => {
            let bytes = clarinet_wasm_compiler::abi::utf8_to_memory(&s.data);
            put_payload(mem, heap, at, &bytes)
        }
        (
            Value::Sequence(SequenceData::List(l)),
            T::SequenceType(SequenceSubtype::ListType(lt)),
        ) => {
            let item = lt.get_list_item_type();
            let size = abi::size(item) as usize;
            let base = *heap;
            *heap += size * l.data.len();
            for (i, x) in l.data.iter().enumerate() {
                write_value(mem, heap, item, base + i * size, x)?;
            }
            wr_u32(mem, at, super::rtypes::intern(&TypeSignature::type_of(v)));
            wr_u32(mem, at + 4, if l.data.is_empty() { 0 } else { base as u32 });
            wr_u32(mem, at + 8, (size * l.data.len()) as u32);
        }
        (Value::Optional(o), T::OptionalType(inner)) => {
            zero(mem, at, abi::size(ty) as usize);
            if let Some(x) = &o.data {
                wr_u32(mem, at, 1);
                write_value(mem, heap, inner, at + 4, x)?;
            }
        }
        (Value::Response(r), T::ResponseType(rt)) => {
            zero(mem, at, abi::size(ty) as usize);
            wr_u32(mem, at, r.committed as u32);
            if r.committed {
                write_value(mem, heap, &rt.0, at + 4, &r.data)?;
            } else {
                write_value(
                    mem,
                    heap,
                    &rt.1,
                    at + 4 + abi::size(&rt.0) as usize,
                    &r.data,
                )?;
            }
        }
        (Value::Tuple(t), T::TupleType(tt)) => {
            wr_u32(mem, at, super::rtypes::intern(&TypeSignature::type_of(v)));
            let mut at = at + 4;
            for (n, fty) in tt.get_type_map() {
                let x = t
                    .data_map
                    .get(n)
                    .ok_or_else(|| format!("tuple lacks field {n}"))?;
                write_value(mem, heap, fty, at, x)?;
                at += abi::size(fty) as usize;
            }
        }
        _ => return Err(format!("cannot encode {v} as {ty}")),
    }
    Ok(())
}

fn zero(mem: &mut [u8], at: usize, n: usize) {
    mem[at..at + n].fill(0);
}

/// Append the flat components of the value stored at `at` (a call's parameters).
pub fn read_raw(mem: &[u8], ty: &T, at: usize, out: &mut Vec<ValRaw>) {
    let mut off = at;
    abi::for_each_part(ty, |p| match p {
        Part::I64 => {
            out.push(ValRaw::i64(rd_u64(mem, off).unwrap_or(0) as i64));
            off += 8;
        }
        Part::I32 => {
            out.push(ValRaw::i32(rd_u32(mem, off).unwrap_or(0) as i32));
            off += 4;
        }
    });
}

/// Store a call's results, the flat components of a value of type `ty`, as its memory
/// form at `at`.
pub fn write_raw(mem: &mut [u8], at: usize, ty: &T, raw: &[ValRaw]) {
    let (mut off, mut i) = (at, 0);
    abi::for_each_part(ty, |p| {
        match p {
            Part::I64 => {
                wr_u64(mem, off, raw[i].get_i64() as u64);
                off += 8;
            }
            Part::I32 => {
                wr_u32(mem, off, raw[i].get_i32() as u32);
                off += 4;
            }
        }
        i += 1;
    });
}

/// Whether Wasm types `types` are the flat form of `ty`, component for component.
pub fn is_flat_form(ty: &T, types: &mut impl Iterator<Item = wasmtime::ValType>) -> bool {
    let mut ok = true;
    abi::for_each_part(ty, |p| {
        ok &= match (p, types.next()) {
            (Part::I64, Some(wasmtime::ValType::I64)) => true,
            (Part::I32, Some(wasmtime::ValType::I32)) => true,
            _ => false,
        };
    });
    ok
}
