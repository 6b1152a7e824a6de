# exit() called in a function stops the script after the probe handler.
run: cd "$T" && uscript -e 'function stop() { exit() } probe process("./add").function("add") { printf("%d\n", int_arg(1)); if (int_arg(1) == 1) stop() } probe end { println("end") }' -c './add 5'
--- stdout
0
1
end
