# Above MAXSTRINGLEN 256 isinstr() with a literal needle searches as with
# any other (a bpf_loop callback): the same answers in a probe as in begin.
run: cd "$T" && uscript -D MAXSTRINGLEN=512 -e 'global h; function all() { return sprint(isinstr(h, "aab")) . sprint(isinstr(h, "zz")) . sprint(isinstr(h, "")) . sprint(isinstr(h, "b!")) . sprint(isinstr(h, "ab!x")) } probe begin { for (i = 0; i < 60; i++) h .= "aaaaaa"; h .= "ab!"; printf("%d %s\n", strlen(h), all()) } probe process("./add").function("add") { printf("%d %s\n", strlen(h), all()); exit() }' -c "./add 1"
--- stdout
363 10110
363 10110
