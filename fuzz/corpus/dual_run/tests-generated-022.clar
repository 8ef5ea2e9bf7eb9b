(unwrap! {o} (err {x}))
