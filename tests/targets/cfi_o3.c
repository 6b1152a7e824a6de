/* cfi_o3: cfi.c built with -O3 and without frame pointers. */
/* cflags: -O3 -fomit-frame-pointer */
/* link: -L$T -lcfi -Wl,-rpath,$ORIGIN */
#include "cfi.c"
