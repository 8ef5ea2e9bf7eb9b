(index-of? (unwrap-panic (as-max-len? (list "a" "bb") u9)) "bb")
