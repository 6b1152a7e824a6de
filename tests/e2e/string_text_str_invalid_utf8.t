# A byte that does not start a well-formed UTF-8 sequence is escaped alone as
# \ooo and the next byte is read afresh (_stp_decode_utf8 returns it verbatim).
run: uscript -e 'probe begin { println(text_str("\303(")); println(text_str("\377a")); println(text_str("\300\200")); exit() }'
--- stdout
\303(
\377a
\300\200
