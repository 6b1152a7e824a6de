# examples/mallocsizes.up: malloc's sizes in the C library, for the -c
# command only, as a histogram.
run: uscript "$D/../../examples/mallocsizes.up" -c "$T/mallocs 5"
--- stdout
15 calls to malloc, 2715 bytes in all, 3 to 500 bytes each
value |-------------------------------------------------- count
    0 |                                                   0
    1 |                                                   0
    2 |@@@@@                                              5
    4 |                                                   0
    8 |                                                   0
   16 |                                                   0
   32 |@@@@@                                              5
   64 |                                                   0
  128 |                                                   0
  256 |@@@@@                                              5
  512 |                                                   0
 1024 |                                                   0
