# -V prints the package version on one line and exits 0.
# needs: nothing
run: uscript -V
--- stdout
uscript 0.1.0
