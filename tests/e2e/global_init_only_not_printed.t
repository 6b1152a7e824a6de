# An initializer is not a write (SystemTap's varuse_collecting_visitor looks only at
# probe and function bodies): a global that is only initialized is not printed;
# nothing else names them, so they are elided, as stap says.
run: uscript -e 'global n = 3, s = "init"; probe begin { exit() } probe end { println("end") }'
--- stdout
end
--- stderr
<input>:1:8: warning: Eliding unused variable 'n'
    1 | global n = 3, s = "init"; probe begin { exit() } probe end { println("end") }
      |        ^
<input>:1:15: warning: Eliding unused variable 's'
    1 | global n = 3, s = "init"; probe begin { exit() } probe end { println("end") }
      |               ^
