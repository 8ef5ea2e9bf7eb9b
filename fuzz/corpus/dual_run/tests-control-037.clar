(match (if true (ok 1) (err u2)) v (* v 10) e (to-int e))
