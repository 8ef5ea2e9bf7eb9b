(contract-call? .types pub-all -1 u9 true '{WALLET_1} 0x0102 "abc" u"\u{{1F600}}" (some u3) {{x: 5}} (list u1 u2))
