(or false true {none_bool})
