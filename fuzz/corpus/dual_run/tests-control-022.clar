(is-some {NONE_INT})
