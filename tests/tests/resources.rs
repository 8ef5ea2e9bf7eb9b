//! Resources: a contract's compiled module and pooled instances are freed with the last
//! chain that holds it (long generated runs load tens of thousands of modules).

use std::sync::Arc;

use clarinet_wasm_runtime::chain::Chain;
use clarinet_wasm_runtime::wasm;
use clarity::vm::types::{PrincipalData, QualifiedContractIdentifier};
use clarity::vm::ClarityVersion;

#[test]
fn a_called_contract_is_freed_with_its_chain() {
    let mut chain = Chain::devnet();
    let id = QualifiedContractIdentifier::new(chain.deployer(), "freed".into());
    let src =
        "(define-data-var n uint u0) (define-public (bump) (ok (var-set n (+ (var-get n) u1))))";
    wasm::deploy(&mut chain, &id, src, ClarityVersion::Clarity2).unwrap();
    let sender = PrincipalData::Standard(chain.deployer());
    for _ in 0..3 {
        let out = wasm::call(&mut chain, &id, "bump", &[], &sender, false).unwrap();
        assert_eq!(out.result.unwrap().unwrap().to_string(), "(ok true)");
    }
    let weak = Arc::downgrade(chain.wasm_contracts.get(&id).unwrap());
    drop(chain);
    assert!(
        weak.upgrade().is_none(),
        "the contract outlived its chain (a reference cycle through the instance pool)"
    );
}
