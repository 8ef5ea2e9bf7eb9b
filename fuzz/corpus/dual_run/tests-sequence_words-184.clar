(element-at 0xff u0)
