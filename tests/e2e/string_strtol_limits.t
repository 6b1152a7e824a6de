# strtol reaches the ends of a long.
run: uscript -e 'probe begin { printf("%d %d %d\n", strtol("9223372036854775807", 10), strtol("-9223372036854775807", 10), strtol("7fffffffffffffff", 16)); exit() }'
--- stdout
9223372036854775807 -9223372036854775807 9223372036854775807
