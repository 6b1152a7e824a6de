#!/bin/bash
# The start-up benchmark: the wall time and peak memory of a one-probe script
# on a target that returns at once, from exec'ing the tracer until it has
# exited, i.e. compile, load, attach, the target's run, detach and exit.
# bpftrace runs the same probe beside it when it is installed.
#
#   tests/bench/startup.sh [-n N] [--uscript PATH] [--no-bpftrace]
#
# Needs root (BPF) and a C compiler ($CC, default cc).  See tests/bench/README.
set -u

usage() {
	cat <<'EOF'
Usage: startup.sh [-n N] [--uscript PATH] [--no-bpftrace]

  -n N            measured runs per tool, after one warm-up run (default 20)
  --uscript PATH  the uscript to measure (default: $BUILDDIR/uscript, with
                  BUILDDIR the current directory, else the first on PATH)
  --no-bpftrace   measure uscript alone
  -h, --help      print this help
EOF
}

die() {
	echo "startup.sh: $*" >&2
	exit 1
}

runs=20
uscript=
use_bpftrace=1
while [ $# -gt 0 ]; do
	case $1 in
	-n)
		[ $# -ge 2 ] || die "-n needs a number"
		runs=$2
		shift 2 ;;
	-n*)
		runs=${1#-n}
		shift ;;
	--uscript)
		[ $# -ge 2 ] || die "--uscript needs a path"
		uscript=$2
		shift 2 ;;
	--uscript=*)
		uscript=${1#--uscript=}
		shift ;;
	--no-bpftrace)
		use_bpftrace=0
		shift ;;
	-h | --help)
		usage
		exit 0 ;;
	*)
		usage >&2
		exit 2 ;;
	esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "-n wants a positive whole number, not '$runs'"

me=startup.sh
# shellcheck source=tests/bench/common.sh
. "$(dirname "$0")/common.sh"

# ---- the targets, -O0 -g, as the e2e tests build theirs ----
[ -f "$src/tests/bench/targets/once.c" ] || die "no $src/tests/bench/targets/once.c"
for c in "$src"/tests/bench/targets/*.c; do
	name=$(basename "$c" .c)
	$CC -O0 -g -o "$work/$name" "$c" || die "cannot build $c with $CC"
done
target=$work/once

# ---- measure: runs a command and appends one line to a file:
#   wall_us maxrss_kb status settled_us
# wall_us runs from just before the fork to the command's exit (wait4), and
# maxrss_kb is the command's peak resident set from wait4's rusage (its
# reaped children count too: the target is tiny).  As a child subreaper it
# then waits for every process the command left behind (uscript releases its
# uprobe links in a background child: the kernel waits a grace period for
# each), and settled_us runs until the last of them has gone.  So no run's
# leftovers slow down the next one's attach, and the cost is still on record.
cat >"$work/measure.c" <<'EOF'
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t late;

static void on_alarm(int sig)
{
	(void)sig;
	late = 1;
}

static long since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000000L + (t.tv_nsec - t0->tv_nsec) / 1000;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: measure STATS CMD [ARG...]\n");
		return 2;
	}
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t pid = fork();
	if (pid < 0) {
		perror("measure: fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	int st;
	struct rusage ru;
	while (wait4(pid, &st, 0, &ru) < 0)
		if (errno != EINTR) {
			perror("measure: wait4");
			return 2;
		}
	long wall = since(&t0);
	struct sigaction sa = { .sa_handler = on_alarm };
	sigaction(SIGALRM, &sa, NULL);
	alarm(60);
	while ((wait(NULL) > 0 || errno == EINTR) && !late)
		;
	if (late) {
		fprintf(stderr, "measure: %s left a process running 60 s after it exited\n",
			argv[2]);
		return 3;
	}
	long settled = since(&t0);
	int code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	FILE *f = fopen(argv[1], "a");
	if (!f) {
		perror(argv[1]);
		return 2;
	}
	fprintf(f, "%ld %ld %d %ld\n", wall, ru.ru_maxrss, code, settled);
	return fclose(f) == 0 ? code : 2;
}
EOF
$CC -O2 -o "$work/measure" "$work/measure.c" || die "cannot build the measuring helper with $CC"

# ---- the tools and what each must print when the probe fired once ----
us_script="global n; probe process(\"$target\").function(\"f\") { n++ }"
bt_script="uprobe:$target:f { @n = count(); }"

# shellcheck disable=SC2034  # used through the nameref in measure()
cmd_uscript=("$uscript" -e "$us_script" -c "$target")
# shellcheck disable=SC2034
cmd_bpftrace=("$bpftrace" -e "$bt_script" -c "$target")
# uscript prints a global written but never read when it stops, as SystemTap does.
fired_uscript() { [ "$(cat "$1")" = "n=1" ]; }
fired_bpftrace() { grep -qx '@n: 1' "$1"; }

# measure TOOL: one warm-up run and $runs measured ones; every run must exit 0
# and show that the probe fired once.  Leaves the statistics in $work/TOOL.stats.
measure() {
	local tool=$1 i status
	local -n cmd=cmd_$tool
	rm -f "$work/$tool.stats"
	for ((i = 0; i <= runs; i++)); do
		"$work/measure" "$work/$tool.stats" "${cmd[@]}" >"$work/out" 2>"$work/err"
		status=$?
		if [ "$status" != 0 ] || ! "fired_$tool" "$work/out"; then
			echo "startup.sh: $tool did not run the probe (run $i, exit status $status)" >&2
			echo "  command:$(printf " %q" "${cmd[@]}")" >&2
			echo "  stdout:" >&2
			sed 's/^/    /' "$work/out" | head -20 >&2
			echo "  stderr:" >&2
			sed 's/^/    /' "$work/err" | head -20 >&2
			return 1
		fi
		# The warm-up run fills the page cache and is not counted.
		[ "$i" = 0 ] && rm -f "$work/$tool.stats"
	done
	return 0
}

# median COLUMN FILE: the median of one column, the mean of the middle two
# for an even count.
median() {
	sort -n -k"$1","$1" "$2" | awk -v c="$1" '{ v[NR] = $c }
		END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

measure uscript || exit 1
us_wall=$(median 1 "$work/uscript.stats")
us_rss=$(median 2 "$work/uscript.stats")
us_settled=$(median 4 "$work/uscript.stats")
bt_ok=0
if [ -n "$bpftrace" ]; then
	if measure bpftrace; then
		bt_ok=1
		bt_wall=$(median 1 "$work/bpftrace.stats")
		bt_rss=$(median 2 "$work/bpftrace.stats")
		bt_settled=$(median 4 "$work/bpftrace.stats")
	else
		echo "startup.sh: leaving bpftrace out" >&2
	fi
fi

row() { # tool wall_us rss_kb settled_us
	awk -v t="$1" -v w="$2" -v r="$3" -v s="$4" \
		'BEGIN { printf "%-9s %8.1f %13.1f %12.1f\n", t, w / 1000, r / 1024, s / 1000 }'
}
echo "start-up, one probe, -c on a target that returns at once ($runs runs, medians)"
printf '%-9s %8s %13s %12s\n' tool "wall ms" "peak RSS MB" "settled ms"
row uscript "$us_wall" "$us_rss" "$us_settled"
if [ "$bt_ok" = 1 ]; then
	row bpftrace "$bt_wall" "$bt_rss" "$bt_settled"
	awk -v uw="$us_wall" -v ur="$us_rss" -v bw="$bt_wall" -v br="$bt_rss" \
		'BEGIN { printf "ratio (bpftrace/uscript): wall %.1f, memory %.1f\n", bw / uw, br / ur }'
fi
