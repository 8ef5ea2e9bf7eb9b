(element-at 0x01 {idx})
