/* dwarfinfo.c — see dwarfinfo.h. */
#include "dwarfinfo.h"

#include <dwarf.h>
#include <elfutils/libdw.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

struct dwi {
	int fd;
	Dwarf *dbg;
};

struct dwi *dwi_open(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	Dwarf *dbg = dwarf_begin(fd, DWARF_C_READ);
	if (!dbg) {
		close(fd);
		return NULL;
	}
	struct dwi *d = calloc(1, sizeof(*d));
	if (!d) {
		dwarf_end(dbg);
		close(fd);
		return NULL;
	}
	d->fd = fd;
	d->dbg = dbg;
	return d;
}

void dwi_close(struct dwi *d)
{
	if (!d)
		return;
	dwarf_end(d->dbg);
	close(d->fd);
	free(d);
}

struct func_search {
	uint64_t vaddr;
	Dwarf_Die found;
	bool ok;
};

static int match_func(Dwarf_Die *die, void *arg)
{
	struct func_search *s = arg;
	Dwarf_Addr low;
	if (dwarf_lowpc(die, &low) == 0 && low == s->vaddr) {
		s->found = *die;
		s->ok = true;
		return DWARF_CB_ABORT;
	}
	return DWARF_CB_OK;
}

bool dwi_function_decl(struct dwi *d, uint64_t vaddr, const char **file, int *line)
{
	if (!d)
		return false;
	Dwarf_Die cu;
	if (!dwarf_addrdie(d->dbg, vaddr, &cu))
		return false;
	struct func_search s = { .vaddr = vaddr };
	dwarf_getfuncs(&cu, match_func, &s, 0);
	if (!s.ok)
		return false;
	const char *f = dwarf_decl_file(&s.found);
	if (!f || dwarf_decl_line(&s.found, line) != 0)
		return false;
	*file = f;
	return true;
}
