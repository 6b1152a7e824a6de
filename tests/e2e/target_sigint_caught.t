# A -c command that catches SIGINT itself: SIGINT to the process group
# (Ctrl-C) stops uscript (end runs, status 0) and is handled by the command,
# which runs on to its own end, untraced, as it would without uscript.
# alone: a signal to a process group, after a fixed half second
run: cd "$T" && { set -m; uscript -o "$T/sigint_caught.out" -e 'global n; probe process.function("work") { n++ } probe end { printf("end %d\n", n > 0) }' -c './family catch' & u=$!; until c=$(pgrep -x family -P $u); do sleep 0.05; done; sleep 0.5; kill -INT -- -$u; { wait $u; } 2>/dev/null; echo "status $?"; while kill -0 $c 2>/dev/null; do sleep 0.05; done; cat "$T/sigint_caught.out"; rm -f "$T/sigint_caught.out"; }
--- stdout
caught
status 0
bye
end 1
