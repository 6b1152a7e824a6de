# The same cases with MAXSTRINGLEN 16: widths and precisions are clamped to
# the room left, and a full string gives its last byte to the NUL.
run: cd "$T" && uscript -D MAXSTRINGLEN=16 "$D/sprintf_bpf.up" -c './add 1'
--- stdout
0|0|0|0|0|0|0x0
1|1|1|1|1|1|0x1
-1|-1|184467440
42|42|42|2a|2A|
-92233720368547
922337203685477
255|255|255|ff|
10|10|10|a|A|12
39|39|39|27|27|
    0|0    |000
0x0|0X0|00|  0x
   42|42   |004
0x2a|0X2A|052|0
-92233720368547
0x8000000000000


|  
|
  |\n| \
'|  '|'  |\'| \
ÿ|  ÿ|ÿ  |\377|
|          |   

hello|     hell
hello
a somewhat long
a somewhat long
42|42|42|hello|
 42|42 |042|hel
42|42|42|hello|
              4
a42bhellocffd12
a somewhat long
              4
a somewhat long
hellohello     
a somewhat long
plain text

