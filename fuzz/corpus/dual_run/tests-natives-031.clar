(from-consensus-buff? int 0x00)
