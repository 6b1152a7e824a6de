# matched(1) as an array's key in a process probe; matched_str(); the
# probe's functions see its last match.
run: cd "$T" && uscript -e 'global ext; function group(n) { return matched(n) } probe process("./vars").function("pointers") { for (i = 0; i < 3; i++) { name = user_string($str) . (i == 1 ? ".tar.gz" : ".c"); if (name =~ "\\.(tar\\.)?([a-z]+)$") ext[group(2)]++ } printf("%s [%s] %d\n", matched_str(), group(1), ngroups()) } probe end { foreach (e+ in ext) printf("%s %d\n", e, ext[e]) }' -c ./vars
--- stdout
.c [] 3
c 2
gz 1
