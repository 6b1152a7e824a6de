# SystemTap reads at most one flag; a '0' after another flag starts the width, so
# "%-05d" is left-justified in 5 and "%+05d" is not zero-padded.
run: uscript -e 'probe begin { printf("[%-05d][%+05d][% 05d][%#08x]\n", 5, 5, 5, 255); exit() }'
--- stdout
[5    ][   +5][    5][    0xff]
