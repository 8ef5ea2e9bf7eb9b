(tuple (imax {I128_MAX}) (imin {I128_MIN}) (umax {U128_MAX}))
