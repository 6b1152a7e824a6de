# In begin (run by uscript itself) ppid() is the shell that started uscript, pid() is not.
run: uscript -e 'probe begin { printf("%d %d %d\n", ppid() == $1, pid() != $1, tid() == pid()); exit() }' $$; true
--- stdout
1 1 1
