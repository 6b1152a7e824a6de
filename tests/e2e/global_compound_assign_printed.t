# Likewise x += v: a read-modify-write of x that is not otherwise used prints x.
run: cd "$T" && uscript -e 'global sum; probe process("./add").function("add").return { sum += returnval() }' -c './add 3'
--- stdout
sum=9
