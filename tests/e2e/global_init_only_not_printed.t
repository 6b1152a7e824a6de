# An initializer is not a write (SystemTap's varuse_collecting_visitor looks only at
# probe and function bodies): a global that is only initialized is not printed.
run: uscript -e 'global n = 3, s = "init"; probe begin { exit() } probe end { println("end") }'
--- stdout
end
