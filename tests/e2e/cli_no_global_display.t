# --no-global-var-display: the globals the script wrote and never read are
# not printed at the end, as with stap's option of that name.
run: uscript -e 'global a, b; probe begin { a = 1; b[1] = "x"; println("begin"); exit() }'; uscript --no-global-var-display -e 'global a, b; probe begin { a = 1; b[1] = "x"; println("begin"); exit() }'
--- stdout
begin
a=1
b[1]="x"
begin
