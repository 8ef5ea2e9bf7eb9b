(element-at "ab" {idx})
