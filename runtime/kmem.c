/* SPDX-License-Identifier: GPL-2.0-or-later */
/* kmem.c — the kernel memory a program's maps take.
 *
 * The kernel creates every map at its full size when the object is loaded:
 * a hash map preallocates all its elements, a per-CPU map a value for each
 * possible CPU.  A MAXMAPENTRIES the machine cannot hold is refused only
 * after the kernel has tried to reclaim memory for it, which takes a minute
 * or more, and a size it can barely hold leaves the machine without memory.
 * So the size is worked out from the object before it is loaded, the way
 * the kernel counts it (its fdinfo "memlock", which -v shows after the
 * load), and compared with the memory the machine has available and what
 * uscript's memory cgroups still allow: BPF memory is charged to the
 * memory cgroup of the process that creates the map. */
#define _GNU_SOURCE
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime.h"

static uint64_t round8(uint64_t n)
{
	return (n + 7) & ~(uint64_t)7;
}

static uint64_t pow2_at_least(uint64_t n)
{
	uint64_t p = 1;
	while (p < n)
		p <<= 1;
	return p;
}

/* What the kernel charges for one map, as its map_mem_usage functions
 * count it (kernel/bpf/hashtab.c, arraymap.c, ringbuf.c), give or take
 * the few hundred bytes of the map's own header. */
static uint64_t map_bytes(const struct bpf_map *m, uint64_t ncpus, uint64_t page)
{
	uint64_t entries = bpf_map__max_entries(m);
	uint64_t key = round8(bpf_map__key_size(m)), value = round8(bpf_map__value_size(m));
	/* A hash element's header: its list node, hash and extra pointers. */
	const uint64_t elem_hdr = 48, bucket = 16;
	switch (bpf_map__type(m)) {
	case BPF_MAP_TYPE_HASH:
		/* Preallocated, with a spare element per CPU for updates. */
		return bucket * pow2_at_least(entries) + (entries + ncpus) * (elem_hdr + key + value);
	case BPF_MAP_TYPE_LRU_HASH:
		return bucket * pow2_at_least(entries) + entries * (elem_hdr + key + value);
	case BPF_MAP_TYPE_PERCPU_HASH:
	case BPF_MAP_TYPE_LRU_PERCPU_HASH:
		/* The element holds a pointer to its values, one per CPU. */
		return bucket * pow2_at_least(entries) + entries * (elem_hdr + key + 8) +
		       entries * value * ncpus;
	case BPF_MAP_TYPE_ARRAY:
		return (entries * value + page - 1) / page * page;
	case BPF_MAP_TYPE_PERCPU_ARRAY:
		return entries * (8 + value * ncpus);
	case BPF_MAP_TYPE_RINGBUF:
		/* Its pages, the two of its header, and its data mapped twice
		 * (pointers only). */
		return entries + 2 * page + 2 * (entries / page + 2) * 8;
	default:
		return entries * (key + value);
	}
}

/* The number FILE holds, or false where it holds none ("max"). */
static bool read_number(const char *file, uint64_t *v)
{
	FILE *f = fopen(file, "re");
	if (!f)
		return false;
	unsigned long long n;
	bool ok = fscanf(f, "%llu", &n) == 1;
	fclose(f);
	if (ok)
		*v = n;
	return ok;
}

/* Whether the comma-separated LIST holds WORD. */
static bool has_word(const char *list, const char *word)
{
	size_t n = strlen(word);
	for (const char *w = list; w; w = strchr(w, ',') ? strchr(w, ',') + 1 : NULL)
		if (strncmp(w, word, n) == 0 && (w[n] == ',' || w[n] == '\0'))
			return true;
	return false;
}

/* MemAvailable from /proc/meminfo, in bytes; UINT64_MAX if unknown. */
static uint64_t mem_available(void)
{
	FILE *f = fopen("/proc/meminfo", "re");
	if (!f)
		return UINT64_MAX;
	char line[128];
	unsigned long long kb;
	uint64_t avail = UINT64_MAX;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "MemAvailable: %llu kB", &kb) == 1) {
			avail = (uint64_t)kb * 1024;
			break;
		}
	fclose(f);
	return avail;
}

/* Where the memory cgroup hierarchy is mounted (cgroup2 if V2, else the
 * cgroup v1 hierarchy with the memory controller), and the root of the
 * hierarchy that mount shows; false if it is not mounted. */
