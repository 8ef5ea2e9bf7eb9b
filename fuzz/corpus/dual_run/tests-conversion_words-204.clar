(response int uint)
