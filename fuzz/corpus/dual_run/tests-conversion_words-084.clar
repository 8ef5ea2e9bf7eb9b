(some ("bcdefghijk"))
