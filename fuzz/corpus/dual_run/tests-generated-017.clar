(unwrap! {o} {x})
