# -I DIR adds a tapset directory after the built-in one, searched as stap
# searches: its functions and macros are there for the script (and its
# files' functions use its macros), a function of a name and arity the
# built-in tapset lacks is added beside the built-in ones (ctime/2 beside
# ctime/1), and a file named as a built-in one is skipped.  The script's own
# twice() wins over the library's.  The library's global mylib_calls,
# written and never read, is not printed at the end: as stap, only the
# script's own globals are.
# needs: nothing
run: uscript -I "$D/tapset_dir" -e 'probe begin { println(twice(21), " ", shout("hey"), " ", @exclaim("macro"), " ", ctime(1, 2), " ", ctime(0)); ansi_clear_screen(); println(""); exit() }' | cat -v; uscript -I "$D/tapset_dir" -e 'function twice(x) { return 3 * x } probe begin { println(twice(2)); exit() }'; uscript -I "$D/tapset_dir" -e 'probe begin { println(only_in_skipped_file()); exit() }'
--- stdout
42 hey! macro! my ctime of 1 and 2 Thu Jan  1 00:00:00 1970
^[[1;1H^[[J
6
--- stderr
<input>:1:23: error: unknown function 'only_in_skipped_file'
    1 | probe begin { println(only_in_skipped_file()); exit() }
      |                       ^~~~~~~~~~~~~~~~~~~~~~
--- status
1
