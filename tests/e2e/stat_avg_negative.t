# @avg is @sum / @count divided as C divides, toward zero: -7 / 2 is -3,
# -1 / 2 is 0 (translate.cxx: _stp_div64).
run: uscript -e 'global x, y; probe begin { x <<< -7; x <<< 0; y <<< -1; y <<< 0; printf("%d %d\n", @avg(x), @avg(y)); exit() }'
--- stdout
-3 0
