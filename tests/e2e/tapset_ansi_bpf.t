# The tapset's ansi functions in a process probe (BPF) print the same bytes
# as in tapset_ansi_host.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { ansi_clear_screen(); ansi_set_color(31); ansi_set_color(32, 41); ansi_set_color2(33, 42); ansi_set_color(34, 43, 1); ansi_set_color3(35, 44, 0); ansi_reset_color(); ansi_new_line(); ansi_cursor_move(3, 7); ansi_cursor_hide(); ansi_cursor_show(); ansi_cursor_save(); ansi_cursor_restore() }' -c './add 1' | od -An -c
--- stdout
 033   [   1   ;   1   H 033   [   J 033   [   3   1   m 033   [
   4   1   ;   3   2   m 033   [   4   2   ;   3   3   m 033   [
   4   3   ;   3   4   ;   1   m 033   [   4   4   ;   3   5   m
 033   [   0   ;   0   m  \n 033   [   7   ;   3   H 033   [   >
   5   I 033   [   >   5   h 033   [   s 033   [   u
