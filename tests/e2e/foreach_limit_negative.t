# A negative limit runs no iteration (translate.cxx: the loop breaks once
# its counter, from 0, is >= the limit).
run: uscript -e 'global a; probe begin { a[1] = 1; a[2] = 2; foreach (k in a limit -1) println(k); foreach (k- in a limit -5) println(k); println("done"); exit() }'
--- stdout
done
