# foreach runs in an error probe too, over what was stored before the error.
run: uscript -e 'global a; probe begin { a["x"] = 1; a["y"] = 2; error("oops") } probe error { foreach (v = [k] in a-) printf("%s=%d\n", k, v) }'
--- stdout
y=2
x=1
--- stderr
ERROR: oops near <input>:1:49
--- status
1
