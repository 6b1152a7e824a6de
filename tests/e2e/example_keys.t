# examples/keys.up: arguments and return values by name on the demo; the
# 24th request (id 23) maps to key 0 again, which the cache has.
run: uscript "$D/../../examples/keys.up" -c "$T/demo 25" | grep -v '^demo:' | tail -6
--- stdout
request 22 -> key 16
            key 16 not cached
request 23 -> key  0
            key  0 cached
request 24 -> key  7
            key  7 cached
