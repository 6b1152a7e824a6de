/* sysmisc — system calls with known arguments and results, made with
 * syscall(2) so that the C library picks none of them, for the system
 * call tapset's formats: memory, descriptors, paths that do not exist,
 * a sleep, sockets and the addresses they connect to, a signal.  getppid() first marks where they start.
 * Every path is on the stack (a probe cannot fault in a page the program
 * has not touched). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	char dir[] = "/nonexistent/uscript-dir", other[] = "/nonexistent/uscript-other";
	char here[] = ".", null[] = "/dev/null";
	char text[] = "Hello world abcdefghijklmnopqrstuvwxyz 0123456789 and more";
	int fds[2] = { 0, 0 };
	struct timespec ts = { 0, 1000 };
	struct sockaddr_in in = { .sin_family = AF_INET, .sin_port = htons(1) };
	struct sockaddr_un un = { .sun_family = AF_UNIX };
	in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	memcpy(un.sun_path, dir, sizeof(dir));

	syscall(SYS_getppid);
	void *p = (void *)0x200000000;
	syscall(SYS_mmap, p, 8192, PROT_READ | PROT_WRITE,
		MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	syscall(SYS_mprotect, p, 4096, PROT_READ);
	syscall(SYS_munmap, p, 8192);
	syscall(SYS_pipe2, fds, O_CLOEXEC);
	syscall(SYS_dup2, fds[0], 10);
	syscall(SYS_dup3, fds[1], 11, O_CLOEXEC);
	syscall(SYS_lseek, 10, 0, SEEK_CUR);
	syscall(SYS_fcntl, 10, F_GETFD, 0);
	syscall(SYS_access, here, R_OK | X_OK);
	syscall(SYS_mkdir, dir, 0755);
	syscall(SYS_rmdir, dir);
	syscall(SYS_rename, dir, other);
	syscall(SYS_chmod, dir, 0600);
	syscall(SYS_nanosleep, &ts, NULL);
	syscall(SYS_socket, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	syscall(SYS_connect, 5, &in, sizeof(in));
	syscall(SYS_socket, AF_UNIX, SOCK_STREAM, 0);
	syscall(SYS_connect, 6, &un, sizeof(un));
	syscall(SYS_kill, 0, 0);
	syscall(SYS_chroot, dir);
	syscall(SYS_close_range, 100, 99, 0);
	syscall(SYS_open, null, O_WRONLY);
	syscall(SYS_write, 7, text, sizeof(text) - 1);
	syscall(SYS_exit_group, 0);
	return 0;
}
