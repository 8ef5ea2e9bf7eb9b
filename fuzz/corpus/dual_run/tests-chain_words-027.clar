(ok (some {sponsor}))
