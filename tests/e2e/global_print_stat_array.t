# An unread array of statistics prints one line per element, by @count,
# largest first (its synthetic foreach sorts with `-`, which means @count).
run: uscript -e 'global s; probe begin { s["a", 1] <<< 10; s["b", 2] <<< 1; s["b", 2] <<< 2; s["b", 2] <<< -6; s["c", 3] <<< 4; s["c", 3] <<< 4; exit() }'
--- stdout
s["b",2] @count=3 @min=-6 @max=2 @sum=-3 @avg=-1
s["c",3] @count=2 @min=4 @max=4 @sum=8 @avg=4
s["a",1] @count=1 @min=10 @max=10 @sum=10 @avg=10
