/* SPDX-License-Identifier: GPL-2.0-or-later */
/* main.c — the uscript command line.
 *
 * Exit status: 0 after a normal stop, 1 after a compile or runtime error,
 * 2 after a usage error. */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parse/arena.h"
#include "compile.h"
#include "parse/diag.h"
#include "points/probes.h"
#include "runtime.h"

static const char usage_text[] =
	"Usage: uscript [OPTIONS] FILE.up [ARG...]\n"
	"       uscript [OPTIONS] -e 'PROGRAM' [ARG...]\n"
	"Trace user-space programs with SystemTap-style scripts, using BPF uprobes.\n"
	"\n"
	"  -e PROGRAM   run PROGRAM instead of a script file (FILE \"-\" reads stdin)\n"
	"  -c CMD       run CMD with every probe attached before it starts; stop when it exits\n"
	"  -x PID       target() is PID; stop when it exits\n"
	"  -o FILE      write the script's output to FILE (strftime %% conversions done)\n"
	"  -f FORMAT    the output's form, also --format=FORMAT: text (the default),\n"
	"               or json, one JSON object a line (see JSON OUTPUT in uscript(1))\n"
	"  -S SIZE[,N]  with -o: a new file FILE.0, FILE.1... past SIZE MB; keep the last N\n"
	"  -T SECONDS   stop after SECONDS, as exit() would\n"
	"  -l PROBE     list the probe points PROBE matches\n"
	"  -L PROBE     list them with their target variables\n"
	"  -p N         stop after pass N: 1 parse, 2 resolve, 3 LLVM IR, 4 BPF object, 5 run\n"
	"  -I DIR       add DIR to the tapset directories, searched after the built-in tapset\n"
	"  --dump-functions  list the tapset's functions and the builtins, with their types\n"
	"  -D NAME=VAL  set a limit: MAXSTRINGLEN (128), MAXACTION (1000),\n"
	"               MAXMAPENTRIES (2048), MAXNESTING (10),\n"
	"               BUFSIZE (ring buffer bytes, 1048576),\n"
	"               USTACK_BYTES (user stack copied for unwinding, 8192)\n"
	"  -s MB        the ring buffer's size in megabytes (-D BUFSIZE in bytes)\n"
	"  -u           unoptimized: compile code that has no effect too\n"
	"  -w           no warnings        -W  warnings are errors\n"
	"  -q, --quiet  no warnings, and no warning of the -c command's exit status\n"
	"  --no-global-var-display   do not print the unprinted globals at the end\n"
	"  --dump-probe-types        list the forms of probe point, and exit\n"
	"  --color[=WHEN]  colour diagnostics: auto (a terminal, the default), always, never\n"
	"  -v           more diagnostics (twice: libbpf's debug output too)\n"
	"  -V           print the version\n"
	"  -h           print this help\n"
	"\n"
	"Script arguments are $1, $2... (numbers) and @1, @2... (strings).\n";

/* Long options without a letter of their own. */
enum { OPT_COLOR = 256, OPT_NO_GLOBALS, OPT_DUMP_TYPES, OPT_DUMP_FUNCTIONS };

static int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "uscript: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry 'uscript -h' for more information.\n");
	return 2;
}

