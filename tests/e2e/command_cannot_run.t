# A -c command that cannot be executed: the reason, SystemTap's warning about
# the child's status (127, as a shell gives), the end probes, and status 1.
run: uscript -c ./no-such-program -e 'probe end { println("end") }'
--- stdout
end
--- stderr
uscript: cannot run './no-such-program': No such file or directory
WARNING: Child process exited with status 127
--- status
1
