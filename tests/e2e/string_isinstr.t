# isinstr(s1, s2) is 1 when s2 occurs in s1 (strstr), "" occurring in anything.
run: uscript -e 'probe begin { e = ""; printf("%d %d %d %d %d %d\n", isinstr("hello", "ell"), isinstr("hello", "hello"), isinstr("hello", e), isinstr(e, e), isinstr("hello", "lo!"), isinstr("abc", "ABC")); exit() }'
--- stdout
1 1 1 1 0 0
