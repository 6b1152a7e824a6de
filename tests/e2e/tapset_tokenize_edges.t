# tokenize() as SystemTap's strsep loop gives it: nothing before any input,
# an empty delimiter set (the whole string), delimiters only, leading and
# trailing ones, several delimiters, a new input starting over, the
# one-argument form, and "" once the tokens are used up.
# needs: nothing
run: uscript -e 'probe begin { printf("[%s]\n", tokenize("", ",")) printf("[%s][%s]\n", tokenize("a,b", ""), tokenize("")) printf("[%s]\n", tokenize(",,,", ",")) printf("[%s][%s]\n", tokenize(",a,", ","), tokenize(",")) printf("[%s][%s][%s][%s]\n", tokenize("a b\tc", " \t"), tokenize(" \t"), tokenize("", " \t"), tokenize(" \t")) printf("[%s][%s][%s]\n", tokenize("one two three", " "), tokenize("x y", " "), tokenize(" ")) printf("[%s][%s]\n", tokenize("a:b", "-"), tokenize("-")) exit() }'
--- stdout
[]
[a,b][]
[]
[a][]
[a][b][c][]
[one][x][y]
[a:b][]
