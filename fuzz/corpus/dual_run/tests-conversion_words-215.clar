(some {}1{})
