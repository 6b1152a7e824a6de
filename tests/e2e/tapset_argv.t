# argv.stp: argc is the number of script arguments and argv[1] ...
# argv[32] their text, "" for those not given (all 32 are there, as in
# stap), filled by an init probe before the script's begin probes; a
# script that names argv or argc without declaring them gets them, may
# change them, and they are not printed at the end (the library's); a
# probe's condition may name them too; a function's parameter of that
# name is the parameter.
# needs: nothing
run: uscript -e 'probe begin { printf("argc=%d [%s] [%s] [%s] %d %d\n", argc, argv[1], argv[2], argv[3], 32 in argv, 33 in argv); foreach (i in argv limit 3) printf("%d=%s;", i, argv[i]); println(""); exit() }' one "two words"; uscript -e 'probe begin { if (argc == 0) { argv[1] = "eth0"; argc = 1 } for (i = 1; i <= argc; i++) println(argv[i]); exit() }'; uscript -e 'probe begin if (argc > 1) { println("two or more: ", argv[2]) } probe begin { exit() }' a b; uscript -e 'function f(argc) { return argc + 1 } probe begin { println(f(41), " ", argc); exit() }' x y z
--- stdout
argc=2 [one] [two words] [] 1 0
1=one;2=two words;3=;
eth0
two or more: b
42 3
