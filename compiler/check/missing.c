/* SPDX-License-Identifier: GPL-2.0-or-later */
/* missing.c — SystemTap's kernel functions that uscript does not have, and
 * why: the note after "unknown function" for a name a script ported from
 * SystemTap is likely to use (builtins.h). */
#include <string.h>

#include "builtins.h"

static const struct {
	const char *name;
	const char *why;
} missing[] = {
	{ "pid2task", "finding a task by its pid needs the kernel's pid table, which "
		      "uscript's BPF programs do not search; use task_current(), or a task "
		      "a tracepoint gives ($prev, $p)" },
	{ "task_start_time", "it takes a pid, and finding a task by its pid is not done in "
			     "BPF; what it gives of a task t is "
			     "@cast(t, \"task_struct\")->start_boottime" },
	{ "task_dentry_path", "the path of a dentry is not made in BPF yet: bpf_d_path is "
			      "allowed only in fentry and LSM programs, which this kernel "
			      "refuses, and the walk up the dentries is not written yet" },
	{ "d_path", "the path of a dentry is not made in BPF yet: bpf_d_path is allowed only "
		    "in fentry and LSM programs, which this kernel refuses" },
	{ "fullpath_struct_path", "the path of a struct path is not made in BPF yet: "
				  "bpf_d_path is allowed only in fentry and LSM programs, "
				  "which this kernel refuses" },
	{ "fullpath_struct_file", "the path of a struct file is not made in BPF yet: "
				  "bpf_d_path is allowed only in fentry and LSM programs, "
				  "which this kernel refuses" },
	{ "fullpath_struct_nameidata", "the path of a nameidata is not made in BPF yet" },
	{ "d_name", "a dentry's name is kernel_string(@cast(dentry, \"dentry\")->d_name->name)" },
	{ "addr_to_node", "the NUMA node of an address needs the kernel's page tables and "
			  "memory sections, which uscript does not read" },
};

const char *builtin_missing(const char *name)
{
	for (size_t i = 0; i < sizeof(missing) / sizeof(missing[0]); i++)
		if (strcmp(missing[i].name, name) == 0)
			return missing[i].why;
	return NULL;
}
