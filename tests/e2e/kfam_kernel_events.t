# netdev.*, vm.*, ioblock.*, irq_handler.*, softirq.* and
# scheduler.ctxswitch/cpu_off are tapset aliases on tracepoints, with
# SystemTap's variables: a shell sends a datagram over loopback, dd writes
# a block of its directory's file system, and each family checks what it
# sees.  (The block lines need a directory on a block device.)
run: cd "$T" && uscript "$D/kfam_kernel_events.up" -c "bash -c 'echo hi > /dev/udp/127.0.0.1/9; dd if=/dev/zero of=./kfam.dd bs=4096 count=1 oflag=direct conv=fsync 2>/dev/null; rm -f kfam.dd; sleep 0.1'"
--- stdout
ioblock.end: seen, 0 wrong
ioblock.request: seen, 0 wrong
ioblock.request of no file: seen, 0 wrong
irq_handler.entry: seen, 0 wrong
irq_handler.exit: seen, 0 wrong
netdev.receive: seen, 0 wrong
netdev.transmit: seen, 0 wrong
scheduler.cpu_off: seen, 0 wrong
scheduler.ctxswitch: seen, 0 wrong
softirq.entry: seen, 0 wrong
vm.kfree: seen, 0 wrong
vm.kmalloc: seen, 0 wrong
vm.kmem_cache_alloc: seen, 0 wrong
vm.pagefault (read): seen, 0 wrong
vm.pagefault (write): seen, 0 wrong
