# Braces in a probe point, as SystemTap expands them: the returns of two
# functions, and two kinds of point around one function ('!' inside the
# braces: the first that resolves is enough, so the missing function's
# point is not tried).
run: cd "$T" && uscript -e 'global n probe process("./demo").{function("compute"), function("cache_lookup")}.return { n[ppfunc()]++ } probe process("./demo").{function("parse_request")!, function("nosuch")} { n["parse"]++ } probe end { foreach (f+ in n) printf("%s %d\n", f, n[f]) }' -c './demo 4' | grep -v '^demo:'
--- stdout
cache_lookup 4
compute 4
parse 4
