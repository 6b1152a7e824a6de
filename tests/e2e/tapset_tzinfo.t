# tzinfo.stp: tz_gmtoff() is the local zone's offset in seconds west of
# UTC, tz_name() its abbreviation and tz_ctime(secs) ctime() of the local
# time with the name after it, the zone as TZ gives it when uscript
# starts; in a begin probe and in a process probe.
run: cd "$T" && TZ=XYZ-5:30 uscript -e 'probe begin { printf("%d %s [%s]\n", tz_gmtoff(), tz_name(), tz_ctime(0)) } probe process("./add").function("add") { printf("%d %s [%s]\n", tz_gmtoff(), tz_name(), tz_ctime(86400 * 365)) }' -c './add 1'; TZ=ABC+3 uscript -e 'probe begin { printf("%d %s [%s]\n", tz_gmtoff(), tz_name(), tz_ctime(0)); exit() }'; TZ=UTC uscript -e 'probe begin { printf("%d %s [%s]\n", tz_gmtoff(), tz_name(), tz_ctime(1000000000)); exit() }'
--- stdout
-19800 XYZ [Thu Jan  1 05:30:00 1970 XYZ]
-19800 XYZ [Fri Jan  1 05:30:00 1971 XYZ]
10800 ABC [Wed Dec 31 21:00:00 1969 ABC]
0 UTC [Sun Sep  9 01:46:40 2001 UTC]
