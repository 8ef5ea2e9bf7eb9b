(unwrap! {r} (err {x}))
