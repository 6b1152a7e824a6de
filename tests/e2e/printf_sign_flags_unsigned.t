# '+' and ' ' change only the signed conversions; '#' changes nothing for %d.
run: uscript -e 'probe begin { printf("[%+u][%+x][% o][%#d]\n", 7, 7, 7, -5); exit() }'
--- stdout
[7][7][7][-5]
