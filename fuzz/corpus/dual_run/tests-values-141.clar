(len "{text}")
