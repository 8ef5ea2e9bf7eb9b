(unwrap-err! {r} (err {x}))
