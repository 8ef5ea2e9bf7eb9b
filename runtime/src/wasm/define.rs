//! `define-public`, `define-read-only`, `define-private`, `define-map`,
//! `define-non-fungible-token`, `define-trait`, `use-trait`, `impl-trait`.
//!
//! What a definition with nothing to evaluate adds to a contract being deployed: its
//! names and types, read from the expression (the compiler said which kind it is), with
//! the type parsing charged on the meter exactly as the interpreter's parsers charge it
//! (clarity-vm's type parsers are generic over the tracker).

use std::collections::BTreeMap;

use clarinet_wasm_compiler::DefineKind;
use clarity::types::StacksEpochId;
use clarity::vm::callables::{DefineType, DefinedFunction};
use clarity::vm::contexts::ContractContext;
use clarity::vm::errors::{CheckErrors, Error as ClarityError};
use clarity::vm::types::signatures::{parse_name_type_pairs, FunctionSignature};
use clarity::vm::types::{TraitIdentifier, TypeSignature};
use clarity::vm::{ClarityName, SymbolicExpression};

use super::meter::TxMeter;

type Result<T> = std::result::Result<T, ClarityError>;

pub enum Definition {
    Function(ClarityName, DefinedFunction),
    Map(ClarityName, TypeSignature, TypeSignature),
    NonFungibleToken(ClarityName, TypeSignature),
    Trait(ClarityName, BTreeMap<ClarityName, FunctionSignature>),
    ImplTrait(TraitIdentifier),
    /// `use-trait` only names a trait for the type checker.
    Nothing,
}

/// A name a definition introduces must not be taken (`check_legal_define`).
pub fn check_name(name: &str, contract: &ContractContext) -> Result<()> {
    if contract.is_name_used(name) {
        return Err(CheckErrors::NameAlreadyUsed(name.to_string()).into());
    }
    Ok(())
}

pub fn read(
    kind: DefineKind,
    exp: &SymbolicExpression,
    contract: &ContractContext,
    epoch: StacksEpochId,
    meter: &mut TxMeter,
) -> Result<Definition> {
    let parts = exp
        .match_list()
        .ok_or(CheckErrors::DefineFunctionBadSignature)?;
    let part = |i: usize| parts.get(i).ok_or(CheckErrors::DefineFunctionBadSignature);
    let name = |i: usize| -> Result<ClarityName> {
        let n = part(i)?.match_atom().ok_or(CheckErrors::ExpectedName)?;
        check_name(n, contract)?;
        Ok(n.clone())
    };
    let m = &mut meter.meter;
    Ok(match kind {
        DefineKind::Function => {
            let define_type = match parts[0].match_atom().map(|a| a.as_str()) {
                Some("define-public") => DefineType::Public,
                Some("define-read-only") => DefineType::ReadOnly,
                _ => DefineType::Private,
            };
            let signature = part(1)?
                .match_list()
                .ok_or(CheckErrors::DefineFunctionBadSignature)?;
            let (head, arg_exprs) = signature
                .split_first()
                .ok_or(CheckErrors::DefineFunctionBadSignature)?;
            let fname = head.match_atom().ok_or(CheckErrors::ExpectedName)?;
            check_name(fname, contract)?;
            let args = parse_name_type_pairs(epoch, arg_exprs, m)?;
            for (a, _) in &args {
                check_name(a, contract)?;
            }
            let f = DefinedFunction::new(
                args,
                part(2)?.clone(),
                define_type,
                fname,
                &contract.contract_identifier.to_string(),
            );
            Definition::Function(fname.clone(), f)
        }
        DefineKind::Map => {
            let n = name(1)?;
            let key = TypeSignature::parse_type_repr(epoch, part(2)?, m)?;
            let value = TypeSignature::parse_type_repr(epoch, part(3)?, m)?;
            Definition::Map(n, key, value)
        }
        DefineKind::NonFungibleToken => {
            let n = name(1)?;
            let key = TypeSignature::parse_type_repr(epoch, part(2)?, m)?;
            Definition::NonFungibleToken(n, key)
        }
        DefineKind::Trait => {
            let n = name(1)?;
            let version = *contract.get_clarity_version();
            let functions = TypeSignature::parse_trait_type_repr(&parts[2..], m, epoch, version)?;
            Definition::Trait(n, functions)
        }
        DefineKind::UseTrait => Definition::Nothing,
        DefineKind::ImplTrait => {
            let id = part(1)?
                .match_field()
                .ok_or(CheckErrors::ExpectedTraitIdentifier)?;
            Definition::ImplTrait(id.clone())
        }
    })
}
