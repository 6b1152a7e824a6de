# needs: nothing
# 10,000 levels of parentheses, of blocks and of ifs: each is one error
# inside the nest, and status 1, without running out of the C stack.
# Brackets are counted as they open, so the error is at the 1001st; an if
# nests only once its statement ends, so the parser's own stack, sized for
# 1000 levels, gives out first, further in.  (tests/parse/err_deep_*.up
# pin the limit itself.)
run: d=$(mktemp -d); n() { awk -v head="$1" -v open="$2" -v mid="$3" -v shut="$4" -v tail="$5" -f "$D/nesting.awk"; }; n 'probe begin { x =' '(' 1 ')' '}' > $d/parens.up; n 'probe begin' '{' '' '}' '' > $d/blocks.up; n 'probe begin {' 'if (x) ' 'x = 1' '' '}' > $d/ifs.up; cd $d; for f in parens blocks ifs; do out=$(uscript -p2 $f.up 2>&1); echo "status $?"; printf "%s\n" "$out" | grep error:; done; cd /; rm -r $d
--- stdout
status 1
parens.up:11:100: error: nesting too deep (more than 1000 levels)
status 1
blocks.up:12:1: error: nesting too deep (more than 1000 levels)
status 1
ifs.up:51:690: error: nesting too deep (more than 1000 levels)
