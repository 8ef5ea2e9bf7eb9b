(is-eq .foo .bar)
