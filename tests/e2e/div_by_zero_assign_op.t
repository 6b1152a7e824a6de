# x /= 0: SystemTap names the right-hand operand.
run: uscript -e 'probe begin { x = 5; z = 0; x /= z }'
--- stderr
ERROR: division by 0 near <input>:1:34
--- status
1
