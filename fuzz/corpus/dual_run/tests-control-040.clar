(match (some (some 3)) outer (match outer inner inner -1) -2)
