"""Parts that recur on several screens: the secure keypad, the pattern grid, the message regions."""
