# switch_file() moves the -o output on to the next file, NAME.1 after
# NAME (with -S, the next numbered one), at the next output after uscript
# takes the SIGUSR2 that system() sends it, as staprun does: no line is
# lost or cut.
run: cd "$T" && d=$(mktemp -d) && uscript -o "$d/out" -e 'global n probe process("./ticker").function("tick") { printf("call %d\n", ++n); if (n == 1) switch_file() } probe end { println("end") }' -c './ticker 20' && ls "$d"; head -1 "$d/out"; tail -1 "$d/out.1"; cat "$d/out" "$d/out.1" | awk '/^call [0-9]+$/ { c++ } END { print c " calls" }'; rm -r "$d"
--- stdout
out
out.1
call 1
end
20 calls
