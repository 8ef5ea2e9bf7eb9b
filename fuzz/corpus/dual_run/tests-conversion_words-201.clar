(optional (optional bool))
