# @max of an empty statistic: "empty aggregate", status 1.
run: uscript -e 'global x; probe begin { if (0) x <<< 1; println(@max(x)) }'
--- stderr
ERROR: empty aggregate near <input>:1:49
--- status
1
