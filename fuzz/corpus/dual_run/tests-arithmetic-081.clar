(mod u1 u0)
