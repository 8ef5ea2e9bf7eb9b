(len (sha512 u5))
