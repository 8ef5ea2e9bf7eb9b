(var-get {var})
