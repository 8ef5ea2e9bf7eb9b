((some (ok true)) none (some (err -2)))
