(from-consensus-buff? {ty} 0x{}{INT1})
