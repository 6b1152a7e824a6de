# @cast with a header for its module: a unit that includes it is compiled
# with debug information into the cache ($XDG_CACHE_HOME/uscript), once,
# and its types read: all the headers declare, "sockaddr" without its
# "struct" too, as SystemTap's tests write it.  A header the compiler
# cannot find is an error at the module naming the compiler's complaint.
# (CC: the compiler, cc or $CC, which make check sets)
run: export XDG_CACHE_HOME=$(mktemp -d); for i in 1 2; do uscript -e 'probe process("'$T'/casts").function("take") { printf("%d %d %d\n", &@cast(0, "struct timespec", "<time.h>")[1], @cast($p, "struct timespec", "<sys/types.h><time.h>")->tv_sec + &@cast(0, "sockaddr", "<sys/socket.h>")->sa_data - 2, &@cast(0, "struct stat", "<sys/stat.h>")->st_mtim) }' -c "$T/casts"; done; ls $XDG_CACHE_HOME/uscript | wc -l; cd "$T" && uscript -p2 -e 'probe process("./casts").function("take") { println(@cast($p, "struct nosuch", "<nosuch.h>")->x + @cast($p, "struct timespec", "<time.h")->tv_sec) }' 2>&1 | sed -e "s|$T|T|g" -e "s|: [^ ]* could not compile it|: CC could not compile it|"; rm -r $XDG_CACHE_HOME
--- stdout
16 1 88
16 1 88
4
<input>:1:80: error: @cast's header "<nosuch.h>": CC could not compile it: fatal error: nosuch.h: No such file or directory
    1 | probe process("./casts").function("take") { println(@cast($p, "struct nosuch", "<nosuch.h>")->x + @cast($p, "struct timespec", "<time.h")->tv_sec) }
      |                                                                                ^~~~~~~~~~~~
<input>:1:128: error: @cast's header "<time.h": a header is written "<header.h>", several "<a.h><b.h>"
    1 | probe process("./casts").function("take") { println(@cast($p, "struct nosuch", "<nosuch.h>")->x + @cast($p, "struct timespec", "<time.h")->tv_sec) }
      |                                                                                                                                ^~~~~~~~~
