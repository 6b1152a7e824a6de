# print and println print a string as it is: a '%' in it is not a conversion.
run: uscript -e 'probe begin { print("50%d "); println("100%%"); s = "%s"; println(s); exit() }'
--- stdout
50%d 100%%
%s
