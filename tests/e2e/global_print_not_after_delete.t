# delete counts as a use of the array (staptree.cxx varuse_collecting_visitor
# treats it as read and written), so an array otherwise only written is not
# printed at the end, while one updated by .= still is.
run: uscript -e 'global a, s; probe begin { a[1] = 1; a[2] = 2; delete a[2]; s[1] .= "x"; exit() }'
--- stdout
s[1]="x"
