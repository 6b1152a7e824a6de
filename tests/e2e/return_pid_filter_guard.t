# A probe that acts only for the target (its handler starts with
# `if (pid() != target()) next`) gets the kernel's pid filter: another
# process running the same file never traps, and its stack is never touched
# (it gets no [uprobes] page).  A handler that tests the pid further on
# gets no filter, and the other process traps.
# alone: waits for a process of its own to start and end
run: cd "$T" && for body in 'if (pid() != target()) next; n++' 'if (pid() == target()) n++; all++'; do ./ticker 100 & other=$!; sleep 0.1; uscript -e 'global n, all = 0; probe process("./ticker").function("tick").return { '"$body"' } probe end { printf("%d returns in the target\n", n); delete all }' -c './ticker 20'; echo "the other process has $(grep -c '\[uprobes\]' /proc/$other/maps) [uprobes] page"; kill $other; wait $other 2>/dev/null; done; true
--- stdout
20 returns in the target
the other process has 0 [uprobes] page
20 returns in the target
the other process has 1 [uprobes] page
