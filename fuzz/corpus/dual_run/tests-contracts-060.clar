(optional uint)
