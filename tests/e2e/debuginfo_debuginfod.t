# alone: runs a debuginfod server on a loopback port of its own choosing
# Debug information served by a local debuginfod server (DEBUGINFOD_URLS,
# read through libdebuginfod): the stripped program's functions resolve by
# the downloaded file's symbols, $var reads, and a source line is probed;
# -v names the file in DEBUGINFOD_CACHE_PATH.  Without DEBUGINFOD_URLS the
# error says it is not set.
run: d=$(mktemp -d); "$D/debuginfo_layout.sh" store "$T/lines" $d && port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])') && { debuginfod -F $d/store -p $port -d $d/db.sqlite >$d/log 2>&1 & server=$!; } && id=$(readelf -n $d/prog | sed -n 's/.*Build ID: //p') && for i in $(seq 200); do curl -sf -o /dev/null http://127.0.0.1:$port/buildid/$id/debuginfo && break; sleep 0.1; done; export DEBUGINFOD_CACHE_PATH=$d/cache; DEBUGINFOD_URLS=http://127.0.0.1:$port uscript -v -e 'probe process("'$d'/prog").function("scale") { printf("%s %d %d\n", ppfunc(), $x, $k) } probe process("'$d'/prog").statement("scale@lines.c:14") { printf("line 14 step=%d\n", $step) }' -c "$d/prog 2" 2>&1 | grep -e "^uscript: the \(symbols\|debug information\) of" -e "^[^u]" | sed -e "s|$d|D|g" -e "s|/$id/|/BUILDID/|"; kill $server; wait $server; DEBUGINFOD_URLS= uscript -p2 -e 'probe process("'$d'/prog").statement("scale@lines.c:14") {}' 2>&1 | grep -o "nor by debuginfod ([^)]*)"; rm -r $d
--- stdout
uscript: the symbols of D/prog are read from D/cache/BUILDID/debuginfo
uscript: the debug information of D/prog is read from D/cache/BUILDID/debuginfo
scale 0 2
line 14 step=0
line 14 step=0
scale 1 2
line 14 step=0
line 14 step=1
nor by debuginfod (DEBUGINFOD_URLS is not set)
