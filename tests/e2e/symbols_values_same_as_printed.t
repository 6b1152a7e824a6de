# The value of sprint_ubacktrace(), made in the probe, has the bytes the
# runtime prints for it, libc's frame included, cut at MAXSTRINGLEN - 1
# bytes in the same place; so has usymname().  PIE and non-PIE programs.
run: cd "$T" && for p in stacks stacks_nopie; do for m in 128 60; do uscript -D MAXSTRINGLEN=$m -e 'probe process("./'$p'").function("apply") { s = sprint_ubacktrace(); n = usymname(pointer_arg(1)); printf("%s%s\n==\n", s, n); printf("%s%s\n", sprint_ubacktrace(), usymname(pointer_arg(1))); exit() }' -c "./$p 3" > out.$$; if diff <(sed -n '1,/^==$/p' out.$$ | head -n -1) <(sed -n '/^==$/,$p' out.$$ | tail -n +2) >/dev/null && grep -q square out.$$; then echo "$p $m same"; else cat out.$$; fi; done; done; rm -f out.$$
--- stdout
stacks 128 same
stacks 60 same
stacks_nopie 128 same
stacks_nopie 60 same
