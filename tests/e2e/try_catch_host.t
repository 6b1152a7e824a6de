# try/catch in a begin probe: division by 0, error(), an array overflow and
# an error in a called function are caught, the message without "ERROR: "
# or the location; try nests, and an error in a catch block goes to the
# enclosing try.  Nothing is reported and the script goes on.
# -u: nothing uses the value whose evaluation fails or loops, and elision
# would leave it out (SystemTap's own tests of these errors run stap -u).
run: uscript -u -e 'global a[1]; function f(x) { return 10 / x } probe begin { try { println("a"); x = 0; println(1 / x); println("not reached") } catch (m) { println("caught: ", m) } try { error("boom") } catch { println("caught without a variable") } try { a[1] = 1; a[2] = 2 } catch (m) { println("caught: ", m) } try { try { f(0) } catch (e) { println("inner: ", e); error("again") } } catch (e2) { println("outer: ", e2) } println("end of begin"); exit() }'
--- stdout
a
caught: division by 0
caught without a variable
caught: Array overflow, check size limit (1)
inner: division by 0
outer: again
end of begin
a[1]=1
