# The string functions give the same results in a process probe as in begin.
run: cd "$T" && uscript -e 'function t(s) { printf("%d [%s] [%s] [%s] %d %d %d %d %d [%s]\n", strlen(s), substr(s, 2, 4), substr(s, 7, 9), substr(s, 3, -1), isinstr(s, "lo w"), isinstr(s, "low"), strtol(s, 16), strtol("0x1F", 0), strtol("-12z", 10), sprint(strlen(s) * -3)) } probe begin { t("hello world") } probe process("./add").function("add") { t("hello world") }' -c './add 1'
--- stdout
11 [llo ] [orld] [] 1 0 0 31 -12 [-33]
11 [llo ] [orld] [] 1 0 0 31 -12 [-33]
