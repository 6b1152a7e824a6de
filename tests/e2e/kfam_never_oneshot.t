# never is resolved and checked but never runs; oneshot runs its handler
# once and stops the script, and end runs.  signal_str and _signal_name
# name signals as SystemTap's tapset does, numbers with no name as it does.
# needs: nothing
run: uscript -e 'probe never { println("never runs") } probe oneshot { printf("%s %s %s %s %s [%s] [%s] %s %s %s %s\n", signal_str(1), signal_str(10), signal_str(29), signal_str(34), signal_str(64), signal_str(0), signal_str(65), _signal_name(9), _signal_name(29), _signal_name(16), _signal_name(0)) } probe end { println("end") }'
--- stdout
HUP USR1 IO/POLL RTMIN+2 RTMIN+32 [] [] SIGKILL SIGIO/SIGPOLL 0x10 SIG_0
end
