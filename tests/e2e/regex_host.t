# =~ and !~ in begin and end handlers, run on the host: the same patterns
# as SystemTap's testsuite gives, with its results; a pattern that matches
# the empty string, and one that can never match.
# needs: nothing
run: uscript -e 'probe begin { printf("%d %d %d %d %d %d\n", "xabcy" =~ "abc", "abcc" =~ "^abc$", "ace" =~ "a[b-d]e", "effg" =~ "(bc+d$|ef*g.|h?i(j|k))", "ij" =~ "(bc+d$|ef*g.|h?i(j|k))", "Hello world" =~ "^[[:alnum:][:space:]]*$") } probe end { s = "Mu'"'"'ammar al-Qadhafi"; printf("%d %d %d %d\n", s =~ "M[ou]'"'"'?am+[ae]r .*([AEae]l[- ])?[GKQ]h?[aeu]+([dtz][dhz]?)+af[iy]", s !~ "", s =~ "a^b", "" =~ "^$") }' -c true
--- stdout
1 0 1 0 1 1
1 0 0 1
