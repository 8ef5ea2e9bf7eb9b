(index-of? "" "a")
