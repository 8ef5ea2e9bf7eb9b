(begin {w} {x})
