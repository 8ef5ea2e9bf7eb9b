(fold count-a "banana" u0)
