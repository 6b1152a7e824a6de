# text_str in process probes escapes as the runtime does: the strings of
# text_str_bpf.up (escapes, UTF-8 of 2 to 4 bytes, ill-formed sequences,
# strings that fill MAXSTRINGLEN), with no difference marked.
run: cd "$T" && uscript "$D/text_str_bpf.up" -c './add 1'
--- stdout
plain text

quote\" back\\slash
\a\b\t\n\v\f\r
\001\177\200\377
\u00E9\u20AC\U0001F600
\300\257
\340\200\257
\355\240\200
\364\220\200\200
\342\202
\303A
\360\237\230
xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\u00E9
yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy
\001\001\001\001\001\001\001\001\001\001\001\001\001\001\001\001\001\001\001\001\001\001\001\001\001\001\001\001\001\001\001
a\351\351\351\351\351\351\351\351\351\351\351\351\351\351\351\351\351\351\351\351\351\351\351\351\351\351\351\351\351\351\351
\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC
tab\theretab\theretab\theretab\theretab\theretab\theretab\theretab\theretab\theretab\there
