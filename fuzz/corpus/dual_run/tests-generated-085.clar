(pub-resp 3)
