(if false (list {x}) (list))
