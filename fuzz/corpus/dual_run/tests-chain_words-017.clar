(> stx-liquid-supply u0)
