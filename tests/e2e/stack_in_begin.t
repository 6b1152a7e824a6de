# In uscript's own handlers there is no traced thread.  SystemTap says so
# in a stack's place, with the probe point; ubacktrace(), which names
# nothing, is a bare line; usymname() gives the address.
run: uscript -e 'probe begin { print_ubacktrace(); printf("[%s][%s]\n", sprint_ubacktrace(), ubacktrace()); printf("[%s] [%s]\n", usymname(4096), usymname(0)) } probe timer.ms(10) { print_ubacktrace(); exit() }'
--- stdout
<no user backtrace at begin>
[<no user backtrace at begin>
][
]
[0x1000] [0x0]
<no user backtrace at timer.ms(10)>
