# needs: nothing
# A script with nothing in it but blanks and comments is an error that
# names it, in SystemTap's words: a file, standard input, and -e ''.
run: d=$(mktemp -d); : > $d/empty.up; printf '# only a comment\n\n' > $d/comments.up; { uscript $d/empty.up; echo "status $?"; uscript $d/comments.up; echo "status $?"; uscript - < $d/comments.up; echo "status $?"; uscript -e ''; echo "status $?"; } 2>&1 | sed "s|$d|D|"; rm -r $d
--- stdout
uscript: error: input file 'D/empty.up' is empty
status 1
uscript: error: input file 'D/comments.up' is empty
status 1
uscript: error: input file '<stdin>' is empty
status 1
uscript: error: input file '<input>' is empty
status 1