/* Reads a whole file, or standard input for "-"; NUL-terminated. */
static char *read_all(const char *path, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	if (!f)
		return NULL;
	struct stat st;
	if (f != stdin && fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		errno = EISDIR;
		return NULL;
	}
	size_t cap = 4096, n = 0;
	char *buf = xmalloc(cap);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (cap - n - 1 == 0)
			buf = xrealloc(buf, cap *= 2);
	}
	int err = ferror(f) ? errno : 0;
	if (f != stdin)
		fclose(f);
	if (err) {
		free(buf);
		errno = err;
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

static int set_limit(struct compile_opts *co, const char *def)
{
	static const struct { const char *name; size_t off; uint32_t min, max; } limits[] = {
		{ "MAXSTRINGLEN", offsetof(struct compile_opts, maxstringlen), 2, 65536 },
		{ "MAXACTION", offsetof(struct compile_opts, maxaction), 1, 100000000 },
		{ "MAXMAPENTRIES", offsetof(struct compile_opts, maxmapentries), 1, 100000000 },
		{ "MAXNESTING", offsetof(struct compile_opts, maxnesting), 0, 100 },
		{ "MAXERRORS", offsetof(struct compile_opts, maxerrors), 0, 1000000 },
		{ "BUFSIZE", offsetof(struct compile_opts, bufsize), 4096, 1u << 30 },
		{ "USTACK_BYTES", offsetof(struct compile_opts, ustack_bytes), 0, 32768 },
	};
	/* SystemTap's other -D macros, which its runtime reads: what each
	 * means for uscript, which goes on without it. */
	static const struct { const char *name, *why; } stap_macros[] = {
		{ "MAXSKIPPED", "uscript's probes are never skipped" },
		{ "MAXTRYLOCK", "uscript's probes take no locks" },
		{ "TRYLOCKDELAY", "uscript's probes take no locks" },
		{ "STP_NO_OVERLOAD", "uscript has no overload processing to turn off" },
		{ "STP_OVERLOAD_THRESHOLD", "uscript has no overload processing" },
		{ "STP_OVERLOAD_INTERVAL", "uscript has no overload processing" },
		{ "INTERRUPTIBLE", "MAXACTION counts alike in every probe" },
		{ "MAXACTION_INTERRUPTIBLE", "MAXACTION counts alike in every probe" },
		{ "MINSTACKSPACE", "BPF programs have a stack of fixed size" },
		{ "MAXBACKTRACE", "a stack holds what the kernel's stack walk gives" },
		{ "MAXUPROBES", "uprobes are made as the script needs them" },
		{ "KRETACTIVE", "the kernel keeps 64 return probes pending a thread" },
		{ "STP_PROCFS_BUFSIZE", "the output goes through the ring buffer (BUFSIZE)" },
	};
	const char *eq = strchr(def, '=');
	size_t namelen = eq ? (size_t)(eq - def) : strlen(def);
	for (size_t i = 0; i < sizeof(stap_macros) / sizeof(stap_macros[0]); i++)
		if (strlen(stap_macros[i].name) == namelen &&
		    strncmp(stap_macros[i].name, def, namelen) == 0) {
			diag_warning(NULL, "-D %.*s has no effect: %s", (int)namelen, def,
				     stap_macros[i].why);
			return 0;
		}
	if (!eq) {
		for (size_t i = 0; i < sizeof(limits) / sizeof(limits[0]); i++)
			if (strcmp(limits[i].name, def) == 0)
				return usage_error("-D %s needs a value: -D NAME=VALUE", def);
		diag_warning(NULL, "-D %s has no effect: uscript's limits are MAXSTRINGLEN, "
			     "MAXACTION, MAXMAPENTRIES, MAXNESTING, MAXERRORS, BUFSIZE and USTACK_BYTES", def);
		return 0;
	}
	for (size_t i = 0; i < sizeof(limits) / sizeof(limits[0]); i++) {
		if (strlen(limits[i].name) != (size_t)(eq - def) ||
		    strncmp(limits[i].name, def, (size_t)(eq - def)) != 0)
			continue;
		char *end;
		errno = 0;
		unsigned long long v = strtoull(eq + 1, &end, 0);
		if (errno || end == eq + 1 || *end || v < limits[i].min || v > limits[i].max) {
			fprintf(stderr, "uscript: -D %s must be a number from %u to %u\n",
				limits[i].name, limits[i].min, limits[i].max);
			return 2;
		}
		uint32_t val = (uint32_t)v;
		/* The ring buffer is a power of two pages. */
		if (limits[i].off == offsetof(struct compile_opts, bufsize)) {
			uint32_t p = 4096;
			while (p < val)
				p <<= 1;
			val = p;
		}
		/* The stack is copied in words. */
		if (limits[i].off == offsetof(struct compile_opts, ustack_bytes))
			val = (val + 7) & ~7u;
		memcpy((char *)co + limits[i].off, &val, sizeof(val));
		return 0;
	}
	/* stap hands any other macro to the C compiler; here it means nothing. */
	diag_warning(NULL, "-D %.*s has no effect: uscript's limits are MAXSTRINGLEN, "
		     "MAXACTION, MAXMAPENTRIES, MAXNESTING, MAXERRORS, BUFSIZE and USTACK_BYTES", (int)namelen, def);
	return 0;
}

static int write_object(const struct program *p, const char *path)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(p->bpf_obj, 1, p->bpf_obj_size, f) != p->bpf_obj_size) {
		fprintf(stderr, "uscript: cannot write %s: %s\n", path, strerror(errno));
		if (f)
			fclose(f);
		return 1;
	}
	if (fclose(f) != 0) {
		fprintf(stderr, "uscript: cannot write %s: %s\n", path, strerror(errno));
		return 1;
	}
	return 0;
}

/* The executable the -c command will run, for `process` without a path. */
static char *command_exe(const char *cmd)
{
	while (*cmd == ' ' || *cmd == '\t')
		cmd++;
	size_t n = strcspn(cmd, " \t");
	char *word = strndup(cmd, n);
	if (word && (word[0] == '"' || word[0] == '\'')) {
		size_t l = strlen(word);
		memmove(word, word + 1, l);
		if (l >= 2 && (word[l - 2] == '"' || word[l - 2] == '\''))
			word[l - 2] = '\0';
	}
	return word;
}

