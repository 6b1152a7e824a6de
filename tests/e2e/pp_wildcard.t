# pp() of a wildcard probe names the function that fired, with its source line.
run: cd "$T" && src=$(cd "$D/../.." && pwd) && uscript -D MAXSTRINGLEN=512 -e 'probe process("./args").function("[bn]*") { println(pp()) }' -c ./args | sed -e "s|$src/tests/targets/|SRC/|g" -e "s|$T|T|g"
--- stdout
process("T/args").function("negative@SRC/args.c:10")
process("T/args").function("big_unsigned@SRC/args.c:15")
