(asserts! {c} {x})
