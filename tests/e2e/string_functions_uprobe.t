# strlen, substr, isinstr, strtol and sprint in a process probe, on the
# program's name and arguments: add(1, 2) is the second call.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { if (int_arg(1) == 1) { s = execname() . "ition"; printf("%d [%s] [%s] %d %d\n", strlen(s), substr(s, int_arg(1), 3), substr(s, -1, 3), isinstr(s, "dit"), isinstr(s, "xyz")); printf("%d %d %d [%s] [%s]\n", strtol("ff", int_arg(2) * 8), strtol("-017", 0), strtol("12abc", 10), sprint(int_arg(2) - 5), sprint(s)) } }' -c './add 2'
--- stdout
8 [ddi] [] 1 0
255 -15 12 [-3] [addition]
