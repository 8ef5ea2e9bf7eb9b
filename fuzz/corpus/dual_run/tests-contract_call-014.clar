(get caller (contract-call? .ledger who-calls))
