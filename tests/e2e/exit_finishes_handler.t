# exit() stops the script after the current handler: the rest of it still runs.
run: uscript -e 'probe begin { exit(); println("after exit") } probe end { println("end") }'
--- stdout
after exit
end
