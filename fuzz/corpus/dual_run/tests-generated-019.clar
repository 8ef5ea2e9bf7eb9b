(unwrap-err! {r} {x})
