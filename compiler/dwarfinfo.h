/* dwarfinfo.h — what probe points need from a file's DWARF (libdw).
 *
 * For now: where a function is declared, which SystemTap puts in pp():
 * process("/bin/app").function("main@/src/app.c:12").  A file without
 * DWARF opens as NULL, and every question about it has no answer. */
#ifndef USCRIPT_DWARFINFO_H
#define USCRIPT_DWARFINFO_H

#include <stdbool.h>
#include <stdint.h>

struct dwi;

/* The DWARF of the ELF file at path, or NULL if it has none. */
struct dwi *dwi_open(const char *path);
void dwi_close(struct dwi *d);

/* The declaration of the function whose code starts at vaddr (a symbol's
 * value): its file as the line table names it, and its line.  The file
 * name lives as long as d. */
bool dwi_function_decl(struct dwi *d, uint64_t vaddr, const char **file, int *line);

#endif
