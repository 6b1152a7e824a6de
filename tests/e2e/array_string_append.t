# .= on string elements: a missing element starts as "".
run: uscript -e 'global s; probe begin { s[1] .= "ab"; s[1] .= "cd"; s[2] = "x"; s[2] .= s[1]; printf("%s %s [%s]\n", s[1], s[2], s[3]); exit() }'
--- stdout
abcd xabcd []
