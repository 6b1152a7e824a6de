# break leaves the foreach, continue goes on with the next element.
run: uscript -e 'global a; probe begin { for (i = 1; i <= 6; i++) a[i] = i * i; foreach (k in a) { if (k == 2) continue; if (k == 5) break; printf("%d=%d ", k, a[k]) } println("done"); exit() }'
--- stdout
1=1 3=9 4=16 done
