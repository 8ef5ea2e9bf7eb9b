(+ block-height u1)
