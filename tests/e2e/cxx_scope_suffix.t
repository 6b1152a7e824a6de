# A C++ name needs only the scopes it wants to check: "grow" is every function
# called grow (two overloaded methods and a global function), "Circle::grow" the
# methods, "::grow" the global one; ppfunc() keeps the scopes the point wrote,
# as SystemTap prints them.
run: cd "$T" && for f in grow Circle::grow ::grow; do uscript -e 'probe process("./cxx_names").function("'"$f"'") { printf("%s: %s %s\n", "'"$f"'", ppfunc(), probefunc()) }' -c './cxx_names'; done
--- stdout
grow: grow _ZN6shapes6Circle4growEv
grow: grow _ZN6shapes6Circle4growEi
grow: grow _Z4growi
Circle::grow: Circle::grow _ZN6shapes6Circle4growEv
Circle::grow: Circle::grow _ZN6shapes6Circle4growEi
::grow: ::grow _Z4growi
