(is-eq {I128_MIN} {I128_MAX})
