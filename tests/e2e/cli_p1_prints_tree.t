# -p1 prints the parsed script back as text, which -p1 reads again unchanged.
# needs: nothing
run: d=$(mktemp -d) && uscript -p1 -e 'probe begin { x = 1 + 2 * 3; println(x) }' > "$d/a.up" && uscript -p1 "$d/a.up" > "$d/b.up" && cmp "$d/a.up" "$d/b.up" && grep -c 'probe begin' "$d/a.up"; rm -rf "$d"
--- stdout
1
