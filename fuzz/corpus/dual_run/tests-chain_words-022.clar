(is-some (get-burn-block-info? header-hash (+ burn-block-height u1)))
