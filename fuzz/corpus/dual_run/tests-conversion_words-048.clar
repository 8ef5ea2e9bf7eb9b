(string-to-uint? "{above_u128}")
