/* nonotes.c — a program without USDT probes. */
int main(void)
{
	return 0;
}
