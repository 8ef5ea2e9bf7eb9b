//! Assets: STX (`stx-transfer? stx-transfer-memo? stx-burn? stx-get-balance
//! stx-account`), fungible and non-fungible tokens (`ft-* nft-*`).
//!
//! Each word does what the interpreter's special form does once its arguments are
//! evaluated: the same checks in the same order, the same `(err uN)` codes and runtime
//! errors, the same database reads and writes (through `ClarityDatabase` and STX balance
//! snapshots), the same asset-map entries and events. The charge a form makes before its
//! arguments was made in Wasm; the charges and memory that depend on the arguments or on
//! what the database holds are made here, on the paths and at the points the interpreter
//! makes them. Memory accounted by these words is never given back in the transaction.

use clarity::types::StacksEpochId;
use clarity::vm::contexts::{ContractContext, Environment};
use clarity::vm::costs::cost_functions::ClarityCostFunction as C;
use clarity::vm::database::STXBalance;
use clarity::vm::errors::{CheckErrors, Error as ClarityError, RuntimeErrorType};
use clarity::vm::types::{
    AssetIdentifier, BuffData, PrincipalData, SequenceData, TupleData, TypeSignature,
};
use clarity::vm::{ClarityName, Value};

use super::natives::Arg;
use crate::wasm::meter::TxMeter;

type R = Result<Value, ClarityError>;
type Word = fn(&[Arg], &mut Environment, &mut TxMeter) -> R;

pub fn native(
    word: &str,
    args: &[Arg],
    e: &mut Environment,
    m: &mut TxMeter,
) -> Option<Result<Value, ClarityError>> {
    let (arity, f): (usize, Word) = match word {
        "stx-transfer?" => (3, stx_transfer),
        "stx-transfer-memo?" => (4, stx_transfer_memo),
        "stx-burn?" => (2, stx_burn),
        "stx-get-balance" => (1, stx_get_balance),
        "stx-account" => (1, stx_account),
        "ft-mint?" => (3, ft_mint),
        "ft-transfer?" => (4, ft_transfer),
        "ft-burn?" => (3, ft_burn),
        "ft-get-balance" => (2, ft_get_balance),
        "ft-get-supply" => (1, ft_get_supply),
        "nft-mint?" => (3, nft_mint),
        "nft-transfer?" => (4, nft_transfer),
        "nft-burn?" => (3, nft_burn),
        "nft-get-owner?" => (2, nft_get_owner),
        _ => return None,
    };
    if args.len() != arity {
        return Some(Err(
            CheckErrors::IncorrectArgumentCount(arity, args.len()).into()
        ));
    }
    Some(f(args, e, m))
}

// ---- Result codes ------------------------------------------------------------------------

/// `(err uN)`, a word's refusal (not a runtime error: the transaction goes on).
fn refuse(code: u128) -> R {
    Ok(Value::err_uint(code))
}

/// STX transfers and burns.
mod stx_code {
    pub const NOT_ENOUGH_BALANCE: u128 = 1;
    pub const SENDER_IS_RECIPIENT: u128 = 2;
    pub const NON_POSITIVE_AMOUNT: u128 = 3;
    pub const SENDER_IS_NOT_TX_SENDER: u128 = 4;
}

/// Fungible tokens: `ft-mint?` and `ft-burn?` have a single code, 1, for every refusal.
mod ft_code {
    pub const MINT_NON_POSITIVE: u128 = 1;
    pub const BURN_REFUSED: u128 = 1;
    pub const TRANSFER_NOT_ENOUGH_BALANCE: u128 = 1;
    pub const TRANSFER_SENDER_IS_RECIPIENT: u128 = 2;
    pub const TRANSFER_NON_POSITIVE: u128 = 3;
}

/// Non-fungible tokens.
mod nft_code {
    pub const MINT_ALREADY_EXISTS: u128 = 1;
    pub const NOT_OWNED_BY: u128 = 1;
    pub const SENDER_IS_RECIPIENT: u128 = 2;
    pub const DOES_NOT_EXIST: u128 = 3;
}

// ---- Sizes the interpreter accounts ------------------------------------------------------

fn principal_size() -> u64 {
    TypeSignature::PrincipalType.size() as u64
}

fn uint_size() -> u64 {
    TypeSignature::UIntType.size() as u64
}

/// The stored form of a balance (unlocked amount, v1 lock).
const BALANCE_SIZE: u64 = STXBalance::unlocked_and_v1_size as u64;

