(some (if true (ok '{WALLET_1}) (err "no")))
