# A probe that acts only for the target (its handler starts with
# `if (pid() != target()) next`) gets the kernel's pid filter: another
# process running the same file gets no breakpoint (the first byte of tick
# stays 55, push %rbp) and its stack is never touched.  A handler that
# tests the pid further on gets no filter, and the other process has the
# breakpoint (cc, int3) while the script runs.
# alone: reads another process's code while the script runs
run: cd "$T" && for body in 'if (pid() != target()) next; n++' 'if (pid() == target()) n++; all++'; do ./ticker 200 & other=$!; sleep 0.1; base=$((16#$(grep -m1 "$PWD/ticker" /proc/$other/maps | cut -d- -f1))); addr=$((base + 16#$(nm ./ticker | awk '$3 == "tick" { print $1 }'))); uscript -e 'global n, all = 0; probe process("./ticker").function("tick").return { '"$body"' } probe end { printf("%d returns in the target\n", n); delete all }' -c './ticker 40' & us=$!; sleep 0.25; echo "tick in the other process starts with $(dd if=/proc/$other/mem bs=1 skip=$addr count=1 iflag=skip_bytes 2>/dev/null | od -An -tx1 | tr -d ' ')"; wait $us; kill $other; wait $other 2>/dev/null; done; true
--- stdout
tick in the other process starts with 55
40 returns in the target
tick in the other process starts with cc
40 returns in the target
