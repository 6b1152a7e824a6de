# The tapset's string functions in a begin probe: str_replace (overlapping,
# empty and whole matches), strpos, isdigit, string_quoted, log,
# bytes_to_string (SystemTap's five columns, K, M and G) and the builtin
# stringat (a signed char).
# needs: nothing
run: uscript -e 'probe begin { println(str_replace("a-b-c", "-", "+="), " ", str_replace("aaa", "aa", "b"), " ", str_replace("abc", "", "x"), " [", str_replace("abc", "abc", ""), "] [", str_replace("", "a", "b"), "] ", str_replace("xyz", "q", "r")) println(strpos("abcabc", "ca"), " ", strpos("abc", ""), " ", strpos("abc", "d"), " ", strpos("abc", "abcd"), " ", strpos("hello", "lo")) println(isdigit("5x"), isdigit("x5"), isdigit(""), isdigit("0"), isdigit("9")) println(string_quoted("a\"b\n"), " ", string_quoted("")) log("logged") printf("[%s][%s][%s][%s][%s][%s][%s]\n", bytes_to_string(0), bytes_to_string(1023), bytes_to_string(1024), bytes_to_string(1536), bytes_to_string(10*1024+512), bytes_to_string(500*1024), bytes_to_string(5*1024*1024*1024*1024)) println(stringat("abc", 0), " ", stringat("abc", 2), " ", stringat("\377", 0)) exit() }'
--- stdout
a+=b+=c ba abc [] [] xyz
2 0 -1 -1 3
10011
"a\"b\n" ""
logged
[    0][ 1023][1.00K][1.50K][10.5K][ 500K][5120G]
97 99 -1
