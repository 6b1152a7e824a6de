# An unread long global prints with %d: negative values too.
run: uscript -e 'global x; probe begin { x = -42; exit() }'
--- stdout
x=-42
