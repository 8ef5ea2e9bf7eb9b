(ok ((ok u1) (ok u2) (err u3)))
