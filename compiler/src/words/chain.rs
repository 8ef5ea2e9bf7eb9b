//! Reserved names: the transaction and chain context, and the constant keywords.

use clarity::vm::costs::cost_functions::ClarityCostFunction;
use clarity::vm::types::TypeSignature;
use clarity::vm::SymbolicExpression;

use crate::codegen::{push_zeros, span_error, unsupported, Builder, CResult, Ctx};

pub fn emit_keyword(
    ctx: &mut Ctx,
    b: &mut Builder,
    name: &str,
    e: &SymbolicExpression,
    want: &TypeSignature,
) -> CResult<()> {
    let natural = match name {
        "true" | "false" => {
            b.i32_const((name == "true") as i32);
            TypeSignature::BoolType
        }
        "none" => {
            // Built directly in the wanted shape: a tag and zeros.
            b.i32_const(0);
            if let TypeSignature::OptionalType(inner) = want {
                push_zeros(b, inner);
                return Ok(());
            }
            TypeSignature::OptionalType(Box::new(TypeSignature::NoType))
        }
        "tx-sender" | "contract-caller" => {
            ctx.call_host(
                b,
                if name == "tx-sender" {
                    "tx-sender"
                } else {
                    "contract-caller"
                },
            );
            TypeSignature::PrincipalType
        }
        "block-height" | "burn-block-height" | "chain-id" => {
            // The heights are read from the database, and charged as a variable read.
            if name != "chain-id" {
                ctx.cost(ClarityCostFunction::FetchVar, 1);
            }
            ctx.call_host(
                b,
                match name {
                    "block-height" => "block-height",
                    "burn-block-height" => "burn-block-height",
                    _ => "chain-id",
                },
            );
            b.i64_const(0);
            TypeSignature::UIntType
        }
        "stx-liquid-supply" => {
            ctx.cost(ClarityCostFunction::FetchVar, 1);
            ctx.call_host(b, "stx-liquid-supply");
            TypeSignature::UIntType
        }
        "tx-sponsor?" => {
            ctx.call_host(b, "tx-sponsor");
            TypeSignature::OptionalType(Box::new(TypeSignature::PrincipalType))
        }
        "is-in-mainnet" | "is-in-regtest" => {
            let f = ctx.import(if name == "is-in-mainnet" {
                "is-in-mainnet"
            } else {
                "is-in-regtest"
            });
            b.call(f);
            TypeSignature::BoolType
        }
        _ => return Err(unsupported(e, name)),
    };
    ctx.coerce(b, &natural, want)
}

/// `(at-block id expr)`: `expr` evaluated read-only against the state of block `id`. The
/// host checks the id, accounts the form's memory, opens a read-only transaction and
/// moves reads to that block; its end (also on an early return) undoes all three.
pub fn emit_at_block(
    ctx: &mut Ctx,
    b: &mut Builder,
    args: &[SymbolicExpression],
    e: &SymbolicExpression,
    want: &TypeSignature,
) -> CResult<()> {
    let [id, body] = args else {
        return Err(span_error(e, "at-block takes a block id and an expression"));
    };
    ctx.cost(ClarityCostFunction::AtBlock, 0);
    let ty = ctx.type_of(id);
    ctx.emit(b, id, &ty)?;
    ctx.call_host(b, "at-block-begin");
    ctx.closers.push("at-block-end");
    let r = ctx.emit(b, body, want);
    ctx.closers.pop();
    r?;
    ctx.call_host(b, "at-block-end");
    Ok(())
}
