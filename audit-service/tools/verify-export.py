#!/usr/bin/env python3
"""Verify an audit-service NDJSON export without the service (Python 3 standard library only).

    verify-export.py EXPORT.ndjson [--anchor HEX] [--head HEX]

Each line is one entry with its "prevHash" and "hash" (hex). For every line the script removes those two
members, writes the rest in the JSON Canonicalization Scheme (RFC 8785) and checks

    hash == SHA-256(bytes(prevHash) || UTF-8(canonical entry))

and, where two lines have consecutive sequence numbers, that the later one's prevHash is the earlier one's hash
(a filtered export has gaps: its entries are each proven, the links between them are not). Entry 1 must link to
32 zero bytes. --anchor: the hash the first line must link to (the hash of the entry before the export, e.g. from
an earlier verified export). --head: the hash the last line must have (e.g. the headHash of a signed checkpoint
whose entry count is the last line's seq).

Exit status 0 when everything holds, 1 at the first line that does not (named on stderr), 2 on bad usage.
"""
import argparse
import decimal
import hashlib
import json
import math
import sys

GENESIS = "00" * 32


def jcs(value):
    """RFC 8785 canonical JSON of a value parsed by json.loads."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        # json.dumps escapes exactly what RFC 8785 escapes (quote, backslash, control characters, the short forms
        # \b \t \n \f \r, others as lower-case \u00xx) when it may leave non-ASCII characters as they are.
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (int, float)):
        return number(value)
    if isinstance(value, list):
        return "[" + ",".join(jcs(item) for item in value) + "]"
    if isinstance(value, dict):
        # members sorted by their names' UTF-16 code units
        names = sorted(value, key=lambda name: name.encode("utf-16-be"))
        return "{" + ",".join(jcs(name) + ":" + jcs(value[name]) for name in names) + "}"
    raise ValueError("not a JSON value: %r" % (value,))


def number(value):
    """ECMAScript's Number.prototype.toString of the IEEE 754 double nearest to the value (RFC 8785 3.2.2.3)."""
    f = float(value)
    if not math.isfinite(f):
        raise ValueError("NaN and infinities are not JSON")
    if f == 0:
        return "0"
    if f < 0:
        return "-" + number(-f)
    # repr gives the shortest digits that read back as the same double, as ECMAScript requires;
    # value = 0.DIGITS x 10^n
    _, digit_tuple, exponent = decimal.Decimal(repr(f)).normalize().as_tuple()
    digits = "".join(map(str, digit_tuple))
    k = len(digits)
    n = exponent + k
    if k <= n <= 21:
        return digits + "0" * (n - k)
    if 0 < n <= 21:
        return digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return "0." + "0" * (-n) + digits
    e = n - 1
    return digits[0] + ("." + digits[1:] if k > 1 else "") + "e" + ("+" if e > 0 else "-") + str(abs(e))


def entry_hash(prev_hash_hex, entry):
    return hashlib.sha256(bytes.fromhex(prev_hash_hex) + jcs(entry).encode("utf-8")).hexdigest()


def verify(lines, anchor=None, head=None):
    """Returns (entries, links, last seq, last hash); raises ValueError naming the first line that does not hold."""
    count = links = 0
    last_seq = last_hash = None
    for number_, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        entry = json.loads(line)
        stored, prev = entry.pop("hash"), entry.pop("prevHash")
        seq = entry["seq"]
        computed = entry_hash(prev, entry)
        if computed != stored:
            raise ValueError("line %d, entry %d: its content gives hash %s, the export says %s (the entry was changed)"
                             % (number_, seq, computed, stored))
        if count == 0 and anchor is not None and prev != anchor:
            raise ValueError("line %d, entry %d: prevHash %s is not the anchor %s" % (number_, seq, prev, anchor))
        if seq == 1 and prev != GENESIS:
            raise ValueError("line %d, entry 1: prevHash must be 32 zero bytes" % number_)
        if last_seq is not None:
            if seq <= last_seq:
                raise ValueError("line %d, entry %d: not after entry %d" % (number_, seq, last_seq))
            if seq == last_seq + 1:
                if prev != last_hash:
                    raise ValueError("line %d, entry %d: prevHash %s is not entry %d's hash %s (the chain is broken)"
                                     % (number_, seq, prev, last_seq, last_hash))
                links += 1
        count += 1
        last_seq, last_hash = seq, stored
    if head is not None and last_hash != head:
        raise ValueError("the last entry's hash %s is not the expected head %s" % (last_hash, head))
    return count, links, last_seq, last_hash


def main(argv):
    parser = argparse.ArgumentParser(description="Verify an audit-service NDJSON export offline.")
    parser.add_argument("export", help="the NDJSON file (- for standard input)")
    parser.add_argument("--anchor", help="hex hash the first entry must link to")
    parser.add_argument("--head", help="hex hash the last entry must have")
    args = parser.parse_args(argv)
    source = sys.stdin if args.export == "-" else open(args.export, encoding="utf-8")
    try:
        with source:
            count, links, last_seq, last_hash = verify(source, args.anchor, args.head)
    except (ValueError, KeyError) as problem:
        print("BROKEN: %s" % problem, file=sys.stderr)
        return 1
    print("OK: %d entries, every hash recomputed, %d links followed; last entry %s, hash %s"
          % (count, links, last_seq, last_hash))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
