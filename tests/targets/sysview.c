/* sysview: system calls with arguments a test can check exactly.  It
 * opens /etc/passwd read-only and close-on-exec and reads 42 bytes of it,
 * reads 3 bytes from the bad descriptor -5 (EBADF), and tries to create
 * /nonexistent/sysview with mode 0640 (ENOENT).  The paths are on the
 * stack, so that they are in memory when the calls begin: a probe cannot
 * wait for a page of the program to be read in. */
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	char buf[64];
	char passwd[] = "/etc/passwd", missing[] = "/nonexistent/sysview";
	int fd = open(passwd, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || read(fd, buf, 42) != 42)
		return 1;
	close(fd);
	if (read(-5, buf, 3) != -1)
		return 1;
	if (open(missing, O_WRONLY | O_CREAT, 0640) != -1)
		return 1;
	return 0;
}
