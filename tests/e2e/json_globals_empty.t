# -f json at the end: a statistic nothing was added to has a count and sum
# of 0 and null for the rest (text: `x @count=0x0`), an empty array or
# array of statistics is {} (text: nothing); @avg rounds toward zero
# (-10 / 4 is -2), as SystemTap's.
run: cd "$T" && uscript -f json -e 'global x, y, a, s; probe process("./add").function("add") { if (int_arg(1) > 100) { x <<< 1; a[1] = 1; s[1] <<< 1 } y <<< -int_arg(2) }' -c './add 4' | python3 "$D/json_records.py"; echo "status ${PIPESTATUS[*]}"
--- stdout
{"type":"global","data":{"name":"x","value":{"count":0,"sum":0,"min":null,"max":null,"avg":null}}}
{"type":"global","data":{"name":"y","value":{"count":4,"sum":-10,"min":-4,"max":-1,"avg":-2}}}
{"type":"global","data":{"name":"a","value":{}}}
{"type":"global","data":{"name":"s","value":{}}}
status 0 0
