(if false "short" "longer string")
