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

/// One line per event; the same rendering on both runtimes.
pub fn describe_event(e: &StacksTransactionEvent) -> String {
    use clarity::vm::events::*;
    match e {
        StacksTransactionEvent::SmartContractEvent(d) => {
            format!("print {}: {}", d.key.0, d.value)
        }
        StacksTransactionEvent::STXEvent(STXEventType::STXTransferEvent(d)) => {
            format!("stx-transfer {} {} -> {}", d.amount, d.sender, d.recipient)
        }
        StacksTransactionEvent::STXEvent(STXEventType::STXMintEvent(d)) => {
            format!("stx-mint {} -> {}", d.amount, d.recipient)
        }
        StacksTransactionEvent::STXEvent(STXEventType::STXBurnEvent(d)) => {
            format!("stx-burn {} from {}", d.amount, d.sender)
        }
        StacksTransactionEvent::STXEvent(STXEventType::STXLockEvent(d)) => {
            format!(
                "stx-lock {} by {} until {}",
                d.locked_amount, d.locked_address, d.unlock_height
            )
        }
        StacksTransactionEvent::FTEvent(FTEventType::FTTransferEvent(d)) => format!(
            "ft-transfer {} {} {} -> {}",
            d.asset_identifier, d.amount, d.sender, d.recipient
        ),
        StacksTransactionEvent::FTEvent(FTEventType::FTMintEvent(d)) => {
            format!(
                "ft-mint {} {} -> {}",
                d.asset_identifier, d.amount, d.recipient
            )
        }
        StacksTransactionEvent::FTEvent(FTEventType::FTBurnEvent(d)) => {
            format!(
                "ft-burn {} {} from {}",
                d.asset_identifier, d.amount, d.sender
            )
        }
        StacksTransactionEvent::NFTEvent(NFTEventType::NFTTransferEvent(d)) => format!(
            "nft-transfer {} {} {} -> {}",
            d.asset_identifier, d.value, d.sender, d.recipient
        ),
        StacksTransactionEvent::NFTEvent(NFTEventType::NFTMintEvent(d)) => {
            format!(
                "nft-mint {} {} -> {}",
                d.asset_identifier, d.value, d.recipient
            )
        }
        StacksTransactionEvent::NFTEvent(NFTEventType::NFTBurnEvent(d)) => {
            format!(
                "nft-burn {} {} from {}",
                d.asset_identifier, d.value, d.sender
            )
        }
    }
}
