(pub-resp {x})
