# Inside try, printing the histogram of an empty statistic is caught, in a
# begin probe and in a process probe.
run: cd "$T" && uscript -e 'global e, f, s; probe begin { try { print(@hist_log(f)) } catch (m) { println("begin caught: ", m) } } probe process("./add").function("add") { s <<< $a; try { print(@hist_linear(e, 0, 10, 5)) } catch (m) { println("add caught: ", m) } }' -c './add 2'
--- stdout
begin caught: empty aggregate
add caught: empty aggregate
add caught: empty aggregate
s @count=2 @min=0 @max=1 @sum=1 @avg=0
