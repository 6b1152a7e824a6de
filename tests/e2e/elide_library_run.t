# The script of elide_library_unused, run: the function left in works.
run: uscript -I "$D/elide_dir" -e 'probe begin { println(calls_double(21)); exit() }'
--- stdout
42
