"""Common functions of the generators of the conformance data (python3, standard library only).

The bucket function below is written straight from the contract (docs/evaluation.md, section 5):
bucket(salt, seed, unit) = uint64_big_endian(SHA-256(UTF-8(salt + ":" + seed + ":" + unit))[0..8])
mod 10000. It is deliberately independent of every SDK, so that the data can check them.
"""

import hashlib
import json
import os

SPEC_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def bucket(salt, seed, unit):
    """The bucket 0..9999 of a unit string."""
    digest = hashlib.sha256(f"{salt}:{seed}:{unit}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % 10000


class Num:
    """A JSON number written exactly as given (`5.0`, `-0`, `1e2`), for cases about number forms."""

    def __init__(self, text):
        self.text = text
        json.loads(text)  # must be valid JSON

    def __repr__(self):
        return self.text


def find_unit(pred, prefix="u-", start=0, limit=2_000_000):
    """The first unit `prefix + i` (i >= start) whose value satisfies pred(unit)."""
    for i in range(start, start + limit):
        unit = f"{prefix}{i}"
        if pred(unit):
            return unit
    raise ValueError("no unit found")


def _compact(value):
    if isinstance(value, Num):
        return value.text
    if isinstance(value, dict):
        inner = ", ".join(f"{json.dumps(k, ensure_ascii=False)}: {_compact(v)}" for k, v in value.items())
        return "{" + inner + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_compact(v) for v in value) + "]"
    if isinstance(value, float) and value != value:
        raise ValueError("NaN is not JSON")
    return json.dumps(value, ensure_ascii=False)


def _pretty(value, indent, col, width):
    """value starts at column col of a line indented by indent."""
    flat = _compact(value)
    if col + len(flat) <= width or not isinstance(value, (dict, list, tuple)) or not value:
        return flat
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        items = []
        for k, v in value.items():
            head = f"{pad}{json.dumps(k, ensure_ascii=False)}: "
            items.append(head + _pretty(v, indent + 2, len(head), width))
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    items = [pad + _pretty(v, indent + 2, indent + 2, width) for v in value]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


def write_json(relpath, obj, width=110):
    """Writes obj under spec/relpath, small values on one line, and checks it reads back."""
    path = os.path.join(SPEC_DIR, relpath)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    text = _pretty(obj, 0, 0, width) + "\n"
    json.loads(text)
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)
    return path
