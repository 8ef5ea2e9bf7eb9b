(len {list})
