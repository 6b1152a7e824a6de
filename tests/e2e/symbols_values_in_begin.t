# In uscript's own handlers no thread is traced: an address names nothing,
# a stack is SystemTap's words, ucallers(-1) is empty, and umodname()
# finds no module, an error.
run: uscript -e 'probe begin { s = usymname(4096); printf("[%s][%s][%s][%s]\n%s", s, usymdata(0), sprint_ubacktrace(), ucallers(-1), sprint_ustack("0x10  0x20 zz")); printf("%s\n", umodname(5)) }'
--- stdout
[0x1000][0x0][<no user backtrace at begin>
][]
 0x10 : 0x10
 0x20 : 0x20
 zz : 0x0
--- stderr
ERROR: module cannot be found near <input>:1:165
--- status
1
