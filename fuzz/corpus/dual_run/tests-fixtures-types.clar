;; Functions taking and returning every type (read-only, public and private).

(define-read-only (echo-int (x int)) x)
(define-read-only (echo-uint (x uint)) x)
(define-read-only (echo-bool (x bool)) x)
(define-read-only (echo-principal (x principal)) x)
(define-read-only (echo-buff (x (buff 32))) x)
(define-read-only (echo-ascii (x (string-ascii 32))) x)
(define-read-only (echo-utf8 (x (string-utf8 32))) x)
(define-read-only (echo-opt (x (optional int))) x)
(define-read-only (echo-resp (x (response uint (string-ascii 10)))) x)
(define-read-only (echo-tuple (x {a: int, b: (buff 4), c: (optional principal)})) x)
(define-read-only (echo-list (x (list 5 {k: uint, v: (optional (string-utf8 8))}))) x)
(define-read-only (echo-nested (x (list 3 (list 3 int)))) x)
(define-read-only (echo-opt-list (x (list 4 (optional (response bool int))))) x)

;; Everything at once, through a public function (which must return a response).
(define-public (pub-all
    (i int) (u uint) (b bool) (p principal) (bf (buff 8)) (s (string-ascii 8))
    (w (string-utf8 8)) (o (optional uint)) (t {x: int}) (l (list 4 uint)))
  (ok {i: i, u: u, b: b, p: p, bf: bf, s: s, w: w, o: o, t: t, l: l, n: (len l)}))

;; Private functions of every type, called from read-only ones.
(define-private (inc-all (t {i: int, u: uint}) (l (list 3 int)))
  {i: (+ (get i t) 1), u: (+ (get u t) u1), n: (len l)})

(define-private (wrap-some (x (string-utf8 8))) (some x))

(define-private (pick (flag bool) (a principal) (b principal)) (if flag a b))

(define-private (both (r (response int uint))) {ok: (is-ok r), r: r})

(define-read-only (use-privates (flag bool) (p principal))
  {
    inc: (inc-all {i: 41, u: u41} (list 1 2 3)),
    wrapped: (wrap-some u"\u{1F600}"),
    picked: (pick flag p tx-sender),
    both: (both (if flag (ok 1) (err u2)))
  })

;; Values narrower than the declared types (shorter strings, fewer items) widen.
(define-read-only (widen (flag bool))
  (if flag
      {s: "a", l: (list 1), o: none, r: (ok u1)}
      {s: "longer", l: (list 1 2 3), o: (some 0x0102), r: (err "e")}))

(define-read-only (max-values)
  {
    imax: 170141183460469231731687303715884105727,
    imin: -170141183460469231731687303715884105728,
    umax: u340282366920938463463374607431768211455
  })
