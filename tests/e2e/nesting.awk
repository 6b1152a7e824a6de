# Writes HEAD, 10,000 OPENs 100 a line, MID, 10,000 SHUTs 100 a line and
# TAIL: the deep nesting parse_nesting_10000.t feeds the parser.
BEGIN {
	print head
	for (i = 0; i < 100; i++) {
		line = ""
		for (j = 0; j < 100; j++)
			line = line open
		print line
	}
	print mid
	for (i = 0; i < 100; i++) {
		line = ""
		for (j = 0; j < 100; j++)
			line = line shut
		print line
	}
	print tail
}
