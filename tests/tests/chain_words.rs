//! The chain's context: `at-block` (a read-only view of an earlier block, the errors for
//! a bad or unknown block id, early returns from inside it), `stx-liquid-supply`,
//! `tx-sponsor?` with and without a sponsor, and the other context keywords.

use clarinet_wasm_tests::*;

const VIEWER: &str = r#"
(define-data-var counter uint u0)
(define-public (bump) (begin (var-set counter (+ (var-get counter) u1)) (ok (var-get counter))))
(define-read-only (height-at (id (buff 32))) (at-block id block-height))
(define-read-only (counter-at (id (buff 32))) (at-block id (var-get counter)))
(define-read-only (nested (id (buff 32)))
  (at-block id (at-block id (+ block-height (var-get counter)))))
(define-read-only (early (id (buff 32)) (fail bool))
  (at-block id (begin (asserts! (not fail) (err u7)) (ok block-height))))
(define-read-only (id-of (h uint)) (unwrap-panic (get-block-info? id-header-hash h)))
(define-read-only (after-early (id (buff 32)))
  (begin (unwrap-err-panic (early id true)) block-height))
(define-read-only (supply) stx-liquid-supply)
(define-read-only (sponsor) tx-sponsor?)
(define-public (sponsor-pub) (ok tx-sponsor?))
"#;

#[test]
fn at_block_views_earlier_blocks() {
    let mut h = Harness::new();
    h.deploy("viewer", VIEWER);
    h.d.advance_blocks(3);
    h.ok("(contract-call? .viewer bump)", "(ok u1)");
    h.d.advance_blocks(2);
    let ok = [
        (
            "(contract-call? .viewer height-at (contract-call? .viewer id-of u1))",
            "u1",
        ),
        (
            "(contract-call? .viewer height-at (contract-call? .viewer id-of u0))",
            "u0",
        ),
        (
            "(contract-call? .viewer counter-at (contract-call? .viewer id-of u2))",
            "u1",
        ),
        (
            "(contract-call? .viewer nested (contract-call? .viewer id-of u3))",
            "u4",
        ),
        (
            "(contract-call? .viewer early (contract-call? .viewer id-of u2) false)",
            "(ok u2)",
        ),
        (
            "(contract-call? .viewer early (contract-call? .viewer id-of u2) true)",
            "(err u7)",
        ),
        // After leaving at-block early, reads are back on the current block.
        (
            "(contract-call? .viewer after-early (contract-call? .viewer id-of u1))",
            "u5",
        ),
        ("block-height", "u5"),
        (
            "(at-block (contract-call? .viewer id-of u2) block-height)",
            "u2",
        ),
    ];
    ok_all(&mut h, &ok);
    // A block id of no block, and one of the wrong length.
    h.err_containing(
        "(contract-call? .viewer height-at 0x0101010101010101010101010101010101010101010101010101010101010101)",
        "UnknownBlockHeaderHash",
    );
    h.err_containing("(contract-call? .viewer height-at 0x01)", "BadBlockHash");
    // Still on the current block after the errors.
    h.ok("block-height", "u5");
    h.finish();
}

#[test]
fn liquid_supply_and_sponsor() {
    let mut h = Harness::new();
    h.deploy("viewer", VIEWER);
    let r = h.eval("(contract-call? .viewer supply)");
    h.expect(r, Expect::Anything);
    h.ok("(> stx-liquid-supply u0)", "true");
    h.ok("(list is-in-mainnet is-in-regtest)", "(false false)");
    h.ok("(+ chain-id u0)", "u2147483648");
    h.ok("(get-burn-block-info? pox-addrs u0)", "none");
    h.ok(
        "(is-some (get-burn-block-info? header-hash (+ burn-block-height u1)))",
        "false",
    );
    h.ok("(list block-height burn-block-height)", "(u0 u0)");
    h.ok("(contract-call? .viewer sponsor)", "none");
    h.ok("tx-sponsor?", "none");
    let sponsor = h.principal("wallet_2");
    h.d.set_sponsor(Some(sponsor.clone()));
    h.ok(
        "(contract-call? .viewer sponsor)",
        &format!("(some {sponsor})"),
    );
    h.ok("tx-sponsor?", &format!("(some {sponsor})"));
    let viewer = h.contract_id("viewer");
    let wallet = h.principal("wallet_1");
    h.call_as(
        &viewer,
        "sponsor-pub",
        &[],
        &wallet,
        Expect::Value(format!("(ok (some {sponsor}))")),
    );
    h.d.set_sponsor(None);
    h.ok("tx-sponsor?", "none");
    h.finish();
}
