# An unread scalar statistic nothing was added to prints `x @count=0x0`
# (PR7053 in elaborate.cxx add_global_var_display).
run: uscript -e 'global x, y; probe begin { if (0) x <<< 1; y <<< -4; exit() }'
--- stdout
x @count=0x0
y @count=1 @min=-4 @max=-4 @sum=-4 @avg=-4
