(unwrap! {NONE_INT} u7)
