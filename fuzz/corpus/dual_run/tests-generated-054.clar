(asserts! {c} (err {x}))
