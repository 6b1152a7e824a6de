# Probes of syscalls views whose bodies differ only in the literals they
# assign to locals share a handler, each row reading its own values; those
# that differ elsewhere keep their own.  Each alias shows its values, with
# and without -u (which shares nothing), and two aliases on one call both
# run.
run: cd "$T" && uscript "$D/sysview_shared.up" -c ./sysfiles && echo -- && uscript -u "$D/sysview_shared.up" -c ./sysfiles
--- stdout
close 40
exit_group 30
openat 50
read 10
write 20
write, again -21
--
close 40
exit_group 30
openat 50
read 10
write 20
write, again -21