// ---- Helpers -----------------------------------------------------------------------------

fn type_error(expected: TypeSignature, got: &Value) -> ClarityError {
    CheckErrors::TypeValueError(expected, got.clone()).into()
}

fn token_name(arg: &Arg) -> Result<ClarityName, ClarityError> {
    let name = arg.name().map_err(|_| CheckErrors::BadTokenName)?;
    ClarityName::try_from(name.to_string()).map_err(|_| CheckErrors::BadTokenName.into())
}

/// The identifier events and the asset map use for a token of this contract.
fn asset_id(contract: &ContractContext, name: &ClarityName) -> AssetIdentifier {
    AssetIdentifier {
        contract_identifier: contract.contract_identifier.clone(),
        asset_name: name.clone(),
    }
}

// ---- STX ---------------------------------------------------------------------------------

fn stx_transfer(args: &[Arg], e: &mut Environment, m: &mut TxMeter) -> R {
    let (amount, from, to) = (args[0].value()?, args[1].value()?, args[2].value()?);
    match (amount, from, to) {
        (Value::UInt(amount), Value::Principal(from), Value::Principal(to)) => {
            move_stx(e, m, from, to, *amount, &BuffData::empty())
        }
        _ => Err(CheckErrors::BadTransferSTXArguments.into()),
    }
}

fn stx_transfer_memo(args: &[Arg], e: &mut Environment, m: &mut TxMeter) -> R {
    let (amount, from, to, memo) = (
        args[0].value()?,
        args[1].value()?,
        args[2].value()?,
        args[3].value()?,
    );
    match (amount, from, to, memo) {
        (
            Value::UInt(amount),
            Value::Principal(from),
            Value::Principal(to),
            Value::Sequence(SequenceData::Buffer(memo)),
        ) => move_stx(e, m, from, to, *amount, memo),
        _ => Err(CheckErrors::BadTransferSTXArguments.into()),
    }
}

/// A transfer of `amount` micro-STX from `from` (who must be tx-sender) to `to`. The
/// sender's balance is read through a snapshot, which also consolidates tokens whose
/// lock has expired when it is debited.
fn move_stx(
    e: &mut Environment,
    m: &mut TxMeter,
    from: &PrincipalData,
    to: &PrincipalData,
    amount: u128,
    memo: &BuffData,
) -> R {
    if amount == 0 {
        return refuse(stx_code::NON_POSITIVE_AMOUNT);
    }
    if from == to {
        return refuse(stx_code::SENDER_IS_RECIPIENT);
    }
    if e.sender.as_ref() != Some(from) {
        return refuse(stx_code::SENDER_IS_NOT_TX_SENDER);
    }
    // Both principals and both balances are accounted before the balance is looked at,
    // so a transfer refused for want of funds has accounted them too.
    m.leak_memory(principal_size())?;
    m.leak_memory(principal_size())?;
    m.leak_memory(BALANCE_SIZE)?;
    m.leak_memory(BALANCE_SIZE)?;
    {
        let mut sender = e.global_context.database.get_stx_balance_snapshot(from);
        if !sender.can_transfer(amount) {
            return refuse(stx_code::NOT_ENOUGH_BALANCE);
        }
        sender.transfer_to(to, amount)?;
    }
    e.global_context.log_stx_transfer(from, amount)?;
    e.register_stx_transfer_event(from.clone(), to.clone(), amount, memo.clone())?;
    Ok(Value::okay_true())
}

fn stx_burn(args: &[Arg], e: &mut Environment, m: &mut TxMeter) -> R {
    let (amount, from) = (args[0].value()?, args[1].value()?);
    let (Value::Principal(from), Value::UInt(amount)) = (from, amount) else {
        return Err(CheckErrors::BadTransferSTXArguments.into());
    };
    let amount = *amount;
    if amount == 0 {
        return refuse(stx_code::NON_POSITIVE_AMOUNT);
    }
    if e.sender.as_ref() != Some(from) {
        return refuse(stx_code::SENDER_IS_NOT_TX_SENDER);
    }
    m.leak_memory(principal_size())?;
    m.leak_memory(BALANCE_SIZE)?;
    {
        let mut burner = e.global_context.database.get_stx_balance_snapshot(from);
        if !burner.can_transfer(amount) {
            return refuse(stx_code::NOT_ENOUGH_BALANCE);
        }
        burner.debit(amount);
        burner.save();
    }
    e.global_context
        .database
        .decrement_ustx_liquid_supply(amount)?;
    e.global_context.log_stx_burn(from, amount)?;
    e.register_stx_burn_event(from.clone(), amount)?;
    Ok(Value::okay_true())
}

