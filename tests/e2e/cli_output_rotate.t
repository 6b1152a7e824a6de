# -o FILE -S SIZE[,N], as staprun: the output goes to FILE.0, FILE.1 ...,
# the next one once a file holds more than SIZE megabytes (each file starts
# on a line of its own), and only the last N files are kept.  Here about
# 2.3 MB of lines in files of 1 MB, the last two kept: FILE.1 and FILE.2,
# which hold the end of the output, line for line.  -S without -o is a
# usage error.
run: d=$(mktemp -d); uscript -D MAXACTION=1000000 -o "$d/out" -S 1,2 -e 'probe begin { for (i = 0; i < 30000; i++) printf("line %05d %s\n", i, "........................................................................") exit() }'; echo "status $?"; ls "$d"; head -c 10 "$d/out.1" | sed "s/[0-9]/N/g"; echo; cat "$d/out.1" "$d/out.2" | tail -1; n=$(cat "$d/out.1" "$d/out.2" | wc -l); first=$(head -c 10 "$d/out.1" | cut -c6-10); echo "$((30000 - 10#$first == n))"; rm -r "$d"; uscript -S 1 -e 'probe begin {}'; echo "status $?"
--- stdout
status 0
out.1
out.2
line NNNNN
line 29999 ........................................................................
1
status 2
--- stderr
uscript: -S needs the output file's name, with -o
Try 'uscript -h' for more information.
