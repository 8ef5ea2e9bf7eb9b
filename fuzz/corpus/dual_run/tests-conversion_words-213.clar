(from-consensus-buff? {ty} 0x{bytes})
