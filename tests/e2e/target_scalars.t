# $name reads a parameter by name, with its DWARF type: signed and
# unsigned widths, char, bool and an enum (whose values SystemTap reads
# unsigned); $$parms is every parameter in hex.  PIE and non-PIE alike.
run: for p in vars vars_nopie; do uscript -e 'probe process("'$T/$p'").function("scalars") { printf("%d %d %d %d %d %d %d %d\n", $i, $uc, $s, $l, $u, $c, $b, $col); println($$parms) }' -c "$T/$p"; done
--- stdout
-5 200 -300 -4000000000 4000000000 65 1 4294967295
i=0xfffffffffffffffb uc=0xc8 s=0xfffffffffffffed4 l=0xffffffff1194d800 u=0xee6b2800 c=0x41 b=0x1 col=0xffffffff
-5 200 -300 -4000000000 4000000000 65 1 4294967295
i=0xfffffffffffffffb uc=0xc8 s=0xfffffffffffffed4 l=0xffffffff1194d800 u=0xee6b2800 c=0x41 b=0x1 col=0xffffffff