static bool cgroup_mount(bool v2, char *dir, size_t dirsz, char *root, size_t rootsz)
{
	FILE *f = fopen("/proc/self/mountinfo", "re");
	if (!f)
		return false;
	char *line = NULL;
	size_t cap = 0;
	bool found = false;
	while (!found && getline(&line, &cap, f) > 0) {
		/* "ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [TAGS...] - TYPE SOURCE SUPER" */
		char r[PATH_MAX], mp[PATH_MAX], type[32], super[512];
		const char *dash = strstr(line, " - ");
		if (!dash || sscanf(line, "%*s %*s %*s %4095s %4095s", r, mp) != 2 ||
		    sscanf(dash + 3, "%31s %*s %511s", type, super) != 2)
			continue;
		if (v2 ? strcmp(type, "cgroup2") == 0 :
		    strcmp(type, "cgroup") == 0 && has_word(super, "memory")) {
			snprintf(dir, dirsz, "%s", mp);
			snprintf(root, rootsz, "%s", r);
			found = true;
		}
	}
	free(line);
	fclose(f);
	return found;
}

/* uscript's memory cgroup in that hierarchy, from /proc/self/cgroup. */
static bool cgroup_path(bool v2, char *path, size_t pathsz)
{
	FILE *f = fopen("/proc/self/cgroup", "re");
	if (!f)
		return false;
	char *line = NULL;
	size_t cap = 0;
	bool found = false;
	while (!found && getline(&line, &cap, f) > 0) {
		/* "ID:CONTROLLERS:PATH"; cgroup v2 is "0::PATH". */
		char *c1 = strchr(line, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
		if (!c2)
			continue;
		*c2 = '\0';
		const char *ctl = c1 + 1;
		bool match = v2 ? *ctl == '\0' && strncmp(line, "0:", 2) == 0 :
			has_word(ctl, "memory");
		if (match) {
			c2[1 + strcspn(c2 + 1, "\n")] = '\0';
			snprintf(path, pathsz, "%s", c2 + 1);
			found = true;
		}
	}
	free(line);
	fclose(f);
	return found;
}

/* The least room any memory cgroup from uscript's up to the root leaves:
 * its limit less what it uses.  UINT64_MAX where none has a limit. */
static uint64_t cgroup_room(bool v2)
{
	char mount[PATH_MAX], root[PATH_MAX], path[PATH_MAX], dir[2 * PATH_MAX + 2];
	if (!cgroup_mount(v2, mount, sizeof(mount), root, sizeof(root)) ||
	    !cgroup_path(v2, path, sizeof(path)))
		return UINT64_MAX;
	/* Inside a container the mount shows only a part of the hierarchy. */
	const char *rel = path;
	size_t rl = strlen(root);
	if (strcmp(root, "/") != 0 && strncmp(path, root, rl) == 0)
		rel = path + rl;
	snprintf(dir, sizeof(dir), "%s%s", mount, strcmp(rel, "/") == 0 ? "" : rel);
	uint64_t room = UINT64_MAX;
	size_t base = strlen(mount);
	for (;;) {
		char limit_file[sizeof(dir) + 32], usage_file[sizeof(dir) + 32];
		snprintf(limit_file, sizeof(limit_file), "%s/%s", dir,
			 v2 ? "memory.max" : "memory.limit_in_bytes");
		snprintf(usage_file, sizeof(usage_file), "%s/%s", dir,
			 v2 ? "memory.current" : "memory.usage_in_bytes");
		uint64_t limit, usage = 0;
		/* cgroup v1 writes "no limit" as a number near 2^63. */
		if (read_number(limit_file, &limit) && limit < (1ull << 62)) {
			read_number(usage_file, &usage);
			uint64_t left = limit > usage ? limit - usage : 0;
			if (left < room)
				room = left;
		}
		char *slash = strrchr(dir, '/');
		if (!slash || (size_t)(slash - dir) < base)
			break;
		*slash = '\0';
	}
	return room;
}

int kmem_check(struct bpf_object *obj, const struct program *p, bool verbose)
{
	uint64_t ncpus = (uint64_t)(libbpf_num_possible_cpus() > 0 ?
				    libbpf_num_possible_cpus() : 1);
	uint64_t page = (uint64_t)sysconf(_SC_PAGESIZE);
	uint64_t need = 0, largest = 0;
	const struct bpf_map *big = NULL, *m;
	bpf_object__for_each_map(m, obj) {
		uint64_t b = map_bytes(m, ncpus, page);
		need += b;
		if (b > largest) {
			largest = b;
			big = m;
		}
	}
	uint64_t avail = mem_available(), v1 = cgroup_room(false), v2 = cgroup_room(true);
	const char *whose = "MemAvailable in /proc/meminfo";
	if (v1 < avail || v2 < avail) {
		avail = v1 < v2 ? v1 : v2;
		whose = "the limit of uscript's memory cgroup, less what it uses";
	}
	if (verbose)
		fprintf(stderr, "uscript: the maps will take %" PRIu64 " bytes of kernel memory; "
			"%" PRIu64 " are available (%s)\n", need, avail, whose);
	if (need <= avail || !big)
		return 0;
	/* The maps of globals are named g_NAME; the ring buffer is BUFSIZE. */
	const char *name = bpf_map__name(big);
	bool ring = bpf_map__type(big) == BPF_MAP_TYPE_RINGBUF;
	const double gib = 1024.0 * 1024 * 1024;
	fprintf(stderr, "uscript: the maps need %" PRIu64 " bytes (%.1f GiB) of kernel memory, "
		"and %" PRIu64 " bytes (%.1f GiB) are available (%s); ", need, (double)need / gib,
		avail, (double)avail / gib, whose);
	if (ring)
		fprintf(stderr, "the ring buffer takes %" PRIu64 " of them: lower -D BUFSIZE "
			"(%" PRIu32 ")\n", largest, p->ringbuf_size);
	else
		fprintf(stderr, "the largest, %s%s%s, takes %" PRIu64 " of them: lower "
			"-D MAXMAPENTRIES (%" PRIu32 ")\n",
			strncmp(name, "g_", 2) == 0 ? "global '" : "map '",
			strncmp(name, "g_", 2) == 0 ? name + 2 : name, "'", largest,
			p->maxmapentries);
	return -1;
}

/* What the kernel says an object of ours holds (its fdinfo): the fields
 * named in `keys`, in that order, into `vals`; those missing stay 0. */
static void fdinfo(int fd, const char *const *keys, uint64_t *vals, int n)
{
	char path[64], line[128];
	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
	memset(vals, 0, (size_t)n * sizeof(*vals));
	FILE *f = fopen(path, "r");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f))
		for (int i = 0; i < n; i++) {
			size_t len = strlen(keys[i]);
			if (strncmp(line, keys[i], len) == 0 && line[len] == ':')
				vals[i] = strtoull(line + len + 1, NULL, 10);
		}
	fclose(f);
}

