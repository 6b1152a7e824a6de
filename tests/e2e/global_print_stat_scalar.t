# An unread scalar statistic is printed as `x @count=… @min=… @max=… @sum=…
# @avg=…` (elaborate.cxx add_global_var_display).
run: uscript -e 'global x; probe begin { x <<< 1; x <<< 5; exit() }'
--- stdout
x @count=2 @min=1 @max=5 @sum=6 @avg=3
