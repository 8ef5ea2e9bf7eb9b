(slice? {seq} u0 {idx})
