"""Record ids in each system's own format, issued from counters so runs are reproducible."""

from __future__ import annotations

from functools import lru_cache

_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"
_MASK_128 = (1 << 128) - 1

# Salesforce key prefixes of the objects in the landing contract.
SALESFORCE_PREFIXES = {
    "lead": "00Q",
    "contact": "003",
    "account": "001",
    "opportunity": "006",
    "opportunity_contact_role": "00K",
    "opportunity_history": "008",
    "campaign": "701",
    "campaign_member": "00v",
    "lead_history": "017",
    "user": "005",
}


def salesforce_id(prefix: str, number: int) -> str:
    """18-character Salesforce id: key prefix, pod, counter, and the case-safe checksum suffix."""
    body = []
    for _ in range(9):
        number, digit = divmod(number, 62)
        body.append(_BASE62[digit])
    id15 = prefix + "5g0" + "".join(reversed(body))
    return id15 + _checksum(id15[:5]) + _checksum(id15[5:10]) + _checksum(id15[10:])


@lru_cache(maxsize=1 << 16)
def _checksum(chunk: str) -> str:
    """One character of the case-safe suffix: a bit per upper-case letter of a 5-char chunk."""
    return _SUFFIX[sum(1 << bit for bit, char in enumerate(chunk) if char.isupper())]


class Counter:
    """Sequential numbers from a start value; each id space has its own."""

    def __init__(self, start: int) -> None:
        self._next = start

    def __call__(self) -> int:
        value = self._next
        self._next += 1
        return value


class SalesforceIds:
    def __init__(self) -> None:
        self._counters = {name: Counter(1_000 + 7_919 * i) for i, name in enumerate(SALESFORCE_PREFIXES)}

    def new(self, object_name: str) -> str:
        return salesforce_id(SALESFORCE_PREFIXES[object_name], self._counters[object_name]())


class UuidSequence:
    """UUID-shaped ids, unique per run and reproducible: a seeded prefix and a scrambled counter.

    The last group is the counter times an odd constant modulo 2**48, a bijection, so ids never
    repeat; formatting is one f-string, cheap enough for millions of email events.
    """

    def __init__(self, salt: int) -> None:
        text = f"{salt & _MASK_128:032x}"
        self._prefix = f"{text[:8]}-{text[8:12]}-4{text[13:16]}-a{text[17:20]}-"
        self._next = 0

    def __call__(self) -> str:
        self._next += 1
        return f"{self._prefix}{(self._next * UUID_MULTIPLIER) & UUID_MASK:012x}"

    def take(self, count: int) -> tuple[str, int]:
        """Reserves `count` ids for a hot loop: returns (prefix, first number); id i of the block
        is f"{prefix}{((first + i) * UUID_MULTIPLIER) & UUID_MASK:012x}"."""
        first = self._next + 1
        self._next += count
        return self._prefix, first


UUID_MULTIPLIER = 0x9E3779B97F4B
UUID_MASK = 0xFFFFFFFFFFFF
