# -h prints the usage on stdout and exits 0.
# needs: nothing
run: uscript -h | head -1
--- stdout
Usage: uscript [OPTIONS] FILE.up [ARG...]
