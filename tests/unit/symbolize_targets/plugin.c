/* plugin.c — a library chain.c loads after the test has read its maps. */
void plugin_run(void (*cb)(void));

void plugin_run(void (*cb)(void))
{
	cb();
}

void plugin_last(void)
{
}
