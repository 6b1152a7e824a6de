# @avg of an element of an array of statistics that was never added to:
# "empty aggregate", status 1.
run: uscript -e 'global s; probe begin { s[1] <<< 1; println(@avg(s[1])); println(@avg(s[2])) }'
--- stdout
1
--- stderr
ERROR: empty aggregate near <input>:1:66
--- status
1
