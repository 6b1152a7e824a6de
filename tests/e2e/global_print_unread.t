# Globals written but never read are printed at the end, after the script's own end
# output, in declaration order: name=value for a long, name="value" for a string.
run: uscript -e 'global s, x; probe begin { x = 5; s = "str"; exit() } probe end { println("end") }'
--- stdout
end
s="str"
x=5
