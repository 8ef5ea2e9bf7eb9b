(len "hello")
