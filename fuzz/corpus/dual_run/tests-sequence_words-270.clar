(slice? {seq} {idx} {idx})
