# -f json: what BPF probes print and what is left at the end, each a JSON
# object a line that a JSON parser reads back (json_records.py): a printf
# call a "printf" record; print(@hist_…) the buckets that count, with the
# element's key for an array of statistics; the unread globals in
# declaration order, arrays as objects nested one level a key in
# SystemTap's display order (largest value first), statistics as their
# aggregates.  The script is json_uprobe_records.up.
run: cd "$T" && uscript -f json "$D/json_uprobe_records.up" -c './add 4' | python3 "$D/json_records.py"; echo "status ${PIPESTATUS[*]}"
--- stdout
{"type":"printf","data":"add(0, 1)\n"}
{"type":"printf","data":"add(1, 2)\n"}
{"type":"printf","data":"add(2, 3)\n"}
{"type":"printf","data":"add(3, 4)\n"}
{"type":"hist","data":{"name":"h","kind":"log","buckets":[{"min":1,"max":1,"count":1},{"min":2,"max":3,"count":2},{"min":4,"max":7,"count":1}]}}
{"type":"hist","data":{"name":"lat","key":[1],"kind":"linear","buckets":[{"min":2,"max":3,"count":1},{"min":4,"max":5,"count":1}]}}
{"type":"global","data":{"name":"calls","value":4}}
{"type":"global","data":{"name":"pairs","value":{"1":{"3":4,"1":2},"0":{"2":3,"0":1}}}}
{"type":"global","data":{"name":"who","value":{"add":4}}}
{"type":"global","data":{"name":"s","value":{"count":4,"sum":10,"min":1,"max":4,"avg":2}}}
{"type":"global","data":{"name":"parity","value":{"0":{"count":2,"sum":2,"min":0,"max":2,"avg":1},"1":{"count":2,"sum":4,"min":1,"max":3,"avg":2}}}}
{"type":"global","data":{"name":"last","value":"add(3, 4)"}}
status 0 0
