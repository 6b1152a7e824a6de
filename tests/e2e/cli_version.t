# -V prints the version on one line that starts with "uscript ", and exits 0.
# needs: nothing
run: uscript -V | awk '{ print $1, NR }'
--- stdout
uscript 1
