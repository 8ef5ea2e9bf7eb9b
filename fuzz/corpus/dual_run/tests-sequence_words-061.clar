(concat "" "")
