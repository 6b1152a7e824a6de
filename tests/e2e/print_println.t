# print prints its arguments with nothing between them; println adds a newline.
run: uscript -e 'probe begin { print(5); print("a"); print(-3, "b", 7); println(); println(1, "x", -2); println("s"); x = 9; println(x); exit() }'
--- stdout
5a-3b7
1x-2
s
9
