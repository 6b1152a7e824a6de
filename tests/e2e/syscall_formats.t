# argstr and retstr as SystemTap writes them, for the common calls: memory
# (addresses and lengths, PROT_ and MAP_ flags, hex returns), descriptors
# (O_CLOEXEC, SEEK_CUR, F_GETFD, ESPIPE, the bytes written cut at 50
# characters), paths (quoted, modes in octal, ENOENT), a timespec, sockets
# (PF_, SOCK_ and IPPROTO_ names) and the addresses they connect to, a
# signal; and two calls of the generated part of the tapset, their
# arguments quoted or as numbers.
run: cd "$T" && uscript "$D/syscall_formats.up" -c ./sysmisc
--- stdout
mmap (0x200000000, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = 0x200000000
mprotect (0x200000000, 4096, PROT_READ) = 0
munmap (0x200000000, 8192) = 0
pipe2 ([0, 0], O_CLOEXEC) = 0
dup2 (3, 10) = 10
dup3 (4, 11, O_CLOEXEC) = 11
lseek (10, 0, SEEK_CUR) = -29 (ESPIPE)
fcntl (10, F_GETFD, 0x0) = 0
access (".", R_OK|X_OK) = 0
mkdir ("/nonexistent/uscript-dir", 0755) = -2 (ENOENT)
rmdir ("/nonexistent/uscript-dir") = -2 (ENOENT)
rename ("/nonexistent/uscript-dir", "/nonexistent/uscript-other") = -2 (ENOENT)
chmod ("/nonexistent/uscript-dir", 0600) = -2 (ENOENT)
nanosleep ([0.000001000], 0x0) = 0
socket (PF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 5
connect (5, {AF_INET, 127.0.0.1, 1}, 16) = -111 (ECONNREFUSED)
socket (PF_LOCAL, SOCK_STREAM, 0) = 6
connect (6, {AF_UNIX, "/nonexistent/uscript-dir"}, 110) = -2 (ENOENT)
kill (0, SIG_0) = 0
chroot ("/nonexistent/uscript-dir") = -2 (ENOENT)
close_range (100, 99, 0) = -22 (EINVAL)
open ("/dev/null", O_WRONLY) = 7
write (7, "Hello world abcdefghijklmnopqrstuvwxyz 012345"..., 58) = 58
exit_group (0)
