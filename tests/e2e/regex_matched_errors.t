# What matched() cannot answer is a runtime error at the call: after a
# =~ that failed (a match before it is forgotten), a group the pattern
# does not have, a pattern too large to tell where it matched; and in a
# probe where no =~ has run, ngroups().
run: cd "$T" && for s in 'if ("abc" =~ "(b)") println(matched(1)); if ("abc" =~ "x") println("x"); println(matched(0))' 'if ("abc" =~ "(b)") println(matched(2))' 'if ("ab" =~ "(a|b){40}|ab") println(matched(0))' 'println(ngroups())'; do uscript -e "probe process(\"./add\").function(\"add\") { $s }" -c ./add 2>&1; echo "status $?"; done
--- stdout
b
ERROR: matched(): the last =~ in this probe did not match, or none has run near <input>:1:123
status 1
ERROR: matched(2): no such group: the pattern the last =~ matched has 1 near <input>:1:70
status 1
ERROR: matched(): the pattern the last =~ matched is too large to tell where (more than 64 positions or 11 groups) near <input>:1:78
status 1
ERROR: ngroups(): the last =~ in this probe did not match, or none has run near <input>:1:50
status 1
