# %p is %#x of the 64-bit value, with no default width (SystemTap 1.3 and later).
run: uscript -e 'probe begin { printf("%p %p %p [%10p] [%-10p]\n", 0, 4660, -1, 4660, 4660); exit() }'
--- stdout
0x0 0x1234 0xffffffffffffffff [    0x1234] [0x1234    ]
