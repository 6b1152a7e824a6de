# @var of a library from a probe on the program that loads it, PIE or not:
# the library's load address is found when the probe hits, in the dynamic
# linker's list of what it loaded; in a .return probe too.  A library the
# process has not loaded is a runtime error that names it.
run: for b in casts casts_nopie; do uscript -e 'probe process("'$T/$b'").function("touch") { printf("%d %d %s\n", @var("lib_calls", "'$T'/libcasts.so"), @var("lib_head", "'$T'/libcasts.so")->key, user_string(@var("lib_head@libcasts.c", "'$T'/libcasts.so")->tag)) } probe process("'$T/$b'").function("touch").return { printf("ret %d\n", @var("lib_calls", "'$T'/libcasts.so")) }' -c "$T/$b 2"; done; cd "$T" && uscript -e 'probe process("./casts").function("touch") { printf("%d\n", @var("lib_enter_semaphore", "./libusdt.so")) }' -c ./casts 2>&1 | sed "s|$T|T|g"; echo "status ${PIPESTATUS[0]}"
--- stdout
0 11 head
ret 1
1 11 head
ret 2
0 11 head
ret 1
1 11 head
ret 2
ERROR: T/libusdt.so is not loaded in this process near <input>:1:61
status 1
