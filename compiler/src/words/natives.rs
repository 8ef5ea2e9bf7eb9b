//! Words the host implements in Rust over the values' memory form (hashing, secp256k1,
//! STX and tokens, conversions, principals, block info, sequence builders; see the
//! runtime's `host/natives.rs`): their arguments are evaluated here, in the interpreter's
//! order and with its charges, then `call-native` computes the result. On buffers and
//! strings, `element-at? slice? concat` are made in Wasm instead (`sequences::on_bytes`).

use clarity::vm::costs::constants::AS_CONTRACT_MEMORY;
use clarity::vm::costs::cost_functions::ClarityCostFunction;
use clarity::vm::types::TypeSignature;
use clarity::vm::SymbolicExpression;
use walrus::ir::{MemArg, StoreKind};

use crate::abi;
use crate::codegen::{span_error, Builder, CResult, Ctx};

/// The words the host implements, with the positions of arguments that are names (a
/// token, a block property) rather than values.
pub const HOST_WORDS: &[(&str, &[usize])] = &[
    ("sha256", &[]),
    ("sha512", &[]),
    ("sha512/256", &[]),
    ("keccak256", &[]),
    ("hash160", &[]),
    ("secp256k1-recover?", &[]),
    ("secp256k1-verify", &[]),
    ("principal-of?", &[]),
    ("is-standard", &[]),
    ("principal-destruct?", &[]),
    ("principal-construct?", &[]),
    ("to-consensus-buff?", &[]),
    ("buff-to-int-le", &[]),
    ("buff-to-uint-le", &[]),
    ("buff-to-int-be", &[]),
    ("buff-to-uint-be", &[]),
    ("int-to-ascii", &[]),
    ("int-to-utf8", &[]),
    ("string-to-int?", &[]),
    ("string-to-uint?", &[]),
    ("stx-transfer?", &[]),
    ("stx-transfer-memo?", &[]),
    ("stx-burn?", &[]),
    ("stx-get-balance", &[]),
    ("stx-account", &[]),
    ("element-at", &[]),
    ("element-at?", &[]),
    ("index-of", &[]),
    ("index-of?", &[]),
    ("slice?", &[]),
    ("concat", &[]),
    ("append", &[]),
    ("as-max-len?", &[]),
    ("replace-at?", &[]),
    ("ft-mint?", &[0]),
    ("ft-transfer?", &[0]),
    ("ft-burn?", &[0]),
    ("ft-get-balance", &[0]),
    ("ft-get-supply", &[0]),
    ("nft-mint?", &[0]),
    ("nft-transfer?", &[0]),
    ("nft-burn?", &[0]),
    ("nft-get-owner?", &[0]),
    ("get-block-info?", &[0]),
    ("get-burn-block-info?", &[0]),
    ("from-consensus-buff?", &[]),
];

/// Words with an argument that is a type: parsed when compiling, passed by type id.
const TYPE_ARGS: &[(&str, usize)] = &[("from-consensus-buff?", 0)];

pub fn is_host_word(name: &str) -> bool {
    HOST_WORDS.iter().any(|(n, _)| *n == name)
}

/// Argument kinds in the block passed to `call-native`.
const VALUE: i32 = 0;
const NAME: i32 = 1;
const TYPE: i32 = 2;

/// How the interpreter charges a host word.
enum Charging {
    /// A native function: arguments evaluated with their memory accounted, then `f` for
    /// the number of arguments (`Count`) or the sum of their serialized sizes (`Sized`,
    /// since epoch 2.05; the count before).
    Native(ClarityCostFunction, bool),
    /// A special form: `pre` charged before any argument; the host makes the charges
    /// that depend on what the word finds (in the runtime's host family files).
    Special(Option<ClarityCostFunction>),
}

