# sprint(v) is the text print(v) would write: a long in decimal, a string as is.
run: uscript -e 'probe begin { n = -42; s = sprint(n); printf("[%s][%s][%s] %d\n", s, sprint(7), sprint("str"), strlen(sprint(123456))); exit() }'
--- stdout
[-42][7][str] 6
