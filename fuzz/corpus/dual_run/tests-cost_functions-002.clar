(runtime (pow n u2))
