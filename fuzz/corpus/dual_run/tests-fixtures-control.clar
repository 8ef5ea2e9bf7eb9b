;; Control flow inside functions: let, begin, if, asserts!, match, the unwrap family,
;; try!, default-to and the optional/response tests, with short returns from deep inside
;; nested lets and ifs.

(define-constant ERR-LOW (err u1))

(define-private (check-positive (x int))
  (if (> x 0) (ok x) (err u10)))

(define-private (half-if-even (x int))
  (if (is-eq (mod x 2) 0) (some (/ x 2)) none))

(define-read-only (classify (x int))
  (if (< x 0) "negative" (if (is-eq x 0) "zero" "positive")))

;; asserts! deep inside nested lets and ifs
(define-read-only (nested-assert (x int) (y int))
  (let ((a (+ x 1)))
    (let ((b (* a 2)))
      (if (> b 10)
          (begin
            (asserts! (< y b) (err u3))
            (ok (- b y)))
          (let ((c (asserts! (> y 0) (err u4))))
            (ok (+ b y)))))))

;; unwrap! short returns from inside let bindings, including a nested let
(define-read-only (nested-unwrap (o (optional int)) (r (response int uint)))
  (let ((a (unwrap! o (err u5)))
        (b (let ((inner (unwrap! r (err u6)))) (+ inner a))))
    (ok (* a b))))

;; unwrap-err! returns the ok side early
(define-read-only (err-code (r (response int uint)))
  (ok (+ (unwrap-err! r (err -1)) u100)))

;; try! on responses, from inside a let and an if
(define-read-only (try-chain (x int))
  (let ((a (try! (check-positive x)))
        (b (if (> a 100) (try! (check-positive (- 150 a))) a)))
    (ok (+ a b))))

;; try! on optionals: the function returns an optional
(define-read-only (try-optional (x int))
  (let ((h (try! (half-if-even x))))
    (some (+ (try! (half-if-even h)) 1000))))

;; unwrap! in a function returning an optional
(define-read-only (first-some (a (optional uint)) (b (optional uint)))
  (if (is-some a)
      (some (unwrap! a none))
      (some (+ (unwrap! b none) u1))))

(define-read-only (match-opt (o (optional int)))
  (match o v (+ v 100) -1))

(define-read-only (match-resp (r (response int (string-ascii 10))))
  (match r
    okv {ok: true, v: okv, e: ""}
    errv {ok: false, v: 0, e: errv}))

;; match arms that short-return themselves
(define-read-only (match-short (r (response uint uint)))
  (match r
    v (begin (asserts! (> v u0) (err u99)) (ok (* v u2)))
    e (if (is-eq e u7) (ok u7) (err e))))

;; nested matches over nested values
(define-read-only (match-nested (x (optional (response (optional int) uint))))
  (match x
    r (match r
        inner (match inner n (+ n 1) 0)
        code (to-int code))
    -1))

(define-read-only (panics (o (optional int)))
  (unwrap-panic o))

(define-read-only (panics-ok (r (response int uint)))
  (unwrap-panic r))

(define-read-only (panics-err (r (response int uint)))
  (unwrap-err-panic r))

(define-read-only (defaults (o (optional (string-ascii 5))))
  (default-to "none" o))

(define-read-only (tests (o (optional int)) (r (response int int)))
  {some: (is-some o), none: (is-none o), ok: (is-ok r), err: (is-err r)})

(define-read-only (begin-seq (x int))
  (begin (+ x 1) (print (+ x 2)) (* x 3)))

(define-read-only (let-seq (x int))
  (let ((a (* x 2)) (b (+ a 1)) (c (list a b)))
    (print c)
    {a: a, b: b, c: c}))

(define-public (public-short (x uint))
  (begin
    (asserts! (> x u5) ERR-LOW)
    (ok x)))

(define-public (public-try (x int))
  (let ((v (try! (check-positive x))))
    (print v)
    (ok (to-uint v))))

(define-public (public-panic (x int))
  (begin
    (print "before")
    (ok (unwrap-panic (half-if-even x)))))

;; The read-only functions above, called from a transaction: the interpreter runs each in
;; a read-only context that it rolls back, so their prints are not events.
(define-public (print-seq (x int))
  (ok {seq: (begin-seq x), lets: (let-seq x)}))
