# 60 text_str and 60 strtol calls in one process probe load, and give what
# the same calls give in the end probe.
run: cd "$T" && uscript "$D/string_functions_many_in_one_probe.up" -c './add 1'
--- stdout
60 strings, 0 differ
