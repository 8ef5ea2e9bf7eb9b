(replace-at? {seq} {idx} {x})
