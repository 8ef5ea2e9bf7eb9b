(let ((a 1)) (let ((b (unwrap! {NONE_INT} (+ a 41)))) b))
