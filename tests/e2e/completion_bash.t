# The bash completion (contrib/bash-completion/uscript), called as bash
# calls it: options (the --dump ones too), --color's and -f's values, -D's limits,
# -p's passes, probe kinds after -l, and a process's functions after -l, which it asks
# uscript for (here the test's uscript, named by _uscript_cmd).
# needs: nothing
run: cd "$T" && bash -c 'source "$1"; _uscript_cmd=$(command -v uscript); t() { COMP_LINE=$1; COMP_POINT=${#1}; read -ra COMP_WORDS <<< "$1"; [[ $1 == *" " ]] && COMP_WORDS+=(""); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _uscript; printf "%s|" "${COMPREPLY[@]}"; echo; }; t "uscript --no-g"; t "uscript --dump"; t "uscript --color=al"; t "uscript -f "; t "uscript --format=j"; t "uscript --fo"; t "uscript -D MAXM"; t "uscript -D MAXE"; t "uscript -p "; t "uscript -l tim"; t "uscript -l '\''process(\"./demo\").function(\"c"; complete -p uscript' _ "$D/../../contrib/bash-completion/uscript"
--- stdout
--no-global-var-display|
--dump-probe-types|--dump-functions|
always|
text|json|
json|
--format=|
MAXMAPENTRIES=|
MAXERRORS=|
1|2|3|4|5|
timer.s(|timer.ms(|timer.us(|
cache_lookup")|compute")|
complete -F _uscript uscript
