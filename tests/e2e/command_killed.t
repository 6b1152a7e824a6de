# A -c command killed by a signal: SystemTap's warning names the signal, the
# end probes run, and the status is 1.
run: uscript -e 'probe end { println("end") }' -c 'sh -c "kill -TERM \$\$"'
--- stdout
end
--- stderr
WARNING: Child process exited with signal 15 (Terminated)
--- status
1
