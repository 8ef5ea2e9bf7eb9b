(some (tuple (delegated-to none) (first-reward-cycle u1) (lock-period u1) (pox-addr (tuple (hashbytes 0x7321b74e2b6a7e949e6c4ad313035b1665095017) (version 0x00))) (reward-set-indexes (u0))))
