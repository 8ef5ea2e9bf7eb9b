(concat (int-to-ascii 12) (int-to-ascii u34))
