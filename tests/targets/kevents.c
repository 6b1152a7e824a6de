/* kevents: makes kernel events a test can check exactly.  It opens
 * /etc/passwd and reads 100 bytes of it, writes "kevents\n" (8 bytes) to
 * /dev/null, sends itself SIGUSR1, forks a child that exits with status 7
 * and one that runs /bin/true, waiting for each, and sleeps 50 ms. */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void on_usr1(int sig)
{
	got = sig;
}

int main(void)
{
	char buf[100];
	int fd = open("/etc/passwd", O_RDONLY);
	if (fd < 0 || read(fd, buf, sizeof(buf)) != (ssize_t)sizeof(buf))
		return 1;
	close(fd);
	fd = open("/dev/null", O_WRONLY);
	if (fd < 0 || write(fd, "kevents\n", 8) != 8)
		return 1;
	close(fd);
	signal(SIGUSR1, on_usr1);
	kill(getpid(), SIGUSR1);
	pid_t child = fork();
	if (child == 0)
		_exit(7);
	waitpid(child, NULL, 0);
	child = fork();
	if (child == 0) {
		execl("/bin/true", "true", (char *)NULL);
		_exit(127);
	}
	waitpid(child, NULL, 0);
	struct timespec fifty_ms = { 0, 50 * 1000 * 1000 };
	nanosleep(&fifty_ms, NULL);
	return got == SIGUSR1 ? 0 : 2;
}
