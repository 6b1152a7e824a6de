# -V and --version print the package version on one line and exit 0.
# needs: nothing
run: uscript -V; uscript --version
--- stdout
uscript 0.1.0
uscript 0.1.0
