//! One file per family of Clarity words; this file is the single dispatch.

pub(crate) mod arithmetic;
mod bits;
mod boolean;
pub(crate) mod calls;
mod chain;
mod compare;
mod control;
mod data;
mod higher_order;
mod natives;
mod options;
mod print;
mod sequences;
mod tuples;

use clarity::vm::types::TypeSignature;
use clarity::vm::SymbolicExpression;

use crate::codegen::{unsupported, Builder, CResult, Ctx};

/// Emit the application of native word `name` to `args`.
pub fn emit_word(
    ctx: &mut Ctx,
    b: &mut Builder,
    name: &str,
    args: &[SymbolicExpression],
    e: &SymbolicExpression,
    want: &TypeSignature,
) -> CResult<()> {
    match name {
        "+" | "-" | "*" | "/" | "mod" | "pow" | "sqrti" | "log2" | "to-int" | "to-uint" => {
            arithmetic::emit(ctx, b, name, args, e, want)
        }
        "xor" | "bit-and" | "bit-or" | "bit-xor" | "bit-not" | "bit-shift-left"
        | "bit-shift-right" => bits::emit(ctx, b, name, args, e, want),
        "<" | "<=" | ">" | ">=" => compare::emit_order(ctx, b, name, args, e, want),
        "is-eq" => compare::emit_is_eq(ctx, b, args, e, want),
        "and" | "or" | "not" => boolean::emit(ctx, b, name, args, e, want),
        "let" | "begin" | "if" | "asserts!" => control::emit(ctx, b, name, args, e, want),
        "match" | "unwrap!" | "unwrap-err!" | "unwrap-panic" | "unwrap-err-panic" | "try!"
        | "default-to" | "is-some" | "is-none" | "is-ok" | "is-err" | "ok" | "err" | "some" => {
            options::emit(ctx, b, name, args, e, want)
        }
        "var-get" | "var-set" | "map-get?" | "map-set" | "map-insert" | "map-delete" => {
            data::emit(ctx, b, name, args, e, want)
        }
        "tuple" | "get" | "merge" => tuples::emit(ctx, b, name, args, e, want),
        "list" | "len" => sequences::emit(ctx, b, name, args, e, want),
        "map" | "fold" | "filter" => higher_order::emit(ctx, b, name, args, e, want),
        "print" => print::emit(ctx, b, args, e, want),
        "contract-call?" => calls::emit_contract_call(ctx, b, args, e, want),
        "contract-of" => calls::emit_contract_of(ctx, b, args, e, want),
        "at-block" => chain::emit_at_block(ctx, b, args, e, want),
        "as-contract" => natives::emit_as_contract(ctx, b, args, e, want),
        _ if natives::is_host_word(name) => natives::emit(ctx, b, name, args, e, want),
        _ => Err(unsupported(e, name)),
    }
}

/// Emit a reserved name used as a value (`tx-sender`, `true`, `none` ...).
pub fn emit_keyword(
    ctx: &mut Ctx,
    b: &mut Builder,
    name: &str,
    e: &SymbolicExpression,
    want: &TypeSignature,
) -> CResult<()> {
    chain::emit_keyword(ctx, b, name, e, want)
}