/* The figures are the kernel's own ("memlock"): every map is created at
 * its full size when the programs are loaded, so this is all the script
 * will ever hold, however long it runs. */
void kmem_show(struct bpf_object *obj)
{
	static const char *const keys[] = { "memlock", "max_entries", "key_size", "value_size" };
	uint64_t total = 0, v[4];
	struct bpf_map *m;
	fprintf(stderr, "uscript: kernel memory:\n"
		"uscript:   %-16s %-14s %10s %5s %6s %10s\n", "map", "kind", "entries", "key",
		"value", "bytes");
	bpf_object__for_each_map(m, obj) {
		fdinfo(bpf_map__fd(m), keys, v, 4);
		const char *kind = libbpf_bpf_map_type_str(bpf_map__type(m));
		fprintf(stderr, "uscript:   %-16s %-14s %10" PRIu64 " %5" PRIu64 " %6" PRIu64
			" %10" PRIu64 "\n", bpf_map__name(m), kind ? kind : "?", v[1], v[2], v[3], v[0]);
		total += v[0];
	}
	struct bpf_program *prog;
	uint64_t progs = 0, nprogs = 0;
	bpf_object__for_each_program(prog, obj) {
		if (bpf_program__fd(prog) < 0)
			continue;
		fdinfo(bpf_program__fd(prog), keys, v, 1);
		progs += v[0];
		nprogs++;
	}
	fprintf(stderr, "uscript:   %-16s %-14s %10" PRIu64 " %5s %6s %10" PRIu64 "\n",
		"programs", "", nprogs, "", "", progs);
	fprintf(stderr, "uscript:   %-16s %-14s %10s %5s %6s %10" PRIu64 "\n", "total", "", "", "",
		"", total + progs);
}
