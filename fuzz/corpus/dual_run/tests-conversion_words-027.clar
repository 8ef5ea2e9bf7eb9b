(string-to-int? "{below_i128}")
