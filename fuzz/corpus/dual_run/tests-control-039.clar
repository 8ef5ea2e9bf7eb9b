(match (some {a: u1}) t (get a t) u0)
