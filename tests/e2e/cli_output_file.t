# -o FILE: the script's output goes to FILE, nothing to stdout; end output and
# unread globals too.
run: d=$(mktemp -d) && uscript -o "$d/out" -e 'global g; probe begin { println("begin"); g = 1; exit() } probe end { println("end") }' && echo "--" && cat "$d/out"; rm -rf "$d"
--- stdout
--
begin
end
g=1
