(unwrap! {r} {x})
