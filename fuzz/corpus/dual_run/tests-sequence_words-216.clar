(default-to 0 (element-at? (list 5 6) u9))
