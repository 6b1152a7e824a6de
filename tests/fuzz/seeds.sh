#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Writes the fuzzer's seed corpus to DIR: every script in the tests and the
# examples, one file each.  tests/parse and tests/diag scripts as they are;
# from tests/e2e/*.t, the programs the run: lines give with -e, with the
# target ($T) left to $PATH, which the fuzz target sets to its targets; an
# example with the -c command its header comment shows.  A script run with
# -c gets a first line "# -c PROGRAM" (see fuzz_compile.c).
#
#   seeds.sh DIR
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
out=$1
mkdir -p "$out"
for f in "$src"/tests/parse/*.up "$src"/tests/diag/*.up; do
	kind=$(basename "$(dirname "$f")")
	cp "$f" "$out/$kind-$(basename "$f" .up)"
done
exec perl -e '
use strict;
my ($out, @files) = @ARGV;
# One shell word at the start of $_[0]: its text, and the rest of the line.
sub word {
	my $s = shift;
	$s =~ s/^\s+//;
	return $1 =~ s/\x27\\\x27\x27/\x27/gr, $2 if $s =~ /^\x27((?:[^\x27]|\x27\\\x27\x27)*)\x27(.*)$/s;
	if ($s =~ /^\$\x27((?:[^\x27\\]|\\.)*)\x27(.*)$/s) {
		my ($w, $rest) = ($1, $2);
		my %esc = (n => "\n", t => "\t", "\\" => "\\", "\x27" => "\x27", "\"" => "\"");
		$w =~ s/\\(.)/exists $esc{$1} ? $esc{$1} : "\\$1"/ge;
		return $w, $rest;
	}
	if ($s =~ /^"((?:[^"\\]|\\.)*)"(.*)$/s) {
		my ($w, $rest) = ($1, $2);
		$w =~ s/\\([\$"\\`])/$1/g;
		return $w, $rest;
	}
	return $1, $2 if $s =~ /^([^\s;|&<>]+)(.*)$/s;
	return undef, $s;
}
sub untarget { my $s = shift; $s =~ s{(?:\$T|\$\{T\}|"\$T")/}{}g; $s }
my $n = 0;
for my $f (@files) {
	open my $fh, "<", $f or die "$f: $!";
	local $/;
	my $text = <$fh>;
	(my $base = $f) =~ s{.*/}{};
	$base =~ s/\.\w+$//;
	if ($f =~ /\.up$/) {
		my $seed = $text;
		if ($text =~ /-c\s+(\x27[^\x27]*\x27|"[^"]*"|\S+)/) {
			my ($cmd) = word($1);
			my ($exe) = split " ", $cmd;
			$exe =~ s{.*/}{};
			$seed = "# -c $exe\n$text";
		}
		open my $o, ">", "$out/example-$base" or die;
		print $o $seed;
		next;
	}
	my $i = 0;
	for my $line ($text =~ /^run: (.*)$/mg) {
		# Each uscript command: its -e program and its -c program.
		for my $cmd (split /\buscript\b/, $line) {
			my ($prog, $exe, $rest) = (undef, undef, $cmd);
			while ($rest =~ /^\s*(-[eDcpoxlL])\s*(.*)$/s ||
			       $rest =~ /^\s*(-\w+)()(.*)$/s) {
				my ($opt, $r) = ($1, $2);
				last if $opt !~ /^-[eDcpoxlL]$/;
				my $w;
				($w, $rest) = word($r);
				last unless defined $w;
				$prog = untarget($w) if $opt eq "-e";
				($exe) = split " ", untarget($w) if $opt eq "-c";
			}
			# a -c after the program and its arguments
			if (!defined $exe && $rest =~ /\s-c\s+(.*)$/s) {
				my ($w) = word($1);
				($exe) = split " ", untarget($w) if defined $w;
			}
			next unless defined $prog;
			open my $o, ">", sprintf("%s/e2e-%s-%d", $out, $base, $i++) or die;
			print $o defined $exe ? "# -c $exe\n$prog" : $prog;
			$n++;
		}
	}
}
' "$out" "$src"/examples/*.up "$src"/tests/e2e/*.t
