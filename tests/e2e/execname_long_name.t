# execname() is the kernel's command name: at most 15 characters.
run: d=$(mktemp -d) && cp "$T/add" "$d/a_very_long_program_name" && uscript -e 'probe process("'"$d"'/a_very_long_program_name").function("add") { println(execname()); exit() }' -c "$d/a_very_long_program_name 1"; rm -rf "$d"
--- stdout
a_very_long_pro
