//! Block information: `get-block-info? get-burn-block-info?` (charged in Wasm before the
//! height is evaluated), read from the chain's database.

use clarity::vm::contexts::Environment;
use clarity::vm::errors::{CheckErrors, Error as ClarityError};
use clarity::vm::types::{BlockInfoProperty, BurnBlockInfoProperty, TupleData, TypeSignature};
use clarity::vm::Value;

use super::natives::{buff, Arg};
use crate::wasm::meter::TxMeter;

pub fn native(
    word: &str,
    args: &[Arg],
    e: &mut Environment,
    _m: &mut TxMeter,
) -> Option<Result<Value, ClarityError>> {
    let r = match word {
        "get-block-info?" => block_info(args, e),
        "get-burn-block-info?" => burn_block_info(args, e),
        _ => return None,
    };
    Some(r)
}

/// The height argument: `None` past `u32::MAX` (the word then gives `none`).
fn height(args: &[Arg]) -> Result<Option<u32>, ClarityError> {
    match args.get(1).map(|a| a.value()).transpose()? {
        Some(Value::UInt(h)) => Ok(u32::try_from(*h).ok()),
        Some(v) => Err(CheckErrors::TypeValueError(TypeSignature::UIntType, v.clone()).into()),
        None => Err(CheckErrors::IncorrectArgumentCount(2, args.len()).into()),
    }
}

fn block_info(args: &[Arg], e: &mut Environment) -> Result<Value, ClarityError> {
    let name = args
        .first()
        .ok_or(CheckErrors::IncorrectArgumentCount(2, 0))?
        .name()?;
    let version = *e.contract_context.get_clarity_version();
    let property = BlockInfoProperty::lookup_by_name_at_version(name, &version)
        .ok_or(CheckErrors::GetBlockInfoExpectPropertyName)?;
    let Some(h) = height(args)? else {
        return Ok(Value::none());
    };
    let db = &mut e.global_context.database;
    if h >= db.get_current_block_height() {
        return Ok(Value::none());
    }
    use BlockInfoProperty as P;
    let v = match property {
        P::Time => Value::UInt(db.get_block_time(h) as u128),
        P::VrfSeed => buff(db.get_block_vrf_seed(h).as_bytes().to_vec()),
        P::HeaderHash => buff(db.get_block_header_hash(h).as_bytes().to_vec()),
        P::BurnchainHeaderHash => buff(db.get_burnchain_block_header_hash(h).as_bytes().to_vec()),
        P::IdentityHeaderHash => buff(db.get_index_block_header_hash(h).as_bytes().to_vec()),
        P::MinerAddress => Value::from(db.get_miner_address(h)),
        P::MinerSpendWinner => Value::UInt(db.get_miner_spend_winner(h)),
        P::MinerSpendTotal => Value::UInt(db.get_miner_spend_total(h)),
        // Already optional.
        P::BlockReward => {
            return match db.get_block_reward(h) {
                Some(x) => Value::some(Value::UInt(x)),
                None => Ok(Value::none()),
            }
        }
    };
    Value::some(v)
}

fn burn_block_info(args: &[Arg], e: &mut Environment) -> Result<Value, ClarityError> {
    let name = args
        .first()
        .ok_or(CheckErrors::IncorrectArgumentCount(2, 0))?
        .name()?;
    let property = BurnBlockInfoProperty::lookup_by_name(name)
        .ok_or_else(|| CheckErrors::NoSuchBurnBlockInfoProperty(name.to_string()))?;
    let Some(h) = height(args)? else {
        return Ok(Value::none());
    };
    let db = &mut e.global_context.database;
    match property {
        BurnBlockInfoProperty::HeaderHash => {
            match db.get_burnchain_block_header_hash_for_burnchain_height(h) {
                Some(hash) => Value::some(buff(hash.as_bytes().to_vec())),
                None => Ok(Value::none()),
            }
        }
        BurnBlockInfoProperty::PoxAddrs => match db.get_pox_payout_addrs_for_burnchain_height(h) {
            Some((addrs, payout)) => {
                let addrs = Value::list_from(addrs.into_iter().map(Value::Tuple).collect())?;
                let t = TupleData::from_data(vec![
                    ("addrs".into(), addrs),
                    ("payout".into(), Value::UInt(payout)),
                ])?;
                Value::some(Value::Tuple(t))
            }
            None => Ok(Value::none()),
        },
    }
}
