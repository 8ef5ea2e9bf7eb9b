(pow u10 u39)
