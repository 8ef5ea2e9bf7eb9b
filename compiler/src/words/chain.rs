//! Reserved names: the transaction and chain context, and the constant keywords.

use clarity::vm::costs::cost_functions::ClarityCostFunction;
use clarity::vm::types::TypeSignature;
use clarity::vm::SymbolicExpression;

use crate::codegen::{push_zeros, unsupported, Builder, CResult, Ctx};

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
