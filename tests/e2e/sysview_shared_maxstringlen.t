# The values a shared handler reads by row are cut to MAXSTRINGLEN - 1
# bytes, as the literals of a handler of its own are: the same lines with
# -u, which shares nothing.
run: cd "$T" && a=$(uscript -DMAXSTRINGLEN=8 "$D/sysview_shared.up" -c ./sysfiles) && b=$(uscript -u -DMAXSTRINGLEN=8 "$D/sysview_shared.up" -c ./sysfiles) && echo "$a" | sed 's/ /_/g' && { [ "$a" = "$b" ] && echo same || echo "-u: $b"; }
--- stdout
close_40
exit_gr_30
openat_50
read_10
write_20
write,__-21
same
