# -f json: a runtime error is an "error" record on the output, after what
# was printed before it, with its message and the place in the script (and
# inside the library, the script's call that led there); the error probes
# run after it, and the status is 1 as without -f json.  The -c command's
# failure is a "warning" record.  Nothing goes to stderr.
run: cd "$T" && uscript -u -f json -e 'probe process("./add").function("add") { printf("%d\n", 10 / int_arg(2)); x = 10 / int_arg(1) } probe error { printf("error probe\n") }' -c './add 3' | python3 "$D/json_records.py"; echo "status ${PIPESTATUS[*]}"; uscript -f json -e 'probe begin { println(ctime(-2147483649)) }' | python3 "$D/json_records.py"; echo "status ${PIPESTATUS[*]}"; uscript -f json -e 'probe process("./add").function("add") { printf("%d\n", int_arg(1)) }' -c "sh -c './add 2; exit 3'" | python3 "$D/json_records.py"; echo "status ${PIPESTATUS[*]}"
--- stdout
{"type":"printf","data":"10\n"}
{"type":"error","data":{"msg":"division by 0","file":"<input>","line":1,"column":82}}
{"type":"printf","data":"error probe\n"}
status 1 0
{"type":"error","data":{"msg":"Time too far in the past to be converted","file":"tapset/ctime.stp","line":15,"column":3,"context":"in ctime(), called from <input>:1:23"}}
status 1 0
{"type":"printf","data":"0\n"}
{"type":"printf","data":"1\n"}
{"type":"warning","data":{"msg":"Child process exited with status 3"}}
status 1 0
