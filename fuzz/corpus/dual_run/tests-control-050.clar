(try! (some 1))
