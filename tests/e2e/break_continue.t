# break leaves the innermost loop, continue goes to its next iteration (the for step runs).
run: uscript -e 'probe begin { for (i = 0; i < 10; i++) { if (i % 2) continue; if (i > 6) break; print(i) } println(); i = 0; while (1) { i++; for (j = 0; j < 10; j++) { if (j == i) break; print(j) } print("|"); if (i == 3) break } println(); exit() }'
--- stdout
0246
0|01|012|
