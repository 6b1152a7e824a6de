# -f json: events the ring buffer could not take are a "lost_events"
# record, at the end of the output: with two threads flooding a 4 KiB ring
# some are lost, and the printf records plus the count make up every call
# of both threads, exactly (as events_lost_counted.t without -f json).
# alone: its two threads must run at once, one on each of two CPUs
run: cd "$T" && d=$(mktemp -d) && { uscript -f json -D BUFSIZE=4096 -e 'probe process("./flood").function("line") { printf("%d %d\n", tid(), int_arg(1)) }' -c './flood 100000 2' > "$d/out" 2> "$d/err"; echo "status $?"; python3 -c 'import json, sys; recs = [json.loads(l) for l in sys.stdin]; lost = [r["data"]["events"] for r in recs if r["type"] == "lost_events"]; n = sum(r["type"] == "printf" for r in recs); print("sum", n + sum(lost)); print("lost records", len(lost), "last" if recs[-1]["type"] == "lost_events" else "not last"); print("some lost" if lost and lost[0] > 0 else "none lost"); print("other", len(recs) - n - len(lost))' < "$d/out"; wc -c < "$d/err"; rm -rf "$d"; }
--- stdout
status 0
sum 200000
lost records 1 last
some lost
other 0
0
