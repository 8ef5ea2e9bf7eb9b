(pow u10 u38)
