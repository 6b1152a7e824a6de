# In a shared library's probe, @cast takes its types from the library and
# @var its globals and statics, at the library's load address; from the
# program, @cast names the library as its module.
run: uscript -e 'probe process("'$T'/libcasts.so").function("lib_touch") { printf("lib %d %s %d %d\n", @cast($n, "struct libnode")->key, user_string(@cast($n, "struct libnode")->tag), @var("lib_calls"), @var("lib_head")->key) } probe process("'$T'/casts").function("touch") { printf("main %d\n", @cast(@var("first")->next, "struct libnode", "'$T'/libcasts.so")->key) }' -c "$T/casts 2"
--- stdout
main 2
lib 11 head 0 11
main 2
lib 11 head 1 11
