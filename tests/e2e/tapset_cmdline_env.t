# cmdline_str(), cmdline_arg(n), cmdline_args(n, m, delim) and env_var(name)
# read the current process's command line and environment: an empty
# argument shows as "", an argument past the last and an unset variable
# are "", and uscript's own probes (begin) trace no process.
run: cd "$T" && env -i PATH="$PATH" FOO=bar-baz EMPTY= uscript -e 'probe process("./add").function("add") { if (int_arg(1)) next; printf("[%s] [%s] [%s] [%s] [%s] [%s]\n", cmdline_str(), cmdline_arg(0), cmdline_arg(1), cmdline_arg(5), cmdline_args(1, -1, ","), cmdline_args(2, 2, ",")); printf("[%s] [%s] [%s] [%s] [%s]\n", env_var("FOO"), env_var("FO"), env_var("EMPTY"), env_var("NOPE"), env_var("")) } probe begin { printf("[%s][%s]\n", cmdline_str(), env_var("FOO")) }' -c "./add 2 '' three"
--- stdout
[][]
[./add 2 "" three] [./add] [2] [] [2,"",three] []
[bar-baz] [] [] [] []
