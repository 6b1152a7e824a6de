#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Writes the mechanical part of the system call tapset.

Run on an x86-64 machine with tracefs mounted (mount -t tracefs nodev
/sys/kernel/tracing), from anywhere, after a change to syscalls.stp (a call
it covers leaves syscalls_more.stp) or on a newer kernel:

    python3 tapset/gen-syscalls.py [TRACEFS] [UNISTD_64_H]

It reads the syscalls:sys_enter_* event formats of the running kernel and
the system call numbers, and writes:

  tapset/syscalls_more.stp  syscall.NAME for each event syscalls.stp does
                            not cover (its arguments by the event's field
                            names, argstr their values: strings quoted,
                            pointers in hex, numbers in decimal), and
                            syscall.NAME.return for each one without its own;
  tapset/nd_syscalls.stp    nd_syscall.NAME and nd_syscall.NAME.return, the
                            same probes under SystemTap's other family name;
  tapset/syscall_any.stp    syscall_any, syscall_any.return and
                            syscall_name(), the number-to-name table.

The output is committed: the build needs neither tracefs nor this script.
"""
import os
import re
import sys

TRACEFS = sys.argv[1] if len(sys.argv) > 1 else "/sys/kernel/tracing"
UNISTD = sys.argv[2] if len(sys.argv) > 2 else "/usr/include/x86_64-linux-gnu/asm/unistd_64.h"
TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Events whose system call SystemTap names otherwise.
RENAMED = {
    "pread64": "pread", "pwrite64": "pwrite", "newstat": "stat", "newlstat": "lstat",
    "newfstat": "fstat", "newfstatat": "fstatat", "newuname": "uname",
    "sendfile64": "sendfile",
}

# Numbers newer than the installed header knows.
EXTRA_NUMBERS = {
    335: "uretprobe", 336: "uprobe", 451: "cachestat", 452: "fchmodat2",
    453: "map_shadow_stack", 454: "futex_wake", 455: "futex_wait", 456: "futex_requeue",
    457: "statmount", 458: "listmount", 459: "lsm_get_self_attr", 460: "lsm_set_self_attr",
    461: "lsm_list_modules", 462: "mseal", 463: "setxattrat", 464: "getxattrat",
    465: "listxattrat", 466: "removexattrat", 467: "open_tree_attr", 468: "file_getattr",
    469: "file_setattr",
}

# Variables every alias sets itself; a field of that name takes a suffix.
RESERVED = {"name", "argstr", "retval", "retstr"}

INT32 = {"int", "pid_t", "clockid_t", "timer_t", "key_serial_t", "rwf_t", "mqd_t", "key_t"}
UINT32 = {"unsigned int", "unsigned", "uid_t", "gid_t", "umode_t", "u32", "__u32", "mode_t",
          "qid_t", "old_uid_t", "old_gid_t", "unsigned short"}

HEADER = "// {} — {}\n// Written by tapset/gen-syscalls.py from the running kernel's\n" \
         "// syscalls:sys_enter_* events; edit the script, not this file.\n"


def events():
    out = {}
    d = os.path.join(TRACEFS, "events", "syscalls")
    for ev in sorted(os.listdir(d)):
        if not ev.startswith("sys_enter_"):
            continue
        fields = []
        with open(os.path.join(d, ev, "format")) as f:
            for line in f:
                m = re.match(r"\s*field:(.*?)\s*([A-Za-z_0-9]+);\s*offset:(\d+);", line)
                if m and int(m.group(3)) >= 16:
                    fields.append((m.group(1).strip(), m.group(2)))
        out[ev[len("sys_enter_"):]] = fields
    return out


def covered():
    """The names syscalls.stp defines, entry and return."""
    entry, ret = set(), set()
    with open(os.path.join(TOP, "tapset", "syscalls.stp")) as f:
        for line in f:
            m = re.match(r"probe syscall\.([a-z0-9_]+)(\.return)? =", line)
            if m:
                (ret if m.group(2) else entry).add(m.group(1))
    return entry, ret


# Pointers to a string the call reads: quoted as SystemTap quotes them.
def is_string(ctype, var):
    if ctype == "const char *":
        return var not in ("buf", "u_msg_ptr")
    return ctype == "char *" and var in ("filename", "type", "dir_name", "dev_name")


def conv(ctype, var):
    t = ctype.replace("const ", "").strip()
    if is_string(ctype, var):
        return "user_string_quoted($%s)" % var, "%s"
    if "*" in t:
        return "$" + var, "%p"
    if t in INT32:
        return "__int32($%s)" % var, "%d"
    if t in UINT32:
        return "__uint32($%s)" % var, "%u"
    if t.startswith("unsigned") or t in ("size_t", "u64", "__u64", "aio_context_t"):
        return "$" + var, "%u"
    return "$" + var, "%d"


def entry_alias(call, ev, fields):
    lines = ["probe syscall.%s = kernel.trace(\"syscalls:sys_enter_%s\")" % (call, ev), "{",
             "\tname = \"%s\"" % call]
    fmts, names = [], []
    for ctype, var in fields:
        expr, fmt = conv(ctype, var)
        local = var
        if local in RESERVED:
            local += "_uaddr" if fmt in ("%p", "%s") else "_arg"
        if fmt == "%s":
            lines.append("\t%s_uaddr = $%s" % (local, var))
        lines.append("\t%s = %s" % (local, expr))
        fmts.append(fmt)
        names.append(local)
    if names:
        lines.append("\targstr = sprintf(\"%s\", %s)" % (", ".join(fmts), ", ".join(names)))
    else:
        lines.append("\targstr = \"\"")
    lines.append("}")
    return "\n".join(lines) + "\n"


def return_alias(call, ev):
    return ("probe syscall.%s.return = kernel.trace(\"syscalls:sys_exit_%s\")\n{\n"
            "\tname = \"%s\"\n\tretval = $ret\n\tretstr = return_str(1, retval)\n}\n"
            % (call, ev, call))


def numbers():
    table = dict(EXTRA_NUMBERS)
    with open(UNISTD) as f:
        for line in f:
            m = re.match(r"#define __NR_([a-z0-9_]+)\s+(\d+)", line)
            if m:
                table[int(m.group(2))] = m.group(1)
    return table


def name_tree(items, depth):
    """A binary search over sorted (number, name) pairs, as if/else: a
    handler runs (and MAXACTION counts) one path, some ten statements."""
    tab = "\t" * depth
    if len(items) == 1:
        nr, nm = items[0]
        return "%sreturn nr == %d ? \"%s\" : \"\"\n" % (tab, nr, nm)
    mid = len(items) // 2
    return ("%sif (nr < %d) {\n%s%s} else {\n%s%s}\n" %
            (tab, items[mid][0], name_tree(items[:mid], depth + 1), tab,
             name_tree(items[mid:], depth + 1), tab))


def main():
    evs = events()
    entry, ret = covered()
    calls = {ev: RENAMED.get(ev, ev) for ev in evs}
    more = [HEADER.format("syscalls_more.stp", "syscall.NAME for the system calls "
                          "syscalls.stp\n// leaves out, and the returns it has no "
                          "alias of its own for.")]
    for ev in sorted(evs, key=lambda e: calls[e]):
        call = calls[ev]
        if call not in entry:
            more.append("\n" + entry_alias(call, ev, evs[ev]))
        if call not in ret:
            more.append("\n" + return_alias(call, ev))
    with open(os.path.join(TOP, "tapset", "syscalls_more.stp"), "w") as f:
        f.write("".join(more))

    nd = [HEADER.format("nd_syscalls.stp", "nd_syscall.NAME: here the same probes as "
                        "syscall.NAME,\n// with the same variables.")]
    for call in sorted(calls.values()):
        nd.append("\nprobe nd_syscall.%s = syscall.%s {}\n"
                  "probe nd_syscall.%s.return = syscall.%s.return {}\n" % (call, call, call, call))
    with open(os.path.join(TOP, "tapset", "nd_syscalls.stp"), "w") as f:
        f.write("".join(nd))

    table = sorted(numbers().items())
    anyf = [HEADER.format("syscall_any.stp", "every system call, by number, over\n"
                          "// raw_syscalls:sys_enter and sys_exit.")]
    anyf.append("""
// The x86-64 system call numbered nr ("read" for 0), "" for an unknown one.
function syscall_name:string(nr:long)
{
%s}

// Entry to any system call: syscall_nr, and its name.
probe syscall_any = kernel.trace("raw_syscalls:sys_enter")
{
	syscall_nr = $id
	name = syscall_name(syscall_nr)
}

// Return from any system call: syscall_nr, name, and retval.
probe syscall_any.return = kernel.trace("raw_syscalls:sys_exit")
{
	syscall_nr = $regs->orig_ax
	name = syscall_name(syscall_nr)
	retval = $ret
}
""" % name_tree(table, 1))
    with open(os.path.join(TOP, "tapset", "syscall_any.stp"), "w") as f:
        f.write("".join(anyf))


main()