fn stx_get_balance(args: &[Arg], e: &mut Environment, _m: &mut TxMeter) -> R {
    let owner = args[0].value()?;
    let Value::Principal(owner) = owner else {
        return Err(type_error(TypeSignature::PrincipalType, owner));
    };
    let available = e
        .global_context
        .database
        .get_stx_balance_snapshot(owner)
        .get_available_balance();
    Ok(Value::UInt(available))
}

fn stx_account(args: &[Arg], e: &mut Environment, _m: &mut TxMeter) -> R {
    let owner = args[0].value()?;
    let Value::Principal(owner) = owner else {
        return Err(type_error(TypeSignature::PrincipalType, owner));
    };
    let db = &mut e.global_context.database;
    // The balance as it stands at the current burn height (an expired lock counts as
    // unlocked), and the heights at which PoX versions released their locks.
    let balance = db.get_stx_balance_snapshot(owner).canonical_balance_repr();
    let v1 = db.get_v1_unlock_height();
    let v2 = db.get_v2_unlock_height();
    let fields: Vec<(ClarityName, Value)> = vec![
        ("unlocked".into(), Value::UInt(balance.amount_unlocked())),
        ("locked".into(), Value::UInt(balance.amount_locked())),
        (
            "unlock-height".into(),
            Value::UInt(u128::from(balance.effective_unlock_height(v1, v2))),
        ),
    ];
    TupleData::from_data(fields).map(Value::Tuple)
}

// ---- Fungible tokens ---------------------------------------------------------------------

fn ft_mint(args: &[Arg], e: &mut Environment, m: &mut TxMeter) -> R {
    let name = token_name(&args[0])?;
    let (amount, to) = (args[1].value()?, args[2].value()?);
    let (Value::UInt(amount), Value::Principal(to)) = (amount, to) else {
        return Err(CheckErrors::BadMintFTArguments.into());
    };
    let amount = *amount;
    if amount == 0 {
        return refuse(ft_code::MINT_NON_POSITIVE);
    }
    let contract: &ContractContext = e.contract_context;
    let Some(info) = contract.meta_ft.get(&name) else {
        return Err(CheckErrors::NoSuchFT(name.to_string()).into());
    };
    let id = &contract.contract_identifier;
    let db = &mut e.global_context.database;
    // The supply first: over the token's maximum (or u128), the mint is a runtime error.
    db.checked_increase_token_supply(id, &name, amount, info)?;
    let before = db.get_ft_balance(id, &name, to, Some(info))?;
    // No balance exceeds the supply, which was just checked: this cannot overflow.
    let after = before
        .checked_add(amount)
        .ok_or(RuntimeErrorType::ArithmeticOverflow)?;
    m.leak_memory(principal_size())?;
    m.leak_memory(uint_size())?;
    e.global_context
        .database
        .set_ft_balance(id, &name, to, after)?;
    e.register_ft_mint_event(to.clone(), amount, asset_id(contract, &name))?;
    Ok(Value::okay_true())
}

fn ft_transfer(args: &[Arg], e: &mut Environment, m: &mut TxMeter) -> R {
    let name = token_name(&args[0])?;
    let (amount, from, to) = (args[1].value()?, args[2].value()?, args[3].value()?);
    let (Value::UInt(amount), Value::Principal(from), Value::Principal(to)) = (amount, from, to)
    else {
        return Err(CheckErrors::BadTransferFTArguments.into());
    };
    let amount = *amount;
    if amount == 0 {
        return refuse(ft_code::TRANSFER_NON_POSITIVE);
    }
    if from == to {
        return refuse(ft_code::TRANSFER_SENDER_IS_RECIPIENT);
    }
    let contract: &ContractContext = e.contract_context;
    let Some(info) = contract.meta_ft.get(&name) else {
        return Err(CheckErrors::NoSuchFT(name.to_string()).into());
    };
    let id = &contract.contract_identifier;
    let db = &mut e.global_context.database;
    let from_balance = db.get_ft_balance(id, &name, from, Some(info))?;
    if from_balance < amount {
        return refuse(ft_code::TRANSFER_NOT_ENOUGH_BALANCE);
    }
    let to_balance = db.get_ft_balance(id, &name, to, Some(info))?;
    let to_after = to_balance
        .checked_add(amount)
        .ok_or(RuntimeErrorType::ArithmeticOverflow)?;
    m.leak_memory(principal_size())?;
    m.leak_memory(principal_size())?;
    m.leak_memory(uint_size())?;
    m.leak_memory(uint_size())?;
    let db = &mut e.global_context.database;
    db.set_ft_balance(id, &name, from, from_balance - amount)?;
    db.set_ft_balance(id, &name, to, to_after)?;
    e.global_context
        .log_token_transfer(from, id, &name, amount)?;
    e.register_ft_transfer_event(from.clone(), to.clone(), amount, asset_id(contract, &name))?;
    Ok(Value::okay_true())
}

