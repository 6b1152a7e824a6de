# Writes HEAD, 10,000 OPENs 100 a line, MID, 10,000 SHUTs 100 a line and
# TAIL: the deep nesting parse_nesting_10000.t feeds the parser.
function hundred_lines_of(s,    i, j, line) {
	for (i = 0; i < 100; i++) {
		line = ""
		for (j = 0; j < 100; j++)
			line = line s
		print line
	}
}
BEGIN {
	print head
	hundred_lines_of(open)
	print mid
	hundred_lines_of(shut)
	print tail
}
