# %% prints one percent sign, also between conversions.
run: uscript -e 'probe begin { printf("100%%\n%d%%%d\n%%d\n", 5, 6); exit() }'
--- stdout
100%
5%6
%d
