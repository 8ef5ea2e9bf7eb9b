(get a {t})
