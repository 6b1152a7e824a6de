/* SPDX-License-Identifier: GPL-2.0-or-later */
/* wide: calls wide() with a UTF-16 and a UTF-32 string, each 0-terminated,
 * for user_string_utf16() and user_string_utf32() to read: first
 * characters of 1 to 4 UTF-8 bytes (one a UTF-16 surrogate pair), then a
 * lone low surrogate and a unit above 0x10FFFF.  Prints nothing. */
#include <stdint.h>

__attribute__((noinline)) int wide(const uint16_t *s16, const uint32_t *s32)
{
	return s16[0] + (int)s32[0];
}

int main(void)
{
	static const uint16_t good16[] = { 'h', 0xe9, 'l', 0x20ac, 0xd83d, 0xde00, '!', 0 };
	static const uint32_t good32[] = { 'h', 0xe9, 'l', 0x20ac, 0x1f600, '!', 0 };
	static const uint16_t bad16[] = { 'a', 0xdc00, 'b', 0 };
	static const uint32_t bad32[] = { 'a', 0x110000, 0 };
	volatile uint16_t first16 = good16[0] + bad16[0];	/* pages them in */
	volatile uint32_t first32 = good32[0] + bad32[0];
	(void)first16;
	(void)first32;
	return wide(good16, good32) + wide(bad16, bad32) == 0;
}
