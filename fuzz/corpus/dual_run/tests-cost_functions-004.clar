(define-private (only-runtime (x uint))
        { read_length: u0, runtime: x, write_length: u0, write_count: u0, read_count: u0 })
    (define-private (affine (a uint) (n uint) (b uint)) (+ b (* n a)))
    (define-private (logn (n uint) (a uint) (b uint)) (+ (* a (log2 n)) b))
    (define-private (nlogn (n uint) (a uint) (b uint)) (+ b (* (* (log2 n) n) a)))
    (define-read-only (tuple-fails-late (n uint))
        { write_count: u3, read_length: (affine u2 n u1), write_length: (logn n u1 u0),
          runtime: (nlogn n u7 u1), read_count: u1 })
    (define-read-only (mul-overflows (n uint))
        (only-runtime (affine u170141183460469231731687303715884105728 n u0)))
    (define-read-only (add-overflows (n uint))
        { runtime: u1, write_length: (affine u1 n u340282366920938463463374607431768211455),
          write_count: u0, read_count: u0, read_length: u0 })
    (define-read-only (nlogn-overflows (n uint))
        (only-runtime (nlogn n u18446744073709551616 u5)))
    (define-read-only (big-literal (n uint))
        { runtime: u18446744073709551621, write_length: u0, write_count: u0,
          read_count: u0, read_length: (logn n u18446744073709551615 u18446744073709551615) })
