# uscript FILE.up runs a script file; arguments follow the file name.
run: d=$(mktemp -d) && printf 'probe begin {\n  printf("file %%s\\n", @1)\n  exit()\n}\n' > "$d/s.up" && uscript "$d/s.up" arg; rm -rf "$d"
--- stdout
file arg
