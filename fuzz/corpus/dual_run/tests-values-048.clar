(len "")
