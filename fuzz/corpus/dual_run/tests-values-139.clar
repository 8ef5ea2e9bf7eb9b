(is-eq {list} {list})
