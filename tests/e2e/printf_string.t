# %s with width, left justification and precision.
run: uscript -e 'probe begin { s = "hello"; printf("[%s][%8s][%-8s][%.2s][%8.3s][%-8.3s][%3s][%.0s]\n", s, s, s, s, s, s, s, s); exit() }'
--- stdout
[hello][   hello][hello   ][he][     hel][hel     ][hello][]
