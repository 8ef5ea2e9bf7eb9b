(list {acc} {acc})
