(and true {none_bool})
