;; Constants of every type, and calls between a contract's own functions.

(define-constant C-INT -42)
(define-constant C-UINT u340282366920938463463374607431768211455)
(define-constant C-BOOL true)
(define-constant C-PRINCIPAL 'ST1SJ3DTE5DN7X54YDH5D64R3BCB6A2AG2ZQ8YPD5)
(define-constant C-CONTRACT 'ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM.calls)
(define-constant C-BUFF 0xcafe)
(define-constant C-ASCII "const")
(define-constant C-UTF8 u"\u{1F600}!")
(define-constant C-OPT (some u7))
(define-constant C-NONE-LIST (list none (some 1)))
(define-constant C-RESP (if true (ok 1) (err u0)))
(define-constant C-TUPLE {a: 1, b: (list u1 u2)})
(define-constant C-LIST (list {k: 1} {k: 2}))
(define-constant C-EMPTY (list))
(define-constant C-COMPUTED (* 6 (+ 3 4)))
(define-constant C-DEPLOYER tx-sender)
(define-constant C-DERIVED (+ C-COMPUTED 1))

(define-read-only (constants)
  {i: C-INT, u: C-UINT, b: C-BOOL, p: C-PRINCIPAL, c: C-CONTRACT, bf: C-BUFF, s: C-ASCII,
   w: C-UTF8, o: C-OPT, nl: C-NONE-LIST, r: C-RESP, t: C-TUPLE, l: C-LIST, e: (len C-EMPTY),
   computed: C-COMPUTED, deployer: C-DEPLOYER, derived: C-DERIVED})

(define-private (double (x int)) (* x 2))
(define-private (wrap (x int)) (some (double x)))
(define-private (swap (t {a: int, b: uint})) {a: (to-int (get b t)), b: (to-uint (get a t))})
(define-private (total-len (a (string-ascii 10)) (b (string-utf8 10)) (c (buff 10)))
  (+ (len a) (len b) (len c)))
(define-private (log-it (x int)) (print {logged: x}))
(define-private (checked (x int)) (if (> x 0) (ok x) (err "not positive")))

;; Private functions calling private functions.
(define-private (quadruple (x int)) (double (double x)))

(define-read-only (use-private (x int))
  {quad: (quadruple x), wrapped: (wrap x), swapped: (swap {a: x, b: u3}),
   len: (total-len "abc" u"\u{e9}\u{e9}" 0x0102)})

;; Read-only calling read-only.
(define-read-only (constants-sum (x int)) (+ x C-INT C-COMPUTED))
(define-read-only (calls-read-only (x int)) (constants-sum (double x)))

;; Public calling private (prints of private functions are events) and public.
(define-public (public-calls-private (x int))
  (begin
    (asserts! (> x -1000) (err u0))
    (log-it x)
    (ok (quadruple x))))

(define-public (calls-public (x int))
  (let ((r (try! (public-calls-private x))))
    (ok (+ r 1))))

(define-public (public-checked (x int))
  (let ((v (try! (checked x))))
    (ok (double v))))

;; A private function that fails at runtime, called from a public one.
(define-private (divide (a int) (b int)) (/ a b))
(define-public (public-divide (a int) (b int)) (ok (divide a b)))

;; Chain and transaction context.
(define-read-only (who) {sender: tx-sender, caller: contract-caller})
(define-public (who-public) (ok {sender: tx-sender, caller: contract-caller}))
(define-read-only (heights)
  {block: block-height, burn: burn-block-height, chain: chain-id,
   mainnet: is-in-mainnet, regtest: is-in-regtest})
(define-read-only (is-deployer) (is-eq tx-sender C-DEPLOYER))
