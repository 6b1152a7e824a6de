# ! && || give 1 or 0.
run: uscript -e 'probe begin { printf("%d %d %d %d %d %d %d\n", !0, !5, 2 && 3, 0 || 0, 0 && 1, 3 || 0, !!-7); exit() }'
--- stdout
1 0 1 0 0 1 1
