(if (> n u10) (runtime u1) (runtime (linear n u1 u0)))
