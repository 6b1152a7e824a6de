# The same strings with MAXSTRINGLEN 16: the input is read up to 15 bytes,
# and an escape that does not fit whole ends the result.
run: cd "$T" && uscript -D MAXSTRINGLEN=16 "$D/text_str_bpf.up" -c './add 1'
--- stdout
plain text

quote\" back\\s
\a\b\t\n\v\f\r
\001\177\200
\u00E9\u20AC
\300\257
\340\200\257
\355\240\200
\364\220\200
\342\202
\303A
\360\237\230
xxxxxxxxxxxxxxx
yyyyyyyyyyyyyyy
\001\001\001
a\351\351\351
\u20AC\u20AC
tab\theretab\th
