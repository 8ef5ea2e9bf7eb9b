(define-read-only (f (i int) (u uint)) {ai: (int-to-ascii i), au: (int-to-ascii u), ui: (int-to-utf8 i), uu: (int-to-utf8 u)})
