# sprintf in process probes formats as the runtime does, byte for byte: the
# cases of sprintf_bpf.up, with no difference marked.
run: cd "$T" && uscript "$D/sprintf_bpf.up" -c './add 1'
--- stdout
0|0|0|0|0|0|0x0
1|1|1|1|1|1|0x1
-1|-1|18446744073709551615|ffffffffffffffff|FFFFFFFFFFFFFFFF|1777777777777777777777|0xffffffffffffffff
42|42|42|2a|2A|52|0x2a
-9223372036854775808|-9223372036854775808|9223372036854775808|8000000000000000|8000000000000000|1000000000000000000000|0x800000
9223372036854775807|9223372036854775807|9223372036854775807|7fffffffffffffff|7FFFFFFFFFFFFFFF|777777777777777777777|0x7ffffffff
255|255|255|ff|FF|377|0xff
10|10|10|a|A|12|0xa
39|39|39|27|27|47|0x27
    0|0    |00000|+0| 0|000|     000|00000000|0
0x0|0X0|00|       0x0|0x00000|                   0|0                     |0|0
   42|42   |00042|+42| 42|042|     042|00000042|42
0x2a|0X2A|052|      0x2a|0x0002a|                  2a|52                    |42|42
-9223372036854775808|-9223372036854775808|-9223372036854775808|-9223372036854775808|-9223372036854775808|-9223372036854775808|-
0x8000000000000000|0X8000000000000000|01000000000000000000000|0x8000000000000000|0x8000000000000000|    8000000000000000|100000


|  
|
  |\n|   \n|
'|  '|'  |\'|   \'|
ÿ|  ÿ|ÿ  |\377| \377|
|          |          ||          |          ||

hello|     hello|hello     |hel|       hel|hel       ||
hello
a somewhat longer string of text|a somewhat longer string of text|a somewhat longer string of text|a s|       a s|a s       ||
a somewhat longer string of text
42|42|42|hello||ff|
 42|42 |042|hello|hel|0ff|
42|42|42|hello||ff|
                                                                                                                              4
a42bhellocffd12e
f     g42 h%i
a somewhat longer string of texta somewhat longer string of texta somewhat longer string of texta somewhat longer string of tex
                                                                                                  42|hello
a somewhat longer string of text                                                                                           hell
hellohello                                                                                               |
a somewhat longer string of text00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000004
plain text

