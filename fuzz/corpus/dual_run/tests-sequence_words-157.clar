(("a" "ddd" "eeeee") ("bb" "c"))
