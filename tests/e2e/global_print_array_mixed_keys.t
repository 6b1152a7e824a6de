# An array written and never read is printed at the end, after the script's
# own end probes, as SystemTap's synthetic `foreach (v = [k1, k2] in a-)`
# prints it (elaborate.cxx add_global_var_display): by value, largest first,
# string keys in double quotes.
run: uscript -e 'global a; probe begin { a[1, "k"] = 3; a[2, "j"] = 7; a[0, "z"] = -1; a[5, ""] = 4; exit() } probe end { println("end") }'
--- stdout
end
a[2,"j"]=7
a[5,""]=4
a[1,"k"]=3
a[0,"z"]=-1
