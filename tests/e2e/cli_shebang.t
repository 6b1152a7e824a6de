# A script starting with #!/usr/bin/env uscript, made executable, runs directly.
run: d=$(mktemp -d) && printf '#!/usr/bin/env uscript\nprobe begin { printf("shebang %%d\\n", $1); exit() }\n' > "$d/s.up" && chmod +x "$d/s.up" && "$d/s.up" 3; rm -rf "$d"
--- stdout
shebang 3
