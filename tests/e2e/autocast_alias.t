# A local set in a probe alias's body keeps its type in the probes that
# use the alias, as SystemTap's nfsd tapset hands "fh" to its users.
run: cd "$T" && uscript -e 'probe vars.pointers = process("./vars").function("pointers") { obj = $o } probe vars.pointers { if (obj) printf("%d %s %d\n", obj->id, user_string(obj->name), obj->next->x) }' -c ./vars
--- stdout
42 outer 30
