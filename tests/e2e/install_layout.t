# `make install` puts the program, the man page (naming where the guide and
# the examples went), the guide, the README, the examples (executable, run
# by their #! line) with the demo programs' sources, the bash completion and
# the Vim files where a package would have them, the tapset's files to read;
# and an installed example
# runs, from where it was installed, on a demo built from the installed
# source, with the installed uscript first on PATH.
# alone: it copies the build's 50 MB binary
run: d=$(mktemp -d); env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$BUILDDIR" install DESTDIR=$d prefix=/usr >/dev/null 2>&1; echo "install $?"; cd $d && find . -type f | sort; test -x usr/share/doc/uscript/examples/calls.up && echo "calls.up is executable"; grep -c '/usr/share/doc/uscript/guide.md' usr/share/man/man1/uscript.1; cc -g -o $d/demo usr/share/doc/uscript/examples/demo.c && PATH=$d/usr/bin:$PATH usr/share/doc/uscript/examples/calls.up -c "$d/demo 3" | grep -v '^demo:' | sed 's/[0-9][0-9]*/N/g' | tr -s ' '; rm -rf $d
--- stdout
install 0
./usr/bin/uscript
./usr/share/bash-completion/completions/uscript
./usr/share/doc/uscript/COPYING
./usr/share/doc/uscript/README.md
./usr/share/doc/uscript/examples/cache.up
./usr/share/doc/uscript/examples/calls.up
./usr/share/doc/uscript/examples/demo.c
./usr/share/doc/uscript/examples/keys.up
./usr/share/doc/uscript/examples/latency.up
./usr/share/doc/uscript/examples/ledger.cc
./usr/share/doc/uscript/examples/mallocsizes.up
./usr/share/doc/uscript/examples/methods.up
./usr/share/doc/uscript/examples/persec.up
./usr/share/doc/uscript/examples/profile.up
./usr/share/doc/uscript/examples/rate.up
./usr/share/doc/uscript/examples/slow.up
./usr/share/doc/uscript/examples/topcalls.up
./usr/share/doc/uscript/guide.md
./usr/share/man/man1/uscript.1
./usr/share/uscript/tapset/ansi.stp
./usr/share/uscript/tapset/argv.stp
./usr/share/uscript/tapset/aux_syscalls.stp
./usr/share/uscript/tapset/container_of.stpm
./usr/share/uscript/tapset/context.stp
./usr/share/uscript/tapset/context.stpm
./usr/share/uscript/tapset/context_symbols.stp
./usr/share/uscript/tapset/ctime.stp
./usr/share/uscript/tapset/dev.stp
./usr/share/uscript/tapset/endian.stp
./usr/share/uscript/tapset/errno.stp
./usr/share/uscript/tapset/floatingpoint.stp
./usr/share/uscript/tapset/indent.stp
./usr/share/uscript/tapset/inet.stp
./usr/share/uscript/tapset/inet.stpm
./usr/share/uscript/tapset/init.stp
./usr/share/uscript/tapset/input.stp
./usr/share/uscript/tapset/ioblock.stp
./usr/share/uscript/tapset/ip.stp
./usr/share/uscript/tapset/irq.stp
./usr/share/uscript/tapset/json.stp
./usr/share/uscript/tapset/json.stpm
./usr/share/uscript/tapset/kprocess.stp
./usr/share/uscript/tapset/logging.stp
./usr/share/uscript/tapset/memory.stp
./usr/share/uscript/tapset/nd_syscalls.stp
./usr/share/uscript/tapset/networking.stp
./usr/share/uscript/tapset/null.stp
./usr/share/uscript/tapset/offsetof.stpm
./usr/share/uscript/tapset/oneshot.stp
./usr/share/uscript/tapset/print_stats.stpm
./usr/share/uscript/tapset/private30.stpm
./usr/share/uscript/tapset/proc_mem.stp
./usr/share/uscript/tapset/prometheus.stp
./usr/share/uscript/tapset/prometheus.stpm
./usr/share/uscript/tapset/queue_stats.stp
./usr/share/uscript/tapset/registers.stp
./usr/share/uscript/tapset/scheduler.stp
./usr/share/uscript/tapset/signal.stp
./usr/share/uscript/tapset/sizeof.stpm
./usr/share/uscript/tapset/speculative.stp
./usr/share/uscript/tapset/stopwatch.stp
./usr/share/uscript/tapset/string.stp
./usr/share/uscript/tapset/switchfile.stp
./usr/share/uscript/tapset/syscall_any.stp
./usr/share/uscript/tapset/syscalls.stp
./usr/share/uscript/tapset/syscalls_more.stp
./usr/share/uscript/tapset/target_set.stp
./usr/share/uscript/tapset/task.stpm
./usr/share/uscript/tapset/task_kernel.stp
./usr/share/uscript/tapset/this.stpm
./usr/share/uscript/tapset/this1.stp
./usr/share/uscript/tapset/this2.stp
./usr/share/uscript/tapset/this3.stp
./usr/share/uscript/tapset/this4.stp
./usr/share/uscript/tapset/this5.stp
./usr/share/uscript/tapset/this6.stp
./usr/share/uscript/tapset/this7.stp
./usr/share/uscript/tapset/this8.stp
./usr/share/uscript/tapset/timestamp.stp
./usr/share/uscript/tapset/tokenize.stp
./usr/share/uscript/tapset/try_assign.stpm
./usr/share/uscript/tapset/type_defined.stpm
./usr/share/uscript/tapset/tzinfo.stp
./usr/share/uscript/tapset/ucontext_symbols.stp
./usr/share/uscript/tapset/uconversions.stp
./usr/share/vim/vimfiles/ftdetect/uscript.vim
./usr/share/vim/vimfiles/syntax/uscript.vim
calls.up is executable
1
request result microseconds
N N N
N N N
N N N