fn charging(name: &str) -> Charging {
    use Charging::*;
    use ClarityCostFunction as C;
    match name {
        "buff-to-int-le" => Native(C::BuffToIntLe, false),
        "buff-to-uint-le" => Native(C::BuffToUIntLe, false),
        "buff-to-int-be" => Native(C::BuffToIntBe, false),
        "buff-to-uint-be" => Native(C::BuffToUIntBe, false),
        "string-to-int?" => Native(C::StringToInt, false),
        "string-to-uint?" => Native(C::StringToUInt, false),
        "int-to-ascii" => Native(C::IntToAscii, false),
        "int-to-utf8" => Native(C::IntToUtf8, false),
        "element-at" | "element-at?" => Native(C::ElementAt, false),
        "index-of" | "index-of?" => Native(C::IndexOf, true),
        "hash160" => Native(C::Hash160, true),
        "sha256" => Native(C::Sha256, true),
        "sha512" => Native(C::Sha512, true),
        "sha512/256" => Native(C::Sha512t256, true),
        "keccak256" => Native(C::Keccak256, true),
        "to-consensus-buff?" => Native(C::ToConsensusBuff, true),
        "principal-of?" => Special(Some(C::PrincipalOf)),
        "secp256k1-recover?" => Special(Some(C::Secp256k1recover)),
        "secp256k1-verify" => Special(Some(C::Secp256k1verify)),
        "is-standard" => Special(Some(C::IsStandard)),
        "principal-destruct?" => Special(Some(C::PrincipalDestruct)),
        "principal-construct?" => Special(Some(C::PrincipalConstruct)),
        "stx-transfer?" | "stx-burn?" => Special(Some(C::StxTransfer)),
        "stx-transfer-memo?" => Special(Some(C::StxTransferMemo)),
        "stx-get-balance" => Special(Some(C::StxBalance)),
        "stx-account" => Special(Some(C::StxGetAccount)),
        "ft-mint?" => Special(Some(C::FtMint)),
        "ft-transfer?" => Special(Some(C::FtTransfer)),
        "ft-burn?" => Special(Some(C::FtBurn)),
        "ft-get-balance" => Special(Some(C::FtBalance)),
        "ft-get-supply" => Special(Some(C::FtSupply)),
        "nft-burn?" => Special(Some(C::NftBurn)),
        "get-block-info?" => Special(Some(C::BlockInfo)),
        "get-burn-block-info?" => Special(Some(C::GetBurnBlockInfo)),
        _ => Special(None),
    }
}

pub fn emit(
    ctx: &mut Ctx,
    b: &mut Builder,
    name: &str,
    args: &[SymbolicExpression],
    e: &SymbolicExpression,
    want: &TypeSignature,
) -> CResult<()> {
    if !matches!(name, "secp256k1-verify" | "secp256k1-recover?") {
        return emit_args_and_call(ctx, b, name, args, e, want, None);
    }
    // These check each argument before evaluating the next and may answer early: the
    // whole form is a block an early answer branches out of.
    let bt = ctx.block_type(want);
    let mut r = Ok(());
    b.block(bt, |blk| {
        let exit = Exit {
            id: blk.id(),
            want,
            e,
        };
        r = emit_args_and_call(ctx, blk, name, args, e, want, Some(&exit));
    });
    r
}

/// Where a word that answers early branches to, with the answer's shape.
struct Exit<'a> {
    id: walrus::ir::InstrSeqId,
    want: &'a TypeSignature,
    e: &'a SymbolicExpression,
}