fn ft_burn(args: &[Arg], e: &mut Environment, m: &mut TxMeter) -> R {
    let name = token_name(&args[0])?;
    let (amount, from) = (args[1].value()?, args[2].value()?);
    let (Value::UInt(amount), Value::Principal(burner)) = (amount, from) else {
        return Err(CheckErrors::BadBurnFTArguments.into());
    };
    let amount = *amount;
    if amount == 0 {
        return refuse(ft_code::BURN_REFUSED);
    }
    let contract: &ContractContext = e.contract_context;
    let id = &contract.contract_identifier;
    let db = &mut e.global_context.database;
    // Unlike the other token words, the token's description is loaded from the database
    // (not the contract's context) to read the balance.
    let balance = db.get_ft_balance(id, &name, burner, None)?;
    if amount > balance {
        return refuse(ft_code::BURN_REFUSED);
    }
    db.checked_decrease_token_supply(id, &name, amount)?;
    db.set_ft_balance(id, &name, burner, balance - amount)?;
    e.register_ft_burn_event(burner.clone(), amount, asset_id(contract, &name))?;
    // Here the memory is accounted after the write and the event.
    m.leak_memory(principal_size())?;
    m.leak_memory(uint_size())?;
    e.global_context
        .log_token_transfer(burner, id, &name, amount)?;
    Ok(Value::okay_true())
}

fn ft_get_balance(args: &[Arg], e: &mut Environment, _m: &mut TxMeter) -> R {
    let name = token_name(&args[0])?;
    let owner = args[1].value()?;
    let Value::Principal(owner) = owner else {
        return Err(type_error(TypeSignature::PrincipalType, owner));
    };
    let contract: &ContractContext = e.contract_context;
    let Some(info) = contract.meta_ft.get(&name) else {
        return Err(CheckErrors::NoSuchFT(name.to_string()).into());
    };
    let balance = e.global_context.database.get_ft_balance(
        &contract.contract_identifier,
        &name,
        owner,
        Some(info),
    )?;
    Ok(Value::UInt(balance))
}

fn ft_get_supply(args: &[Arg], e: &mut Environment, _m: &mut TxMeter) -> R {
    let name = token_name(&args[0])?;
    let id = &e.contract_context.contract_identifier;
    let supply = e.global_context.database.get_ft_supply(id, &name)?;
    Ok(Value::UInt(supply))
}

// ---- Non-fungible tokens -----------------------------------------------------------------

/// What every NFT word does once its arguments are evaluated: find the token's key type
/// (`NoSuchNFT` if the contract defines no such token), charge `f` for the asset's size,
/// and check the asset against the key type. Before epoch 2.05 the size charged (and
/// later accounted as memory) is the key type's declared size; since, the asset's
/// serialized size.
fn nft_prelude<'c>(
    e: &Environment<'c, '_, '_>,
    m: &mut TxMeter,
    name: &ClarityName,
    asset: &Value,
    f: C,
) -> Result<(&'c TypeSignature, u64), ClarityError> {
    let contract: &'c ContractContext = e.contract_context;
    let Some(meta) = contract.meta_nft.get(name) else {
        return Err(CheckErrors::NoSuchNFT(name.to_string()).into());
    };
    let key_type = &meta.key_type;
    let size = if *e.epoch() >= StacksEpochId::Epoch2_05 {
        asset.serialized_size() as u64
    } else {
        key_type.size() as u64
    };
    m.charge(f, size)?;
    if !key_type.admits(e.epoch(), asset)? {
        return Err(type_error(key_type.clone(), asset));
    }
    Ok((key_type, size))
}

/// The token's owner, `None` when the token does not exist.
fn nft_owner(
    e: &mut Environment,
    name: &ClarityName,
    asset: &Value,
    key_type: &TypeSignature,
) -> Result<Option<PrincipalData>, ClarityError> {
    let id = &e.contract_context.contract_identifier;
    match e
        .global_context
        .database
        .get_nft_owner(id, name, asset, key_type)
    {
        Ok(owner) => Ok(Some(owner)),
        Err(ClarityError::Runtime(RuntimeErrorType::NoSuchToken, _)) => Ok(None),
        Err(err) => Err(err),
    }
}

