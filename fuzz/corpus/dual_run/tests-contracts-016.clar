(tuple (len u7) (quad 20) (swapped (tuple (a 3) (b u5))) (wrapped (some 10)))
