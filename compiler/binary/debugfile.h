/* SPDX-License-Identifier: GPL-2.0-or-later */
/* debugfile.h — finding the separate debug information of a program or
 * library, as debuggers do, and the function symbols of MiniDebugInfo.
 *
 * A file with no DWARF of its own (an installed program: strip removed
 * it) may have a separate debug file, searched for in this order:
 *
 *   1. ROOT/.build-id/NN/REST.debug, from the file's NT_GNU_BUILD_ID, for
 *      each absolute entry ROOT of the search path;
 *   2. the name in its .gnu_debuglink section, in each entry's place: an
 *      empty entry is the file's own directory, a relative one (".debug")
 *      a subdirectory of it, an absolute one ROOT followed by the file's
 *      directory; the section's CRC32 must match the candidate's;
 *   3. ROOT/PATH.debug, PATH being the file's real path;
 *   4. a debuginfod server, when DEBUGINFOD_URLS names one, through
 *      libdebuginfod (loaded when needed: uscript runs without it).
 *
 * The search path is SYSTEMTAP_DEBUGINFO_PATH if set, else
 * "+:.debug:/usr/lib/debug" (gdb's debug-file-directory is the one
 * absolute entry).  A leading '-' on the path turns the CRC check off, as
 * in elfutils' notation; '+' (the default) keeps it.  Whatever the way, a
 * candidate whose build id is not the file's is passed over.
 *
 * MiniDebugInfo (a .gnu_debugdata section holding an xz-compressed ELF
 * file with a .symtab of the functions that .dynsym lacks, as Fedora and
 * others ship) is read by debugfile_minidebuginfo. */
#ifndef USCRIPT_DEBUGFILE_H
#define USCRIPT_DEBUGFILE_H

#include <gelf.h>
#include <stdbool.h>
#include <stddef.h>

/* What the caller needs in the debug file. */
enum debugfile_want {
	DEBUGFILE_DWARF,   /* a .debug_info */
	DEBUGFILE_SYMTAB,  /* a .symtab */
};

/* The separate debug file of elf, opened from path: an fd open on it with
 * *found set to its path (malloc'd; the caller frees it), or -1. */
int debugfile_find(Elf *elf, const char *path, enum debugfile_want want, char **found);

/* Whether elf has a section of that kind with contents. */
bool debugfile_has(Elf *elf, enum debugfile_want want);

/* A sentence for messages about a file without debug information: where
 * it was looked for and how to get it, as "looked for ... ; install ...". */
const char *debugfile_hint(void);

/* The ELF file in elf's .gnu_debugdata, decompressed, or NULL (none, or
 * uscript built without liblzma).  *mem holds its bytes: free it after
 * elf_end. */
Elf *debugfile_minidebuginfo(Elf *elf, void **mem);

#endif
