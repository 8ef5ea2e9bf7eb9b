(or true {none_bool})
