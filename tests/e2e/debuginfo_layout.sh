#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Lays out a program with its debug information split off, as
# distributions ship it, for the debuginfo_*.t cases:
#   debuginfo_layout.sh LAYOUT SRC DIR
# copies SRC (built with -g) to DIR/prog, strips it of everything
# (strip --strip-all) and puts its debug information where LAYOUT says:
#   link      DIR/prog.debug, named by prog's .gnu_debuglink
#   symtab    as link, but prog keeps its .symtab (strip --strip-debug)
#   dotdebug  DIR/.debug/prog.debug, named by prog's .gnu_debuglink
#   buildid   DIR/root/.build-id/NN/REST.debug (SYSTEMTAP_DEBUGINFO_PATH=DIR/root)
#   pathname  DIR/root/DIR/prog.debug (SYSTEMTAP_DEBUGINFO_PATH=DIR/root)
#   store     DIR/store/prog.debug, for a debuginfod server to serve
#   mini      nowhere; prog gets MiniDebugInfo (.gnu_debugdata) as Fedora
#             makes it: the function symbols .dynsym lacks, xz-compressed
#   badcrc    DIR/prog.debug named by the debuglink, then changed, so that
#             its CRC no longer matches
#   none      nowhere
set -e
layout=$1 src=$2 dir=$3
mkdir -p "$dir"
cp "$src" "$dir/prog.full"
cd "$dir"
objcopy --only-keep-debug prog.full prog.dbg
cp prog.full prog
if [ "$layout" = symtab ]; then strip --strip-debug prog; else strip --strip-all prog; fi
case $layout in
link | symtab | badcrc)
	mv prog.dbg prog.debug
	objcopy --add-gnu-debuglink=prog.debug prog
	if [ "$layout" = badcrc ]; then
		# One byte more at the end: still the same ELF file.
		printf '\0' >>prog.debug
	fi ;;
dotdebug)
	mkdir -p .debug
	mv prog.dbg prog.debug
	objcopy --add-gnu-debuglink=prog.debug prog
	mv prog.debug .debug/ ;;
buildid)
	id=$(readelf -n prog | sed -n 's/.*Build ID: //p')
	mkdir -p "root/.build-id/${id:0:2}"
	mv prog.dbg "root/.build-id/${id:0:2}/${id:2}.debug" ;;
pathname)
	real=$(pwd -P)
	mkdir -p "root$real"
	mv prog.dbg "root$real/prog.debug" ;;
store)
	mkdir -p store
	mv prog.dbg store/prog.debug ;;
mini)
	# The function symbols of .symtab that .dynsym has not, in an ELF
	# file with only a symbol table, compressed with xz.
	nm -D prog.full --format=posix --defined-only | awk '{ print $1 }' | sort >dynsyms
	nm prog.full --format=posix --defined-only |
		awk '$2 == "T" || $2 == "t" { print $1 }' | sort >funcsyms
	comm -13 dynsyms funcsyms >keep
	objcopy -S --remove-section .gdb_index --remove-section .comment \
		--keep-symbols=keep prog.dbg mini.debug
	xz -f mini.debug
	objcopy --add-section .gnu_debugdata=mini.debug.xz prog
	rm -f prog.dbg dynsyms funcsyms keep ;;
none)
	rm prog.dbg ;;
*)
	echo "debuginfo_layout.sh: unknown layout $layout" >&2
	exit 2 ;;
esac
rm prog.full
