(get-block-info? time u0)
