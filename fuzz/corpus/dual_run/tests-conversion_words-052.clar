(string-to-int? (concat "-" "12"))
