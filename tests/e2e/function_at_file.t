# needs: nothing
# .function("NAME@FILE") keeps the functions declared in a matching file
# (their inlined copies too), as SystemTap does; "NAME@FILE:LINE" with the
# line of the declaration is what pp() prints, so a point pp() printed can
# be written back; another line probes the same functions, with
# SystemTap's warning (which -l does not show, as stap's does not).  It
# needs debug information.
run: cd "$T" && for spec in 'scale@lines.c' 'twice@targets/lines.c' 'scale@lines.c:9' "scale@$(dirname "$D")/targets/lines.c:9" 'scale@lines.c:15' 'scale@other.c'; do uscript -l 'process("./lines").function("'$spec'")' 2>&1 | grep -v '^ '; done | sed -e "s|$T|T|" -e 's|@/[^"]*/lines.c|@lines.c|'; uscript -p2 -e 'probe process("./lines_stripped").function("scale@lines.c") {}' 2>&1 | grep error: | sed "s|$T|T|"; uscript -p2 -e 'probe process("./lines").function("scale@lines.c:15") {}' 2>&1 | grep warning:
--- stdout
process("T/lines").function("scale@lines.c:9")
process("T/lines").function("twice@lines.c:24")
process("T/lines").function("scale@lines.c:9")
process("T/lines").function("scale@lines.c:9")
process("T/lines").function("scale@lines.c:9")
<list>:1:7: error: probe point process("./lines").function("scale@other.c") does not resolve: no function named 'scale' in a source file matching 'other.c' in T/lines
<input>:1:7: error: probe point process("./lines_stripped").function("scale@lines.c") does not resolve: 'scale@lines.c' names a source file, which needs debug information, and T/lines_stripped has none (no separate debug file was found by build id or .gnu_debuglink beside it, in its .debug/ directory or under /usr/lib/debug, nor by debuginfod (DEBUGINFOD_URLS is not set); install its debug package (PACKAGE-dbgsym on Debian and Ubuntu, PACKAGE-debuginfo on Fedora), point DEBUGINFOD_URLS at a debuginfod server, or build it with -g)
<input>:1:7: warning: for probing a particular line, use a .statement() probe, not .function(): 'scale@lines.c:15' probes the functions 'scale' names in 'lines.c'
