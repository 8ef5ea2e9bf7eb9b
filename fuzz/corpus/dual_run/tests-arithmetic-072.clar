(mod u7 u3)
