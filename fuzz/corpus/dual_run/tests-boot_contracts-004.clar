(ok (tuple (lock-amount u100000000000000) (stacker {deployer}) (unlock-burn-height u2100)))
