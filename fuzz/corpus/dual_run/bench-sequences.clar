;; A concat / slice? / element-at? loop: 100 rotations of a 64-byte buffer and of a
;; 64-character string.
(define-constant steps (list 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99 100))

(define-private (rotate-buff (i int) (acc (buff 64)))
  (unwrap-panic (as-max-len?
    (concat (unwrap-panic (slice? acc u1 u64)) (unwrap-panic (element-at? acc u0))) u64)))

(define-private (rotate-str (i int) (acc (string-ascii 64)))
  (unwrap-panic (as-max-len?
    (concat (unwrap-panic (slice? acc u1 u64)) (unwrap-panic (element-at? acc u0))) u64)))

(define-read-only (rotate-loop)
  { b: (fold rotate-buff steps 0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f), s: (fold rotate-str steps "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl") })
