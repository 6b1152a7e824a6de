# A negative '*' width counts as 0 in SystemTap (it does not left-justify), and a
# negative precision prints no characters of a string.
run: uscript -e 'probe begin { printf("[%*d][%.*s]\n", -5, 42, -1, "hello"); exit() }'
--- stdout
[42][]
