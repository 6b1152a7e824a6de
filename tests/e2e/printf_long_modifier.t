# One 'l' length modifier is accepted and changes nothing.
run: uscript -e 'probe begin { printf("%ld %li %lu %lx %lX %lo\n", -1, -1, -1, 255, 255, 8); exit() }'
--- stdout
-1 -1 18446744073709551615 ff FF 10
