# == != < > <= >= compare strings byte by byte.
run: uscript -e 'probe begin { a = "abc"; printf("%d %d %d %d %d %d %d %d\n", a == "abc", a != "abd", a < "abd", "b" > a, "ab" < a, a <= "abc", a >= "abd", "" < "a"); exit() }'
--- stdout
1 1 1 1 1 1 0 1
