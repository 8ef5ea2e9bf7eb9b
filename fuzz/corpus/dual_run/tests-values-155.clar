(len {deep_list})
