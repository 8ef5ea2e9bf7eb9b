(h-resp {x})
