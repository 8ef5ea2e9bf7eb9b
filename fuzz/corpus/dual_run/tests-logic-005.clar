(if (> 3 2) "gt" "le")
