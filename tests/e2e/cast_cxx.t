# C++: @cast to a class in a namespace ("store::Shop", "class store::Shop",
# or its own name), members of its base class, @var of a namespace's global
# and of a global object, a class's static member, '&' as an offset, a
# namespace's global as $sold, and $this$ in a method.
run: uscript -e 'probe process("'$T'/casts_cxx").function("take") { printf("%d %d %d %d %d %d %d %d\n", @cast($p, "store::Shop")->price, @cast($p, "class store::Shop")->stock, @cast($p, "Shop")->extra[1]->price, @var("sold"), @var("shop")->stock, @var("opened"), &@cast(0, "store::Shop")->extra, $sold) } probe process("'$T'/casts_cxx").function("store::Shop::sell") { printf("%d %d %s\n", $this->stock, $n, $this$) }' -c "$T/casts_cxx 2"
--- stdout
250 9 7 40 9 3 16 40
9 1 {.extra=[...], .kind=0x0, .price=250, .stock=9}
250 8 7 41 8 3 16 41
8 1 {.extra=[...], .kind=0x0, .price=250, .stock=8}
