# Return probes never harm a process: a program that forks, execs, vforks,
# runs threads, longjmps, switches contexts, recurses past 64 levels and
# siglongjmps out of a signal handler prints the same, and ends the same,
# with a .return probe on every function of its own and of its C library
# (a private copy) as without.  Recursion 200 deep leaves 203 calls pending
# (main, do_recurse, 201 of rec), of which the kernel reports the returns of
# 64: the other 139 are counted and reported.  C++ exceptions cannot unwind
# through a return probe: that is said in a warning, and happens.
run: T="$T" "$D/returns_battery.sh"
--- stdout
fork: same
exec: same
vfork: same
threads: same
setjmp: same
context: same
recurse: same, 139 returns missed
sigjmp: same
cxx: status 1 1 warning, 1 abort
