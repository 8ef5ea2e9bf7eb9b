(or false {none_bool})
