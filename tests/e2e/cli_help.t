# -h and --help print the usage on stdout and exit 0.
# needs: nothing
run: uscript -h | head -1; uscript --help | head -1
--- stdout
Usage: uscript [OPTIONS] FILE.up [ARG...]
Usage: uscript [OPTIONS] FILE.up [ARG...]
