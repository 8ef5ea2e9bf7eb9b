(element-at {seq} {idx})
