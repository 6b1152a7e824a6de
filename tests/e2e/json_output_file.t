# -f json with -o FILE: the records go to the file, stdout stays empty;
# -f text is the default, and --format is -f's long form.
run: cd "$T" && d=$(mktemp -d) && uscript -f json -o "$d/out" -e 'global n; probe process("./add").function("add") { n++; printf("%d\n", int_arg(1)) }' -c './add 2'; echo "status $?"; python3 "$D/json_records.py" < "$d/out"; uscript --format=text -e 'global n; probe process("./add").function("add") { n++ }' -c './add 2'; uscript --format json -e 'global n; probe process("./add").function("add") { n++ }' -c './add 2'; rm -rf "$d"
--- stdout
status 0
{"type":"printf","data":"0\n"}
{"type":"printf","data":"1\n"}
{"type":"global","data":{"name":"n","value":2}}
n=2
{"type": "global", "data": {"name": "n", "value": 2}}
