# The -c command starts as it would untraced: with the same ignored and
# blocked signals (here SIGUSR1 and SIGTERM ignored), and with none of
# uscript's own files open (such as the -o file).
run: cd "$T" && trap '' USR1 TERM && cmd='grep -E "^Sig(Blk|Ign)" /proc/self/status; ls /proc/self/fd' && a=$(sh -c "$cmd") && b=$(uscript -o "$T/untouched.out" -e 'probe begin { }' -c "sh -c '$cmd'") && rm -f "$T/untouched.out" && if [ "$a" = "$b" ]; then echo same; else printf '%s\n--- traced\n%s\n' "$a" "$b"; fi
--- stdout
same
