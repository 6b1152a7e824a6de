# pp() of a .call probe keeps the .call suffix, after SystemTap's NAME@FILE:LINE.
run: cd "$T" && src=$(cd "$D/../.." && pwd) && uscript -D MAXSTRINGLEN=512 -e 'probe process("./add").function("add").call { println(pp()); exit() }' -c './add 1' | sed -e "s|$src/tests/targets/|SRC/|g" -e "s|$T|T|g"
--- stdout
process("T/add").function("add@SRC/add.c:5").call
