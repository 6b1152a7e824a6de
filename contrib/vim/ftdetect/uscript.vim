" SPDX-License-Identifier: GPL-2.0-or-later
" uscript scripts: *.up, and SystemTap's *.stp, which uscript runs too.
au BufRead,BufNewFile *.up setfiletype uscript
" Over Vim's own SystemTap file type, which knows less of the language.
au BufRead,BufNewFile *.stp set filetype=uscript
" A script without a suffix, by its #! line.
au BufRead,BufNewFile * if getline(1) =~# '^#!.*\<uscript\>' | setfiletype uscript | endif
