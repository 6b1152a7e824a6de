# -w leaves out warnings (the C++ .return one here), -W makes them errors
# (status 1, nothing runs), and -q leaves out the warnings and the one about
# the -c command's exit status, which still makes the status 1.
run: cd "$T"; s='probe process("./cxx_names").function("shapes::Circle::grow").return { n++ } global n probe end { println(n > 0) }'; uscript -w -e "$s" -c ./cxx_names >/dev/null; echo "status $?"; uscript -W -e "$s" -c ./cxx_names 2>&1 | grep -c "error: a C++ exception"; echo "status ${PIPESTATUS[0]}"; uscript -q -e 'probe begin { println("ran") }' -c 'sh -c "exit 3"'; echo "status $?"
--- stdout
status 0
1
status 1
ran
status 1
