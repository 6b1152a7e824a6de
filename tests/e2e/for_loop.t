# for with every part, and with parts left out.
run: uscript -e 'probe begin { for (i = 0; i < 3; i++) print(i); println(); j = 3; for (; j > 0;) { print(j); j-- } println(); k = 0; for (;;) { if (++k > 2) break; print(k) } println(); exit() }'
--- stdout
012
321
12
