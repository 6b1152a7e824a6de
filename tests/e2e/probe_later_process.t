# A probe on a file fires in processes started after uscript, without -c or -x.
run: d=$(mktemp -d) && { uscript -o "$d/out" -e 'probe process("'"$T"'/add").function("add") { printf("%d\n", int_arg(2)) }' & u=$!; for i in $(seq 100); do "$T/add" 1; [ -s "$d/out" ] && break; sleep 0.05; done; kill -INT $u; wait $u; echo "status $?"; sort -u "$d/out"; rm -rf "$d"; }
--- stdout
status 0
1
