(slice? (list "abcdef" "g" "hi") u1 u3)
