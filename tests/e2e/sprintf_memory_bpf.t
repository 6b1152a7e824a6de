# sprintf with %m, %M (and '*', widths, '-', the '0' flag's NUL) and %b in
# a process probe, each line formatted by the probe (sprintf) and then by
# the runtime (printf), which must agree; %b's bytes end the string at
# their first NUL, as SystemTap's sprintf does.
run: cd "$T" && uscript -e 'probe process("./vars").function("pointers") { p = $str; printf("%s|\n", sprintf("[%m] [%.3m] [%5.2m] [%-5.2m] [%.*m]", p, p, p, p, 5, p)); printf("[%m] [%.3m] [%5.2m] [%-5.2m] [%.*m]|\n", p, p, p, p, 5, p); printf("%s|\n", sprintf("[%M] [%.3M] [%8.2M] [%-8.2M] [%.*M] [%.6M]", p, p, p, p, 4, p, p)); printf("[%M] [%.3M] [%8.2M] [%-8.2M] [%.*M] [%.6M]|\n", p, p, p, p, 4, p, p); printf("%s|\n", sprintf("%1b%2b%4b%b", 0x41, 0x4342, 0x47464544, 0x4f4e4d4c4b4a4948)); printf("%s|\n", sprintf("%-3.1bz", 0x41)); printf("%d\n", strlen(sprintf("%.100M", p))); x = sprintf("%.3m%0.2m%s", p, p, "after"); printf("%d %s\n", strlen(x), x) }' -c ./vars
--- stdout
[h] [hel] [   he] [he   ] [hello]|
[h] [hel] [   he] [he   ] [hello]|
[68] [68656c] [    6865] [6865    ] [68656c6c] [68656c6c6f00]|
[68] [68656c] [    6865] [6865    ] [68656c6c] [68656c6c6f00]|
ABCDEFGHIJKLMNO|
A|
127
5 helhe
