(pow {a} {b})
