//! What one step (deploy, call, snippet) produced on one runtime, in a form both runtimes
//! fill the same way so that the dual-run driver can compare them field by field.

use std::collections::BTreeMap;

use clarity::vm::costs::ExecutionCost;
use clarity::vm::errors::Error as ClarityError;
use clarity::vm::events::StacksTransactionEvent;
use clarity::vm::Value;

use crate::store::StateKey;

/// A runtime error as the interpreter reports it: its kind (enum variant and payload,
/// without stack trace), comparable across runtimes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorDesc {
    pub kind: String,
}

impl ErrorDesc {
    pub fn from_clarity(e: &ClarityError) -> Self {
        let kind = match e {
            ClarityError::Runtime(t, _) => format!("Runtime({t:?})"),
            ClarityError::Unchecked(c) => format!("Unchecked({c:?})"),
            ClarityError::ShortReturn(s) => format!("ShortReturn({s:?})"),
            ClarityError::Interpreter(i) => format!("Interpreter({i:?})"),
        };
        ErrorDesc { kind }
    }

    pub fn new(kind: impl Into<String>) -> Self {
        ErrorDesc { kind: kind.into() }
    }
}

impl std::fmt::Display for ErrorDesc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.kind)
    }
}

#[derive(Clone, Debug)]
pub struct Outcome {
    /// `Ok(None)` for a deployment, `Ok(Some(v))` for a call or snippet.
    pub result: Result<Option<Value>, ErrorDesc>,
    /// Events in emission order, rendered by [`describe_event`].
    pub events: Vec<String>,
    /// Every key written by the step, with its final value (hex as stored).
    pub writes: BTreeMap<StateKey, String>,
    /// The five-dimension cost, when the runtime meters.
    pub cost: Option<ExecutionCost>,
}

impl Outcome {
    pub fn error(kind: impl Into<String>) -> Self {
        Outcome {
            result: Err(ErrorDesc::new(kind)),
            events: vec![],
            writes: BTreeMap::new(),
            cost: None,
        }
    }
}

/// A principal as clarity-vm displays it; the c32 encoding (a double SHA-256 checksum)
/// is remembered, as the same few principals appear in event after event.
fn principal_text(p: &clarity::vm::types::PrincipalData) -> String {
    use clarity::vm::types::{PrincipalData, StandardPrincipalData};
    use std::collections::HashMap;
    thread_local! {
        static C32: std::cell::RefCell<HashMap<StandardPrincipalData, String>> =
            Default::default();
    }
    let issuer = |s: &StandardPrincipalData| {
        C32.with(|m| {
            let mut m = m.borrow_mut();
            if m.len() > 4096 {
                m.clear();
            }
            m.entry(s.clone()).or_insert_with(|| s.to_string()).clone()
        })
    };
    match p {
        PrincipalData::Standard(s) => issuer(s),
        PrincipalData::Contract(c) => format!("{}.{}", issuer(&c.issuer), c.name),
    }
}

fn asset_text(a: &clarity::vm::types::AssetIdentifier) -> String {
    format!(
        "{}::{}",
        principal_text(&a.contract_identifier.clone().into()),
        a.asset_name
    )
}

/// One line per event; the same rendering on both runtimes.
pub fn describe_event(e: &StacksTransactionEvent) -> String {
    use clarity::vm::events::*;
    let p = principal_text;
    match e {
        StacksTransactionEvent::SmartContractEvent(d) => {
            format!("print {}: {}", p(&d.key.0.clone().into()), d.value)
        }
        StacksTransactionEvent::STXEvent(STXEventType::STXTransferEvent(d)) => {
            format!(
                "stx-transfer {} {} -> {}",
                d.amount,
                p(&d.sender),
                p(&d.recipient)
            )
        }
        StacksTransactionEvent::STXEvent(STXEventType::STXMintEvent(d)) => {
            format!("stx-mint {} -> {}", d.amount, p(&d.recipient))
        }
        StacksTransactionEvent::STXEvent(STXEventType::STXBurnEvent(d)) => {
            format!("stx-burn {} from {}", d.amount, p(&d.sender))
        }
        StacksTransactionEvent::STXEvent(STXEventType::STXLockEvent(d)) => {
            format!(
                "stx-lock {} by {} until {}",
                d.locked_amount,
                p(&d.locked_address),
                d.unlock_height
            )
        }
        StacksTransactionEvent::FTEvent(FTEventType::FTTransferEvent(d)) => format!(
            "ft-transfer {} {} {} -> {}",
            asset_text(&d.asset_identifier),
            d.amount,
            p(&d.sender),
            p(&d.recipient)
        ),
        StacksTransactionEvent::FTEvent(FTEventType::FTMintEvent(d)) => {
            format!(
                "ft-mint {} {} -> {}",
                asset_text(&d.asset_identifier),
                d.amount,
                p(&d.recipient)
            )
        }
        StacksTransactionEvent::FTEvent(FTEventType::FTBurnEvent(d)) => {
            format!(
                "ft-burn {} {} from {}",
                asset_text(&d.asset_identifier),
                d.amount,
                p(&d.sender)
            )
        }
        StacksTransactionEvent::NFTEvent(NFTEventType::NFTTransferEvent(d)) => format!(
            "nft-transfer {} {} {} -> {}",
            asset_text(&d.asset_identifier),
            d.value,
            p(&d.sender),
            p(&d.recipient)
        ),
        StacksTransactionEvent::NFTEvent(NFTEventType::NFTMintEvent(d)) => {
            format!(
                "nft-mint {} {} -> {}",
                asset_text(&d.asset_identifier),
                d.value,
                p(&d.recipient)
            )
        }
        StacksTransactionEvent::NFTEvent(NFTEventType::NFTBurnEvent(d)) => {
            format!(
                "nft-burn {} {} from {}",
                asset_text(&d.asset_identifier),
                d.value,
                p(&d.sender)
            )
        }
    }
}
