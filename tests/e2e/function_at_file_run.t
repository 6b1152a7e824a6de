# The point pp() prints for a function, written back into a script, probes
# that function: here one of two overloads of a C++ method, told apart by
# the line of its declaration.
run: cd "$T" && p=$(uscript -l 'process("./cxx_names").function("shapes::Circle::grow")' | grep 'cc:45"') && uscript -e "probe $p { printf(\"%s %d\n\", ppfunc(), \$by) }" -c './cxx_names 2'
--- stdout
shapes::Circle::grow 3
shapes::Circle::grow 3
