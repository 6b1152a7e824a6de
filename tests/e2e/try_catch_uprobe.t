# try/catch in a process probe: an error in a called function, a full
# array, a user-memory read that faults (its message with the address), and
# an error() with a formatted message; the probe goes on after each.
run: cd "$T" && uscript -e 'global a[2]; function f(x) { return 10 / x } probe process("./add").function("add") { try { printf("%d\n", f($a)) } catch (m) { println("caught: ", m) } try { a[$a] = 1 } catch (m) { println("caught: ", m) } try { println(user_string(0)) } catch (m) { println("caught: ", m) } try { if ($a == 1) error(sprintf("a is %d", $a)) } catch (m) { println("caught: ", m) } }' -c './add 3'
--- stdout
caught: division by 0
caught: user string copy fault -14 at 0x0 [man error::fault]
10
caught: user string copy fault -14 at 0x0 [man error::fault]
caught: a is 1
5
caught: Array overflow, check size limit (2)
caught: user string copy fault -14 at 0x0 [man error::fault]
a[0]=1
a[1]=1
