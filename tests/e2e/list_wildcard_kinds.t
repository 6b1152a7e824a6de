# needs: nothing
# Wildcards in the names of a point's components match the forms of point
# and the aliases, one component each, as stap's do: a component with an
# argument matches only a form that takes one, so timer.* is timer.profile;
# '**' spans components.
run: cd "$T" && uscript -l 'timer.*'; uscript -l 'begin*'; uscript -l 'process.*'; uscript -l 'process("./add").*' | sed "s|$T|T|"; uscript -l 'process("./add").function("a*").*' | sed -e "s|$T|T|" -e 's|@/[^"]*/add.c|@add.c|'; uscript -l 'timer.**'; uscript -l '*' | grep -x -e begin -e end -e error -e never -e syscall_any; uscript -l '**' | grep -c -e '^syscall\.' -e '^kernel.trace' | awk '{ print ($1 > 600) ? "many syscall aliases" : $1 }'
--- stdout
timer.profile
begin
process.begin
process.end
process.syscall
process("T/add").begin
process("T/add").end
process("T/add").plt("__cxa_finalize")
process("T/add").plt("atoi")
process("T/add").syscall
process("T/add").function("add@add.c:5").call
process("T/add").function("add@add.c:5").return
timer.profile
timer.profile.tick
begin
end
error
never
syscall_any
many syscall aliases
