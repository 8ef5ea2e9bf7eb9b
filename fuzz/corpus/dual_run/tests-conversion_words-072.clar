(some "\n ")
