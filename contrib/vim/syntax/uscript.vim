" SPDX-License-Identifier: GPL-2.0-or-later
" Vim syntax for uscript scripts (the SystemTap script language): see
" `man uscript`.  Install under ~/.vim (or a vimfiles directory) beside
" ftdetect/uscript.vim, which gives *.up and *.stp this file type.
if exists('b:current_syntax')
  finish
endif
let s:cpo_save = &cpo
set cpo&vim

syn keyword uscriptStatement  if else while for foreach in limit break continue next return delete try catch
syn keyword uscriptDeclare    probe global function private
syn keyword uscriptType       long string
syn keyword uscriptProbeKind  begin end error timer process function statement mark provider label plt return call inline kernel module trace syscall nd_syscall perf
syn keyword uscriptBuiltin    printf print println printd printdln sprintf sprint exit error
syn keyword uscriptBuiltin    pid tid ppid uid gid cpu target execname pp probefunc ppfunc
syn keyword uscriptBuiltin    gettimeofday_s gettimeofday_ms gettimeofday_us gettimeofday_ns local_clock_ns
syn keyword uscriptBuiltin    int_arg uint_arg long_arg ulong_arg pointer_arg returnval
syn keyword uscriptBuiltin    user_string user_string_n user_long user_int user_short user_char
syn keyword uscriptBuiltin    strlen substr isinstr strtol text_str
syn keyword uscriptBuiltin    print_ubacktrace sprint_ubacktrace ubacktrace usymname usymdata umodname
syn keyword uscriptTodo       contained TODO FIXME XXX NOTE

" @count, @hist_log, @cast, @var, @entry, @defined, @define, and macros.
syn match   uscriptOperator   "@\h\w*"
" $var, $var$, $$parms, and the script arguments $1, @1, $#, @#.
syn match   uscriptTarget     "\$\$\=\h\w*\$*"
syn match   uscriptTarget     "\$\$\(vars\|parms\|locals\|return\)\$*"
syn match   uscriptArg        "[$@]\d\+\|[$@]#"
syn match   uscriptNumber     "\<\d\+\>\|\<0[xX]\x\+\>"
syn region  uscriptString     start=+"+ skip=+\\\\\|\\"+ end=+"+ contains=uscriptEscape,uscriptFormat oneline
syn match   uscriptEscape     contained "\\\([\\"'?abfnrtv]\|\o\{1,3}\|x\x\{1,2}\)"
syn match   uscriptFormat     contained "%[-+ #0]*\(\d\+\|\*\)\=\(\.\(\d\+\|\*\)\)\=[dioupxXcsmMb%]"

" Preprocessor conditionals and embedded C.
syn match   uscriptPreProc    "%(\|%?\|%:\|%)"
syn region  uscriptEmbedded   start="%{" end="%}"

syn match   uscriptComment    "#.*$" contains=uscriptTodo
syn match   uscriptComment    "//.*$" contains=uscriptTodo
syn region  uscriptComment    start="/\*" end="\*/" contains=uscriptTodo
" The #! line.
syn match   uscriptShebang    "\%^#!.*$"

hi def link uscriptStatement  Statement
hi def link uscriptDeclare    Keyword
hi def link uscriptType       Type
hi def link uscriptProbeKind  Identifier
hi def link uscriptBuiltin    Function
hi def link uscriptOperator   Operator
hi def link uscriptTarget     Special
hi def link uscriptArg        Special
hi def link uscriptNumber     Number
hi def link uscriptString     String
hi def link uscriptEscape     SpecialChar
hi def link uscriptFormat     SpecialChar
hi def link uscriptPreProc    PreProc
hi def link uscriptEmbedded   PreProc
hi def link uscriptComment    Comment
hi def link uscriptShebang    PreProc
hi def link uscriptTodo       Todo

let b:current_syntax = 'uscript'
let &cpo = s:cpo_save
unlet s:cpo_save
