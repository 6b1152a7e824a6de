# function g:string(s:string) declares its types; inference works without them too.
run: uscript -e 'function g:string(s:string) { return "<" . s . ">" } function twice(s) { return s . s } probe begin { println(g("a")); println(twice(g("b"))); exit() }'
--- stdout
<a>
<b><b>
