# USDT probes in a shared library, by its path: they fire in the program
# that loads it, with their arguments, and the library's semaphore is
# counted up while uscript is attached (the program says "traced").
run: uscript -e 'probe process("'$T'/libusdt.so").mark("*") { printf("%s %s\n", $$name, $$parms) }' -c "$T/usdt_lib 2" | sort
--- stdout
enter $arg1=0x1 $arg2=0x2
enter $arg1=0x2 $arg2=0x4
guarded $arg1=0x1
guarded $arg1=0x2
round 1 traced
round 2 traced
