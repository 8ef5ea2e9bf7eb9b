(default-to {x} {o})
