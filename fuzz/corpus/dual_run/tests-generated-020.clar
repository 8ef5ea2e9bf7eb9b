(try! {o})
