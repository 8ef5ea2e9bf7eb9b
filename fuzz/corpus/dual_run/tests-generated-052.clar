(is-eq {})
