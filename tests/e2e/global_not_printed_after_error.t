# After a runtime error the end probes are skipped, and with them SystemTap's printing
# of unread globals (it is done by synthetic end probes).
run: uscript -e 'global x; probe begin { x = 5; z = 0; y = 1 / z }'
--- stderr
ERROR: division by 0 near <input>:1:45
--- status
1
