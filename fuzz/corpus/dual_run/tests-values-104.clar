(is-eq "" "")
