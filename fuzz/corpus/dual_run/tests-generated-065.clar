(merge {{a: {x}, b: {y}}} {{b: {z}}})
