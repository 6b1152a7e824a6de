#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# returns_battery.sh — runs each mode of $T/battery (fork, exec, vfork,
# threads, setjmp, makecontext/swapcontext, deep recursion, siglongjmp out of
# a signal handler) twice: untraced, then under uscript with a .return
# probe on every function of the program and of its C library.  The C
# library is a private copy in a scratch directory, which the program loads
# through LD_LIBRARY_PATH, so that no other process on the machine maps the
# probed file.  Prints "MODE: same" when the program's output and uscript's
# status and stderr are those of the untraced run, else what differs.  Then
# $T/battery_cxx, whose exception is thrown through probed frames: the
# warning is given, and the program ends in std::terminate.
set -u
scratch=$(mktemp -d "${TMPDIR:-/tmp}/uscript-battery.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
libc=$(ldd "$T/battery" | sed -n 's|.*libc\.so\.6 => \([^ ]*\) .*|\1|p')
mkdir "$scratch/lib" && cp "$libc" "$scratch/lib/libc.so.6" || exit 1
cp "$T/battery" "$scratch/battery" || exit 1
run() { env LD_LIBRARY_PATH="$scratch/lib" "$@"; }
script='probe process("'$scratch'/lib/libc.so.6").function("*").return { n++ }
	probe process("'$scratch'/battery").function("*").return { n++ }'
for mode in fork exec vfork threads setjmp context recurse sigjmp; do
	want=$(timeout 20 env LD_LIBRARY_PATH="$scratch/lib" "$scratch/battery" "$mode" 2>&1; echo "status $?")
	got=$(timeout 60 uscript -e "$script" -c "env LD_LIBRARY_PATH=$scratch/lib $scratch/battery $mode" \
		2>"$scratch/err"; echo "status $?")
	# The note on what the libc wildcard leaves out is expected, and so are
	# the warning on the functions whose first instruction the kernel
	# refuses and the count of returns it did not report, which is shown.
	err=$(grep -v -e "^<input>:1:7: note: [0-9]* functions that '\*' matches get no .return probe" \
		-e "^<input>:1:7: warning: [0-9]* probe points\? of .* cannot be probed and w" \
		-e '^ *[0-9]* | ' -e '^ *| ' -e '^WARNING: Number of returns missed: ' "$scratch/err")
	missed=$(sed -n 's/^WARNING: Number of returns missed: \([0-9]*\) .*/, \1 returns missed/p' \
		"$scratch/err")
	if [ "$want" == "$got" ] && [ -z "$err" ]; then
		echo "$mode: same$missed"
	else
		echo "$mode: differs"
		diff <(echo "$want") <(echo "$got") | head -10
		echo "$err" | head -5
	fi
done
cxx=$(timeout 60 uscript -e 'probe process("'$T'/battery_cxx").function("*").return { n++ }' \
	-c "$T/battery_cxx" 2>&1 >/dev/null)
echo "cxx: status $? $(echo "$cxx" | grep -c 'warning: a C++ exception thrown through a function with a .return probe ends the program') warning, $(echo "$cxx" | grep -c 'Child process exited with signal 6') abort"
# Every program the battery started has ended (uscript's own child, which
# releases the probes after uscript has exited, may still be at it).
sleep 0.2
pgrep -f "^$scratch/battery" >/dev/null && echo "left running: $(pgrep -af "^$scratch/battery")"
exit 0
