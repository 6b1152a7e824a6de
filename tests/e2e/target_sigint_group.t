# SIGINT to the process group of uscript and its -c command, as Ctrl-C at a
# terminal sends it: the command dies of it as it would untraced; uscript
# stops tracing, runs end, reports the command's end as staprun does, and
# exits 1.  Nothing is left running.
# alone: a signal to a process group, after a fixed half second
run: cd "$T" && { set -m; uscript -e 'global n; probe process.function("tick") { n++ } probe end { printf("end %d\n", n > 0) }' -c './ticker 0' & u=$!; until c=$(pgrep -x ticker -P $u); do sleep 0.05; done; sleep 0.5; kill -INT -- -$u; { wait $u; } 2>/dev/null; echo "status $?"; if kill -0 $c 2>/dev/null; then echo "command still running"; fi; }
--- stdout
end 1
status 1
--- stderr
WARNING: Child process exited with signal 2 (Interrupt)
