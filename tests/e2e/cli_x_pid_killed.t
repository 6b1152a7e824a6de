# -x PID on a ticker that runs forever: killing it stops uscript, which runs end.
# alone: the ticker is killed after a fixed 0.8 s, by which uscript must have
# attached
run: cd "$T" && { ./ticker 0 & p=$!; (sleep 0.8; kill $p) & uscript -x $p -e 'global n; probe process.function("tick") { n++ } probe end { printf("end %d\n", n > 0) }'; echo "status $?"; wait; }
--- stdout
end 1
status 0
