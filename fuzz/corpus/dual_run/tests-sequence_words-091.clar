(some ("bc" "d"))
