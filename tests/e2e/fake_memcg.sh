#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# fake_memcg.sh LIMIT USAGE COMMAND... — runs COMMAND where the memory
# cgroup of this process seems to have LIMIT bytes and to use USAGE, for
# the check of the maps' size against the cgroup's limit.
#
# Nothing real changes: in a mount namespace of its own (run it under
# unshare -m), a tmpfs with the two files of the cgroup's limit and usage
# is mounted over the cgroup's directory, which only this namespace sees.
# The cgroup is found the way uscript finds it: in cgroup v2 ("0::PATH" in
# /proc/self/cgroup) when a cgroup2 file system is mounted and has the
# memory controller, else in the v1 hierarchy with the memory controller.
set -eu
limit=$1 usage=$2
shift 2
mount_of() { # fstype [super option]
	awk -v t="$1" -v o="${2:-}" '{
		for (i = 1; $i != "-"; i++) ;
		if ($(i + 1) != t) next
		if (o != "" && ("," $(i + 3) ",") !~ ("," o ",")) next
		print $4, $5; exit
	}' /proc/self/mountinfo
}
read -r root mnt < <(mount_of cgroup2) || true
if [ -n "${mnt:-}" ] && grep -qw memory "$mnt/cgroup.controllers" 2>/dev/null; then
	path=$(sed -n 's/^0:://p' /proc/self/cgroup)
	files=(memory.max memory.current)
else
	read -r root mnt < <(mount_of cgroup memory)
	path=$(awk -F: '("," $2 ",") ~ /,memory,/ { print $3 }' /proc/self/cgroup)
	files=(memory.limit_in_bytes memory.usage_in_bytes)
fi
[ "$root" != / ] && path=${path#"$root"}
dir=$mnt${path%/}
mount -t tmpfs fake-memcg "$dir"
echo "$limit" > "$dir/${files[0]}"
echo "$usage" > "$dir/${files[1]}"
exec "$@"
