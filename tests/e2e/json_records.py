#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# Reads what `uscript -f json` wrote, on standard input, as a consumer
# would: every line must be UTF-8 and one JSON object (RFC 8259, no raw
# control characters in strings) with a string "type" and a "data".
# Prints each record again as Python's json module writes it, compact,
# with everything outside ASCII as \u escapes, so a test sees the values
# the parser got.  Exits 1 at the first line that is not such a record.
import json
import sys

for number, raw in enumerate(sys.stdin.buffer, 1):
    try:
        line = raw.decode("utf-8", errors="strict")
        if not line.endswith("\n"):
            raise ValueError("no newline at the end")
        record = json.loads(line)
        if not isinstance(record, dict) or not isinstance(record.get("type"), str) \
                or "data" not in record:
            raise ValueError("not a record with a type and data")
    except ValueError as e:
        print("line %d: %s: %r" % (number, e, raw), file=sys.stderr)
        sys.exit(1)
    print(json.dumps(record, separators=(",", ":")))
