(optional int)
