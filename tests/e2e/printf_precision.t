# Precision of a number is its least count of digits; a number always has one digit.
run: uscript -e 'probe begin { printf("[%.3d][%.3d][%6.3d][%-6.3d][%.0d][%.5x][%08.3d]\n", 5, -5, 5, -5, 0, 255, 5); exit() }'
--- stdout
[005][-005][   005][-005  ][0][000ff][00000005]
