# needs: nothing
# -l lists a point made through a tapset alias under the alias's name, as
# stap does, not the tracepoints underneath: a wildcard over a family
# lists its aliases, sorted and once each, and one component's '*' does
# not reach the .return aliases.
run: uscript -l 'syscall.open*'; uscript -l 'syscall.open*.return'; uscript -l 'syscall.*' | grep -c -v '^syscall\.[a-z0-9_]*$'; uscript -l 'syscall.*' | grep -c -x -e syscall.read -e syscall.write -e syscall.close
--- stdout
syscall.open
syscall.open_by_handle_at
syscall.open_tree
syscall.open_tree_attr
syscall.openat
syscall.openat2
syscall.open.return
syscall.open_by_handle_at.return
syscall.open_tree.return
syscall.open_tree_attr.return
syscall.openat.return
syscall.openat2.return
0
3