int main(int argc, char **argv)
{
	struct compile_opts co;
	compile_opts_default(&co);
	struct run_opts ro = { .out = stdout };
	const char *program = NULL, *list = NULL, *outfile = NULL;
	int opt, rc;

	/* Options may follow the script's name, as with stap, so that a script
	 * run by its #! line can still take -c; "--" ends them.  getopt's own
	 * messages would start with argv[0], a path when uscript runs by its
	 * path, where every other message starts with "uscript:". */
	static const struct option long_opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "format", required_argument, NULL, 'f' },
		{ "color", optional_argument, NULL, OPT_COLOR },
		{ "colour", optional_argument, NULL, OPT_COLOR },
		{ "no-global-var-display", no_argument, NULL, OPT_NO_GLOBALS },
		{ "dump-probe-types", no_argument, NULL, OPT_DUMP_TYPES },
		{ "dump-functions", no_argument, NULL, OPT_DUMP_FUNCTIONS },
		{ 0 },
	};
	uint64_t rotate_size = 0;
	int rotate_keep = 0;
	bool dump_functions = false;
	/* -I directories: no more than the arguments.  Static, so that the
	 * returns of usage errors leave it reachable. */
	static char **include_dirs;
	include_dirs = xcalloc((size_t)argc + 1, sizeof(char *));
	co.include_dirs = include_dirs;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":e:c:x:o:f:l:L:p:D:I:vVhT:wWqs:bS:u", long_opts,
				  NULL)) != -1) {
		switch (opt) {
		case 'T': {
			char *end;
			errno = 0;
			double s = strtod(optarg, &end);
			if (errno || end == optarg || *end || !(s * 1000 >= 1) || s > 1e9)
				return usage_error("-T needs a number of seconds, not '%s'", optarg);
			ro.timeout_ms = (long)(s * 1000);
			break;
		}
		case 'w':
			diag_set_no_warnings(true);
			break;
		case 'u':
			co.unoptimized = true;
			break;
		case 'W':
			diag_set_warnings_are_errors(true);
			break;
		case 'q':
			diag_set_no_warnings(true);
			ro.quiet = true;
			break;
		case OPT_NO_GLOBALS:
			ro.no_globals = true;
			break;
		case OPT_DUMP_TYPES:
			probes_dump_types(stdout);
			return 0;
		case OPT_COLOR:
			if (!optarg || strcmp(optarg, "always") == 0)
				diag_set_color(DIAG_COLOR_ALWAYS);
			else if (strcmp(optarg, "never") == 0)
				diag_set_color(DIAG_COLOR_NEVER);
			else if (strcmp(optarg, "auto") == 0)
				diag_set_color(DIAG_COLOR_AUTO);
			else
				return usage_error("--color takes auto, always or never, not '%s'",
						   optarg);
			break;
		case 's': {
			char *end;
			long mb = strtol(optarg, &end, 10);
			if (*end || end == optarg || mb < 1 || mb > 1024)
				return usage_error("-s needs a size from 1 to 1024 megabytes, not '%s'",
						   optarg);
			co.bufsize = (uint32_t)mb << 20;
			break;
		}
		case 'b':
			fprintf(stderr, "uscript: warning: -b (bulk mode, a file per CPU) is "
				"ignored: the output goes through one ring buffer\n");
			break;
		case 'S': {
			char *end;
			errno = 0;
			unsigned long mb = strtoul(optarg, &end, 10);
			long keep = 0;
			if (!errno && end != optarg && *end == ',') {
				char *num = end + 1;
				keep = strtol(num, &end, 10);
				if (end == num || keep < 1 || keep > INT_MAX)
					end = num - 1;
			}
			if (errno || end == optarg || *end || mb < 1 || mb > (1ul << 30))
				return usage_error("-S needs SIZE[,N]: megabytes a file, and how many "
						   "files to keep, not '%s'", optarg);
			rotate_size = (uint64_t)mb << 20;
			rotate_keep = (int)keep;
			break;
		}
		case 'e':
			program = optarg;
			break;
		case 'c':
			ro.command = optarg;
			break;
		case 'x': {
			char *end;
			long pid = strtol(optarg, &end, 10);
			if (*end || pid <= 0 || pid > INT_MAX)
				return usage_error("-x needs a process id, not '%s'", optarg);
			ro.pid = (pid_t)pid;
			co.target_pid = (int)pid;
			break;
		}
		case 'o':
			outfile = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "text") == 0)
				ro.format = OUTPUT_TEXT;
			else if (strcmp(optarg, "json") == 0)
				ro.format = OUTPUT_JSON;
			else
				return usage_error("-f takes text or json, not '%s'", optarg);
			break;
		case 'l':
			list = optarg;
			break;
		case 'L':
			list = optarg;
			co.list_vars = true;
			break;
		case 'p': {
			char *end;
			long p = strtol(optarg, &end, 10);
			if (*end || p < 1 || p > 5)
				return usage_error("-p needs a pass from 1 to 5, not '%s'", optarg);
			co.last_pass = (enum pass)p;
			break;
		}
		case 'D':
			if ((rc = set_limit(&co, optarg)) != 0)
				return rc;
			break;
		case 'I':
			include_dirs[co.ninclude_dirs++] = optarg;
			break;
		case OPT_DUMP_FUNCTIONS:
			dump_functions = true;
			break;
		case 'v':
			co.verbose = ++ro.verbose;
			break;
		case 'V':
			printf("uscript %s\n", PACKAGE_VERSION);
			return 0;
		case 'h':
			fputs(usage_text, stdout);
			return 0;
		case ':': {
			/* Only short options take arguments. */
			char letter[2] = { (char)optopt, '\0' };
			return usage_error("option requires an argument -- '%s'", letter);
		}
		default: {
			/* getopt_long leaves optopt 0 for an unknown long
			 * option, and sets it for --help=ARG, which it has
			 * consumed whole: those are named as written. */
			char letter[2] = { (char)optopt, '\0' };
			const char *arg = argv[optind - 1];
			if (optopt && strncmp(arg, "--", 2) != 0)
				return usage_error("invalid option -- '%s'", letter);
			return usage_error("unrecognized option '%s'", arg);
		}
		}
	}
	if (ro.command && ro.pid)
		return usage_error("%s", "-c and -x cannot be used together");
	if (rotate_size && !outfile)
		return usage_error("%s", "-S needs the output file's name, with -o");
	if (dump_functions) {
		struct arena *a = arena_new();
		rc = compile_dump_functions(a, &co) < 0 ? 1 : 0;
		arena_free(a);
		free(include_dirs);
		return rc;
	}

	struct src_file src = { 0 };
	char *text = NULL, *list_text = NULL;
	if (list) {
		list_text = xmalloc(strlen(list) + 32);
		sprintf(list_text, "probe %s {}\n", list);
		src.name = "<list>";
		src.text = list_text;
		src.len = strlen(list_text);
		co.last_pass = PASS_RESOLVE;
		co.list_points = true;
		/* As stap: a listing says what resolves, and no more. */
		diag_set_no_warnings(true);
	} else if (program) {
		src.name = "<input>";
		src.text = program;
		src.len = strlen(program);
	} else {
		if (optind >= argc)
			return usage_error("%s", "no script: give a FILE.up, or a program with -e");
		const char *path = argv[optind++];
		size_t len;
		text = read_all(path, &len);
		if (!text) {
			fprintf(stderr, "uscript: cannot read %s: %s\n", path, strerror(errno));
			return 1;
		}
		if (memchr(text, '\0', len)) {
			fprintf(stderr, "uscript: %s is not a script: it holds NUL bytes\n", path);
			free(text);
			return 1;
		}
		src.name = strcmp(path, "-") == 0 ? "<stdin>" : path;
		src.text = text;
		src.len = len;
	}
	co.args = argv + optind;
	co.nargs = argc - optind;

	char *exe = NULL;
	if (ro.command)
		co.target_exe = exe = command_exe(ro.command);
	else if (ro.pid) {
		exe = xmalloc(64);
		snprintf(exe, 64, "/proc/%d/exe", (int)ro.pid);
		co.target_exe = exe;
	}

	FILE *dump = stdout;
	char *outname = NULL;
	if (outfile && co.last_pass != PASS_OBJECT) {
		dump = outfile_open(outfile, rotate_size, rotate_keep, &outname);
		if (!dump) {
			fprintf(stderr, "uscript: cannot write %s: %s\n", outname ? outname : outfile,
				strerror(errno));
			free(outname);
			rc = 1;
			goto done_early;
		}
		ro.out = dump;
	}
	co.dump = dump;

	struct arena *a = arena_new();
	struct program *p = NULL;
	rc = compile(a, &src, &co, &p) < 0 ? 1 : 0;
	if (rc == 0 && co.last_pass == PASS_OBJECT) {
		if (!outfile)
			rc = usage_error("%s", "-p4 writes the BPF object to the file given with -o");
		else
			rc = write_object(p, outfile);
	} else if (rc == 0 && co.last_pass == PASS_RUN) {
		rc = run_program(p, &ro);
	}
	program_release(p);
	arena_free(a);
	if (dump != stdout && fclose(dump) != 0 && rc == 0) {
		fprintf(stderr, "uscript: cannot write %s: %s\n", outname, strerror(errno));
		rc = 1;
	}
	free(outname);
done_early:
	free(include_dirs);
	free(exe);
	free(text);
	free(list_text);
	return rc;
}