/// Transfers and burns: the refusal code when the token is missing or not `from`'s.
fn not_owned(
    e: &mut Environment,
    name: &ClarityName,
    asset: &Value,
    key_type: &TypeSignature,
    from: &PrincipalData,
) -> Result<Option<u128>, ClarityError> {
    Ok(match nft_owner(e, name, asset, key_type)? {
        None => Some(nft_code::DOES_NOT_EXIST),
        Some(owner) if &owner != from => Some(nft_code::NOT_OWNED_BY),
        Some(_) => None,
    })
}

fn nft_mint(args: &[Arg], e: &mut Environment, m: &mut TxMeter) -> R {
    let name = token_name(&args[0])?;
    let (asset, to) = (args[1].value()?, args[2].value()?);
    let (key_type, size) = nft_prelude(e, m, &name, asset, C::NftMint)?;
    let Value::Principal(to) = to else {
        return Err(type_error(TypeSignature::PrincipalType, to));
    };
    if nft_owner(e, &name, asset, key_type)?.is_some() {
        return refuse(nft_code::MINT_ALREADY_EXISTS);
    }
    let contract: &ContractContext = e.contract_context;
    let id = &contract.contract_identifier;
    m.leak_memory(principal_size())?;
    m.leak_memory(size)?;
    e.global_context
        .database
        .set_nft_owner(id, &name, asset, to, key_type)?;
    e.register_nft_mint_event(to.clone(), asset.clone(), asset_id(contract, &name))?;
    Ok(Value::okay_true())
}

fn nft_transfer(args: &[Arg], e: &mut Environment, m: &mut TxMeter) -> R {
    let name = token_name(&args[0])?;
    let (asset, from, to) = (args[1].value()?, args[2].value()?, args[3].value()?);
    let (key_type, size) = nft_prelude(e, m, &name, asset, C::NftTransfer)?;
    let (Value::Principal(from), Value::Principal(to)) = (from, to) else {
        return Err(CheckErrors::BadTransferNFTArguments.into());
    };
    if from == to {
        return refuse(nft_code::SENDER_IS_RECIPIENT);
    }
    if let Some(code) = not_owned(e, &name, asset, key_type, from)? {
        return refuse(code);
    }
    let contract: &ContractContext = e.contract_context;
    let id = &contract.contract_identifier;
    m.leak_memory(principal_size())?;
    m.leak_memory(size)?;
    e.global_context
        .database
        .set_nft_owner(id, &name, asset, to, key_type)?;
    e.global_context
        .log_asset_transfer(from, id, &name, asset.clone());
    e.register_nft_transfer_event(
        from.clone(),
        to.clone(),
        asset.clone(),
        asset_id(contract, &name),
    )?;
    Ok(Value::okay_true())
}

fn nft_burn(args: &[Arg], e: &mut Environment, m: &mut TxMeter) -> R {
    let name = token_name(&args[0])?;
    let (asset, from) = (args[1].value()?, args[2].value()?);
    let (key_type, size) = nft_prelude(e, m, &name, asset, C::NftBurn)?;
    let Value::Principal(from) = from else {
        return Err(type_error(TypeSignature::PrincipalType, from));
    };
    if let Some(code) = not_owned(e, &name, asset, key_type, from)? {
        return refuse(code);
    }
    let contract: &ContractContext = e.contract_context;
    let id = &contract.contract_identifier;
    m.leak_memory(principal_size())?;
    m.leak_memory(size)?;
    e.global_context
        .database
        .burn_nft(id, &name, asset, key_type)?;
    e.global_context
        .log_asset_transfer(from, id, &name, asset.clone());
    e.register_nft_burn_event(from.clone(), asset.clone(), asset_id(contract, &name))?;
    Ok(Value::okay_true())
}

fn nft_get_owner(args: &[Arg], e: &mut Environment, m: &mut TxMeter) -> R {
    let name = token_name(&args[0])?;
    let asset = args[1].value()?;
    let (key_type, _) = nft_prelude(e, m, &name, asset, C::NftOwner)?;
    match nft_owner(e, &name, asset, key_type)? {
        Some(owner) => Value::some(Value::Principal(owner)),
        None => Ok(Value::none()),
    }
}