/// What `secp256k1-verify` and `secp256k1-recover?` check of argument `i` before
/// evaluating the next: the message must be 32 bytes (else the interpreter's type error);
/// a signature that cannot be one answers at once (`false`, `(err u2)`).
fn check_early(
    ctx: &mut Ctx,
    b: &mut Builder,
    name: &str,
    i: usize,
    locals: &[walrus::LocalId],
    exit: &Exit,
) -> CResult<()> {
    use walrus::ir::{BinaryOp, LoadKind};
    match i {
        0 => {
            b.local_get(locals[0]).local_get(locals[1]).i32_const(32);
            ctx.call_host(b, "expect-buff-length");
        }
        1 => {
            ctx.flush(b);
            let (min, early) = if name == "secp256k1-verify" {
                (64, clarity::vm::Value::Bool(false))
            } else {
                (65, clarity::vm::Value::err_uint(2))
            };
            // Too short, or 65 bytes with a recovery id above 3.
            b.local_get(locals[1])
                .i32_const(min)
                .binop(BinaryOp::I32LtU);
            let (off, len, memory) = (locals[0], locals[1], ctx.memory);
            b.local_get(len)
                .i32_const(65)
                .binop(BinaryOp::I32Eq)
                .if_else(
                    walrus::ValType::I32,
                    |then| {
                        then.local_get(off)
                            .load(
                                memory,
                                LoadKind::I32_8 {
                                    kind: walrus::ir::ExtendedLoad::ZeroExtend,
                                },
                                MemArg {
                                    align: 1,
                                    offset: 64,
                                },
                            )
                            .i32_const(3)
                            .binop(BinaryOp::I32GtU);
                    },
                    |otherwise| {
                        otherwise.i32_const(0);
                    },
                )
                .binop(BinaryOp::I32Or);
            let mut r = Ok(());
            b.if_else(
                None,
                |answer| {
                    r = ctx.emit_value(answer, &early, exit.want, exit.e);
                    answer.br(exit.id);
                },
                |_| {},
            );
            r?;
        }
        _ => {}
    }
    Ok(())
}

fn emit_args_and_call(
    ctx: &mut Ctx,
    b: &mut Builder,
    name: &str,
    args: &[SymbolicExpression],
    e: &SymbolicExpression,
    want: &TypeSignature,
    exit: Option<&Exit>,
) -> CResult<()> {
    use ClarityCostFunction as C;
    let names = HOST_WORDS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, p)| *p)
        .unwrap_or(&[]);
    let charging = charging(name);
    let native = matches!(charging, Charging::Native(..));
    match &charging {
        Charging::Special(Some(f)) => ctx.cost(*f, 0),
        Charging::Special(None) | Charging::Native(..) => {}
    }
    if name == "from-consensus-buff?" {
        // The type argument is parsed first, its parse charged step by step.
        if let Some(t) = args.first() {
            for (f, n) in crate::meter::type_parse_charges(ctx.epoch, t) {
                ctx.cost(f, n);
            }
        }
    }
    let mut block_args = vec![];
    let mut uses = vec![];
    let mut values = vec![];
    for (i, a) in args.iter().enumerate() {
        if TYPE_ARGS.contains(&(name, i)) {
            let t = TypeSignature::parse_type_repr(ctx.epoch, a, &mut ())
                .map_err(|e| span_error(a, format!("bad type: {e}")))?;
            block_args.push((TYPE, ctx.type_id(&t), None));
        } else if names.contains(&i) {
            let n = a
                .match_atom()
                .ok_or_else(|| span_error(a, "expected a name"))?;
            block_args.push((NAME, ctx.name_id(n), None));
        } else {
            let ty = ctx.type_of(a);
            ctx.emit(b, a, &ty)?;
            let locals = ctx.spill(b, &ty);
            if native {
                uses.push(ctx.mem_add_value(b, &ty, &locals));
            }
            // Charges some special forms make between their arguments.
            match (name, i) {
                ("as-max-len?", 0) => ctx.cost(C::AsMaxLen, 0),
                ("replace-at?", 0) => ctx.cost_of_size(b, C::ReplaceAt, &ty, &locals),
                ("from-consensus-buff?", 1) => {
                    b.local_get(locals[1])
                        .unop(walrus::ir::UnaryOp::I64ExtendUI32);
                    ctx.cost_dyn(b, C::FromConsensusBuff);
                }
                _ => {}
            }
            if let Some(exit) = exit {
                check_early(ctx, b, name, i, &locals, exit)?;
            }
            values.push((ty.clone(), locals.clone()));
            // A hash reads its argument from the locals (`hash`): no block to fill.
            if !HASHES.contains(&name) {
                let addr = ctx.locals_to_memory(b, &ty, &locals);
                block_args.push((VALUE, ctx.type_id(&ty), Some(addr)));
            }
        }
    }
    if let Charging::Native(f, sized) = charging {
        if sized && ctx.epoch >= clarity::types::StacksEpochId::Epoch2_05 {
            ctx.cost_of_serialized_sizes_typed(b, f, &values);
        } else {
            ctx.cost(f, values.len() as u64);
        }
    }
    let result_ty = ctx.type_of(e);
    if hash(ctx, b, name, &values, e)?
        || super::sequences::on_bytes(ctx, b, name, &values, &result_ty)?
    {
        ctx.mem_release(b, &uses);
        return ctx.coerce(b, &result_ty, want);
    }
    let block = ctx.alloc_local(b, 12 * block_args.len() as u32);
    for (i, (kind, id, addr)) in block_args.iter().enumerate() {
        let off = 12 * i as u64;
        let st = |b: &mut Builder, mem, o| {
            b.store(
                mem,
                StoreKind::I32 { atomic: false },
                MemArg {
                    align: 1,
                    offset: o,
                },
            );
        };
        b.local_get(block).i32_const(*kind);
        st(b, ctx.memory, off);
        b.local_get(block).i32_const(*id);
        st(b, ctx.memory, off + 4);
        b.local_get(block);
        match addr {
            Some(a) => b.local_get(*a),
            None => b.i32_const(0),
        };
        st(b, ctx.memory, off + 8);
    }
    let result_id = ctx.type_id(&result_ty);
    let dest = ctx.alloc_local(b, abi::size(&result_ty));
    let word = ctx.name_id(name);
    b.i32_const(word)
        .local_get(block)
        .i32_const(block_args.len() as i32)
        .i32_const(result_id)
        .local_get(dest);
    ctx.call_host(b, "call-native");
    ctx.mem_release(b, &uses);
    ctx.load(b, &result_ty, dest, 0);
    ctx.coerce(b, &result_ty, want)
}

