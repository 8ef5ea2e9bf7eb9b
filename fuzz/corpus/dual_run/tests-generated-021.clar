(try! {r})
