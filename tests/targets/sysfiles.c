/* sysfiles — system calls with known arguments, for the system call
 * tapset's tests: /dev/null opened read-only and close-on-exec, 7 bytes
 * read from it, closed; a file created where no directory is (ENOENT);
 * "hello\n" written to /dev/null opened again, write-only.  The names
 * are copied to the stack first: a probe cannot fault in a page of the
 * program's own that was not read yet, and would show the address. */
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	char buf[16];
	char null[] = "/dev/null", absent[] = "/nonexistent/uscript-sysfiles";
	char hello[] = "hello\n";
	int fd = open(null, O_RDONLY | O_CLOEXEC);
	if (read(fd, buf, 7) < 0)
		return 1;
	close(fd);
	if (open(absent, O_WRONLY | O_CREAT | O_TRUNC, 0640) >= 0)
		return 1;
	fd = open(null, O_WRONLY);
	if (write(fd, hello, 6) != 6)
		return 1;
	return 0;
}
