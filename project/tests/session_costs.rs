//! The interpreter side reports what Clarinet's own interpreter (clarity-repl's `Session`)
//! reports: the cost of every deployment and of every unit test of the bundled example
//! project, to the unit.

use std::collections::BTreeMap;
use std::path::Path;

use clarinet_wasm_project::runner::{run, RunOptions};
use clarinet_wasm_project::unit_tests;
use clarinet_wasm_project::{load, Project};
use clarinet_wasm_runtime::interp;
use clarity::vm::costs::ExecutionCost;
use clarity_repl::repl::{
    ClarityCodeSource, ClarityContract, ContractDeployer, Session, SessionSettings,
};

fn example() -> Project {
    load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/counter/Clarinet.toml")).unwrap()
}

/// A Session as Clarinet makes one: boot contracts, the project's epoch, the deployer.
fn session(project: &Project) -> Session {
    let mut settings = SessionSettings::default();
    settings.include_boot_contracts = clarity_repl::repl::boot::STACKS_BOOT_CODE_TESTNET
        .iter()
        .map(|(n, _)| n.to_string())
        .collect();
    let mut s = Session::new(settings);
    s.update_epoch(project.epoch());
    s.load_boot_contracts();
    s.set_tx_sender(project.deployer().to_string());
    s
}

fn session_deploy(s: &mut Session, c: &clarinet_wasm_project::ProjectContract) -> ExecutionCost {
    let contract = ClarityContract {
        code_source: ClarityCodeSource::ContractInMemory(c.source.clone()),
        name: c.name().to_string(),
        deployer: ContractDeployer::DefaultDeployer,
        clarity_version: c.version,
        epoch: c.epoch,
    };
    let r = s
        .deploy_contract(&contract, None, true, None, &mut None)
        .unwrap_or_else(|e| panic!("Session cannot deploy {}: {e:?}", c.name()));
    r.cost.expect("metered").total
}

#[test]
fn deployments_cost_what_clarinet_reports() {
    let project = example();
    let mut s = session(&project);
    let mut chain = project.chain();
    let mut compared = 0;
    let mut contracts = project.contracts.clone();
    for path in unit_tests::discover(&project).unwrap() {
        let f = unit_tests::parse(
            &project,
            &path,
            &project.deployer(),
            project.clarity_version(),
        )
        .unwrap();
        contracts.push(f.contract);
    }
    for c in &contracts {
        let ours = interp::deploy(&mut chain, &c.id, &c.source, c.version);
        assert!(ours.result.is_ok(), "{}: {:?}", c.name(), ours.result);
        let theirs = session_deploy(&mut s, c);
        assert_eq!(ours.cost, Some(theirs), "deployment of {}", c.name());
        compared += 1;
    }
    assert_eq!(compared, 5);
}

#[test]
fn unit_tests_cost_what_clarinet_reports() {
    let project = example();
    let report = run(
        &project,
        &RunOptions {
            costs: true,
            ..Default::default()
        },
        |_| {},
    )
    .unwrap();
    let ours: BTreeMap<&str, &ExecutionCost> = report
        .results
        .iter()
        .map(|r| (r.function.as_str(), r.cost.as_ref().expect("metered")))
        .collect();

    let mut base = session(&project);
    for c in &project.contracts {
        session_deploy(&mut base, c);
    }
    let mut compared = 0;
    for path in unit_tests::discover(&project).unwrap() {
        let file = unit_tests::parse(
            &project,
            &path,
            &project.deployer(),
            project.clarity_version(),
        )
        .unwrap();
        let mut with_file = base.clone();
        session_deploy(&mut with_file, &file.contract);
        for t in &file.tests {
            let mut s = with_file.clone();
            if t.mine_blocks_before > 0 {
                s.advance_chain_tip(t.mine_blocks_before);
            }
            let deployer = project.deployer().to_string();
            let contract = file.contract.id.to_string();
            if file.has_prepare && !t.no_prepare {
                s.invoke_contract_call(&contract, "prepare", &[], &deployer, "prepare".into())
                    .unwrap();
            }
            let caller = match &t.caller {
                Some(c) => project.principal(c).unwrap().to_string(),
                None => deployer.clone(),
            };
            let (r, _) = s
                .invoke_contract_call(&contract, &t.function, &[], &caller, t.name.clone())
                .unwrap();
            let theirs = r.cost.expect("metered").total;
            assert_eq!(
                ours.get(t.function.as_str()).copied(),
                Some(&theirs),
                "{}",
                t.function
            );
            compared += 1;
        }
    }
    assert_eq!(compared, 11);
}