/// The hashes, in the order of the host's `hash-buff` and `hash-int` kinds.
pub const HASHES: [&str; 5] = ["sha256", "sha512", "sha512/256", "keccak256", "hash160"];

/// A hash straight over the argument's bytes (or integer halves) where they lie, rather
/// than through `call-native`'s values: the hashes are the common compute words, and each
/// was charged above. Leaves the digest's (offset, length) on the stack.
fn hash(
    ctx: &mut Ctx,
    b: &mut Builder,
    name: &str,
    values: &[(TypeSignature, Vec<walrus::LocalId>)],
    e: &SymbolicExpression,
) -> CResult<bool> {
    let Some(kind) = HASHES.iter().position(|h| *h == name) else {
        return Ok(false);
    };
    // The type checker admits one buffer, int or uint.
    let [(ty, locals)] = values else {
        return Err(span_error(e, format!("{name} takes one argument")));
    };
    let host = match ty {
        TypeSignature::IntType | TypeSignature::UIntType => "hash-int",
        _ => "hash-buff",
    };
    b.i32_const(kind as i32);
    for l in locals {
        b.local_get(*l);
    }
    ctx.call_host(b, host);
    Ok(true)
}

/// `(as-contract expr)`: `expr` runs with tx-sender and contract-caller set to this
/// contract; the host swaps them around it.
pub fn emit_as_contract(
    ctx: &mut Ctx,
    b: &mut Builder,
    args: &[SymbolicExpression],
    e: &SymbolicExpression,
    want: &TypeSignature,
) -> CResult<()> {
    let body = args
        .first()
        .ok_or_else(|| span_error(e, "as-contract takes one argument"))?;
    // A special form: charged since epoch 2.1, and an environment's worth of memory
    // accounted around its body.
    if ctx.epoch >= clarity::types::StacksEpochId::Epoch21 {
        ctx.cost(ClarityCostFunction::AsContract, 0);
    }
    ctx.mem_add(AS_CONTRACT_MEMORY);
    ctx.call_host(b, "as-contract-begin");
    ctx.closers.push("as-contract-end");
    let r = ctx.emit(b, body, want);
    ctx.closers.pop();
    r?;
    ctx.call_host(b, "as-contract-end");
    ctx.mem_drop(AS_CONTRACT_MEMORY);
    Ok(())
}
