(string-to-int? "{above_i128}")
