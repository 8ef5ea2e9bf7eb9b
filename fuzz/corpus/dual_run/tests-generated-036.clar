(ro-int {x})
