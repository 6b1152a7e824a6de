# The tapset's string functions whose loops the BPF verifier takes, in a
# process probe, print what they print in tapset_strings_host.  (strpos,
# str_replace and tokenize loop over a string's bytes, which the verifier
# follows turn by turn: they are for begin, end and timer probes.)
run: cd "$T" && uscript -e 'probe process("./add").function("add") { println(isdigit("5x"), isdigit("x5"), isdigit(""), isdigit("0"), isdigit("9")) println(string_quoted("a\"b\n"), " ", string_quoted("")) log("logged") printf("[%s][%s][%s][%s][%s][%s][%s]\n", bytes_to_string(0), bytes_to_string(1023), bytes_to_string(1024), bytes_to_string(1536), bytes_to_string(10*1024+512), bytes_to_string(500*1024), bytes_to_string(5*1024*1024*1024*1024)) println(stringat("abc", 0), " ", stringat("abc", 2), " ", stringat("\377", 0)) }' -c './add 1'
--- stdout
10011
"a\"b\n" ""
logged
[    0][ 1023][1.00K][1.50K][10.5K][ 500K][5120G]
97 99 -1
