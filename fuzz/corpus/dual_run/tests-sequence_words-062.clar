(concat "" "x")
