/* SPDX-License-Identifier: GPL-2.0-or-later */
/* symbolize.h — user-space stacks in SystemTap's words: the text of
 * print_ubacktrace(), sprint_ubacktrace(), ubacktrace() and usymname() for
 * the addresses a BPF program collected with bpf_get_stack(ctx, buf, size,
 * BPF_F_USER_STACK): the address the probe hit first, then the return
 * addresses of the callers, innermost first.
 *
 * An address becomes "symbol+offset/size [module]" through the process's
 * /proc/PID/maps: the file mapped there, the file offset, the virtual
 * address the PT_LOAD segments give that offset (right for PIE, non-PIE
 * and shared libraries), and the symbol table of the file.  The rules are
 * SystemTap's, so the text is byte for byte what stap --ldd prints
 * (symbolize.c cites the source of each rule):
 *
 *   print_ubacktrace   " 0x55d0c8a4b149 : add+0x10/0x20 [/path/to/prog]\n"
 *                      " 0x7f9a2c1a3000 [/path/to/lib.so+0x3000/0x5000]\n"
 *                      " 0x7ffc9b5f0a3c\n"
 *   sprint_ubacktrace  "add+0x10 [prog]\n", "0x7f9a2c1a3000 [lib.so+0x3000]\n",
 *                      "0x7ffc9b5f0a3c\n"
 *   ubacktrace         "0x55d0c8a4b149 0x55d0c8a4b1c0 " (a space after each)
 *   usymname           "add", or "0x55d0c8a4b149"
 *
 * Hex numbers are not padded and 0 is "0x0".  The symbol is the one at the
 * nearest address at or below the address, among the file's functions and
 * data objects (.symtab, or .dynsym when stripped), and its size is the
 * distance to the next symbol's address (0 for the last).  Addresses are
 * looked up as they are, return addresses included: SystemTap does not
 * step back into the call instruction.  An address in a file that has no
 * symbol below it, or that cannot be read, gets the offset into the run of
 * the file's mappings and the run's length.  Other addresses (anonymous
 * memory, [vdso], nothing mapped) print as hex alone.  A module path of
 * SYM_PATHLEN − 3 bytes or more is shown as "..." and its last
 * SYM_PATHLEN − 4 bytes, as SystemTap stores it.
 *
 * The maps of a process are read the first time one of its addresses is
 * looked up, and kept, so stacks of a process that has exited by the time
 * its records are printed still resolve; they are read again when an
 * address falls in no mapping.  A file's symbols are read once, for every
 * process that maps it.  Files are found for processes in other mount
 * namespaces through /proc/PID/root, and deleted ones through
 * /proc/PID/map_files when allowed (as root).
 *
 * A sym_ctx is for one thread.  Functions that append to a strbuf return
 * 0 or -ENOMEM, and leave it as it was when they fail; a lookup that finds
 * nothing is not an error, it just prints less. */
#ifndef USCRIPT_SYMBOLIZE_H
#define USCRIPT_SYMBOLIZE_H

#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

/* SystemTap's MAXBACKTRACE: the most frames its stacks show.  The BPF
 * side collects this many; the functions below print all they are given,
 * but stop at an address 0 after the first. */
#define SYM_MAXBACKTRACE 20

/* SystemTap's TASK_FINDER_VMA_ENTRY_PATHLEN: module paths are kept in
 * this many bytes (see above). */
#define SYM_PATHLEN 64

struct sym_ctx;

/* NULL when out of memory. */
struct sym_ctx *sym_new(void);
void sym_free(struct sym_ctx *c);

/* Reads the maps of `pid` now, and the symbols of its code, if they are
 * not known yet: for a process that is about to exit.  Returns 0, or
 * -ENOENT when the maps cannot be read (the process is gone or not ours),
 * or -ENOMEM. */
int sym_add_pid(struct sym_ctx *c, int pid);

/* Reads pid's memory map again, if it can still be read; the copy read
 * before stays where it cannot (the process has exited).  0 or -errno. */
int sym_refresh_pid(struct sym_ctx *c, int pid);

/* Forgets `pid`: its process has exited and its records are printed, or
 * the pid is reused by a new process. */
void sym_forget_pid(struct sym_ctx *c, int pid);

/* Where `addr` is in `pid`.  The strings live until the next call with
 * this context. */
/* The pid of a kernel stack: its addresses are named from /proc/kallsyms,
 * their module "kernel" or the kernel module's name. */
#define SYM_KERNEL (-1)

struct sym_where {
	const char *module; /* the file as maps names it, NULL if none */
	const char *symbol; /* NULL if none */
	uint64_t offset;    /* into the symbol; else into the module */
	uint64_t size;      /* of the symbol; else of the module */
};
void sym_lookup(struct sym_ctx *c, int pid, uint64_t addr,
		struct sym_where *w);

/* print_ubacktrace(): a line for each address. */
/* Where the file at `path` (the same inode) has its byte `offset` in
 * process pid's memory: 0 and *addr, or -ENOENT when it is not mapped
 * there. */
int sym_file_address(struct sym_ctx *c, int pid, const char *path, uint64_t offset,
		     uint64_t *addr);

int sym_print_ubacktrace(struct sym_ctx *c, struct strbuf *out, int pid,
			 const uint64_t *addrs, size_t n);

/* print_ubacktrace_brief(): a line for each address, "name+0xoff", or the
 * address in hex where no symbol names it. */
int sym_print_ubacktrace_brief(struct sym_ctx *c, struct strbuf *out, int pid,
			       const uint64_t *addrs, size_t n);

/* sprint_ubacktrace(): the lines of its shorter form, cut to
 * maxstringlen − 1 bytes (mid-line, as SystemTap cuts them). */
int sym_sprint_ubacktrace(struct sym_ctx *c, struct strbuf *out, int pid,
			  const uint64_t *addrs, size_t n, size_t maxstringlen);

/* ubacktrace(): the addresses in hex, each followed by a space, cut to
 * maxstringlen − 1 bytes.  Needs no symbols. */
int sym_ubacktrace(struct strbuf *out, const uint64_t *addrs, size_t n,
		   size_t maxstringlen);

/* symdata(addr) (_STP_SYM_DATA): "name+0xoff/0xsize [module]", else
 * "0xaddr [module+0xoff/0xsize]", else the address in hex; cut to
 * maxstringlen − 1 bytes. */
int sym_symdata(struct sym_ctx *c, struct strbuf *out, int pid, uint64_t addr,
		size_t maxstringlen);

/* usymname(addr): the symbol's name, else the address in hex, cut to
 * maxstringlen − 1 bytes. */
int sym_usymname(struct sym_ctx *c, struct strbuf *out, int pid,
		 uint64_t addr, size_t maxstringlen);

/* The stack of thread-group `pid` unwound by call-frame information
 * from `regs` (program.h's struct out_uregs, in the DWARF numbering) and
 * the len bytes of its stack copied from regs[7] up: at most max
 * addresses at frames, the pc first, as bpf_get_stack gives them.  The
 * count, or -errno when the process's files are unknown. */
int sym_unwind(struct sym_ctx *c, int pid, const uint64_t *regs, const void *stack,
	       uint64_t len, uint64_t *frames, size_t max);

#endif
