# -x PID on a ticker that runs forever: killing it stops uscript, which runs end.
run: cd "$T" && { ./ticker 0 & p=$!; (sleep 0.8; kill $p) & uscript -x $p -e 'global n; probe process.function("tick") { n++ } probe end { printf("end %d\n", n > 0) }'; echo "status $?"; wait; }
--- stdout
end 1
status 0
