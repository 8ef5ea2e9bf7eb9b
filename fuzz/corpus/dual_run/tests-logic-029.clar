(and true false {none_bool})
