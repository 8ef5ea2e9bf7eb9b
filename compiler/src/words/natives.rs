//! Natives that take values and give a value, with no evaluation of their own to do
//! (hashing, STX and token operations, conversions, block info, sequence accessors): their
//! arguments are evaluated here, in order, then the host applies clarity-vm's own
//! implementation of the word to them. One implementation of each, so the same results,
//! errors, events and costs; the control flow around them stays in Wasm.

use clarity::vm::types::TypeSignature;
use clarity::vm::SymbolicExpression;
use walrus::ir::{MemArg, StoreKind};

use crate::abi;
use crate::codegen::{span_error, Builder, CResult, Ctx};

/// The words delegated this way, with the positions of arguments that are names (a token,
/// a block property) rather than values.
pub const DELEGATED: &[(&str, &[usize])] = &[
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
    ("bit-and", &[]),
    ("bit-or", &[]),
    ("bit-xor", &[]),
    ("bit-not", &[]),
    ("bit-shift-left", &[]),
    ("bit-shift-right", &[]),
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

/// Words with an argument that is neither a value nor a name (a type): passed as the
/// expression itself, kept in the metadata.
const EXPRESSION_ARGS: &[(&str, usize)] = &[("from-consensus-buff?", 0)];

pub fn is_delegated(name: &str) -> bool {
    DELEGATED.iter().any(|(n, _)| *n == name)
}

/// Argument kinds in the block passed to `call-native`.
const VALUE: i32 = 0;
const NAME: i32 = 1;
const EXPRESSION: i32 = 2;

pub fn emit(
    ctx: &mut Ctx,
    b: &mut Builder,
    name: &str,
    args: &[SymbolicExpression],
    e: &SymbolicExpression,
    want: &TypeSignature,
) -> CResult<()> {
    let names = DELEGATED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, p)| *p)
        .unwrap_or(&[]);
    let mut block_args = vec![];
    for (i, a) in args.iter().enumerate() {
        if EXPRESSION_ARGS.contains(&(name, i)) {
            ctx.meta.expressions.push(a.clone());
            block_args.push((EXPRESSION, (ctx.meta.expressions.len() - 1) as i32, None));
        } else if names.contains(&i) {
            let n = a
                .match_atom()
                .ok_or_else(|| span_error(a, "expected a name"))?;
            block_args.push((NAME, ctx.name_id(n), None));
        } else {
            let ty = ctx.type_of(a);
            ctx.emit(b, a, &ty)?;
            let addr = ctx.to_memory(b, &ty);
            block_args.push((VALUE, ctx.type_id(&ty), Some(addr)));
        }
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
    let result_ty = ctx.type_of(e);
    let result_id = ctx.type_id(&result_ty);
    let dest = ctx.alloc_local(b, abi::size(&result_ty));
    let word = ctx.name_id(name);
    let f = ctx.import("call-native");
    b.i32_const(word)
        .local_get(block)
        .i32_const(block_args.len() as i32)
        .i32_const(result_id)
        .local_get(dest)
        .call(f);
    ctx.load(b, &result_ty, dest, 0);
    ctx.coerce(b, &result_ty, want)
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
    let begin = ctx.import("as-contract-begin");
    b.call(begin);
    ctx.emit(b, body, want)?;
    let end = ctx.import("as-contract-end");
    b.call(end);
    Ok(())
}
