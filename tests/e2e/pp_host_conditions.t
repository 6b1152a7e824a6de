# The conditions that ask about the host: arch in SystemTap's words,
# kernel_v and kernel_vr from uname (versions compared as SystemTap does,
# wildcards with == and !=), the kernel's CONFIG_ options, the privilege
# of root (stapdev) and the runtime ("bpf").
run: uscript -e 'probe begin { printf("%s %s %s %s %s %s %s\n", %( arch == "x86_64" %? "x86_64" %: "other" %), %( kernel_vr == @1 && kernel_v == @2 %? "release" %: "wrong" %), %( kernel_v >= "2.6.32" && kernel_v < "99" && kernel_v != "2.6.*" %? "newer" %: "older" %), %( CONFIG_UPROBES == "y" && CONFIG_NOSUCH_X != "y" %? "uprobes" %: "none" %), %( CONFIG_HZ > 0 || CONFIG_HZ_1000 == "y" %? "hz" %: "nohz" %), %( systemtap_privilege == "stapdev" %? "stapdev" %: "user" %), %( runtime == "kernel" %? "kernel" %: %( runtime != "dyninst" %? "bpf" %) %)); exit() }' "$(uname -r)" "$(uname -r | sed 's/-.*//')"
--- stdout
x86_64 release newer uprobes hz stapdev bpf
