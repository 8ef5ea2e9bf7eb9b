(var-set {var} {x})
