# Empty strings print nothing, or only their padding.
run: uscript -e 'probe begin { e = ""; printf("[%s][%3s][%-3s]\n", e, e, e); exit() }'
--- stdout
[][   ][   ]
