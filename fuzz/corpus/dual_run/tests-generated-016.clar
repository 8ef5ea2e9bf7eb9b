(get b {t})
