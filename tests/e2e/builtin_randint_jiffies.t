# randint(n) is in [0, n) in a process probe and in end, 0 for 0, and
# SystemTap's error "range too wide" above 2^20; jiffies() is the kernel's
# counter, the same in a process probe and in end; get_cycles() counts.
run: cd "$T" && uscript -e 'global n, j probe process("./add").function("add") { r = randint(5); if (r < 0 || r >= 5) println("out of range"); n[r]++; j = jiffies() } probe end { println(randint(0)); foreach (k in n) c++; println(c > 1); println(j > 0 && jiffies() >= j && jiffies() - j < 10000, " ", get_cycles() > 0); try { randint(1048577) } catch (m) { println(m) } println(randint(1048576) < 1048576); randint(-1) }' -c './add 200'; echo "status $?"
--- stdout
0
1
1 1
range too wide
1
status 1
--- stderr
ERROR: range too wide near <input>:1:380
