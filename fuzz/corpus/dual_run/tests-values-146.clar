(tuple {})
