(some ("tail"))
