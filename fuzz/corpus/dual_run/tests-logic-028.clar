(and false {none_bool})
