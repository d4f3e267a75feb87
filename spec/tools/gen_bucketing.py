"""Generates spec/bucketing/vectors.json from the contract's bucket formula (see ffspec.bucket)."""

import sys

sys.dont_write_bytecode = True  # keep spec/tools free of __pycache__

from ffspec import Num, bucket, write_json

SALTS = ["a", "0f", "9f2c4e1ab37d", "DEADBEEF", "5eed5a17c0de",
         "0123456789abcdef0123456789abcdef",
         "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"]
FLAG_SEEDS = ["checkout-redesign", "new-cart", "a", "0", "pricing.v2", "exp_2026-q1", "x" * 128]
GROUP_SEEDS = ["xg/checkout-layer", "xg/a", "xg/pricing.layer-2"]
UNITS = [
    "u1", "u-42", "user-1000", "0", "5", "-9007199254740991", "9007199254740991", "a:b", " ", "x y",
    "UPPER", "café", "é", "e\u0301", "日本", "ユーザー42", "😀", "👩‍💻", "mañana@example.com", "Ωmega",
    "\u00a0", "tab\there", "line\nbreak", "quote\"s", "back\\slash", "a" * 300, "日本語" * 100,
    "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
]


def vectors():
    out = []
    seeds = FLAG_SEEDS + GROUP_SEEDS
    # Every unit under a rotating (salt, seed) pair, then a grid of numbered units.
    for i, unit in enumerate(UNITS):
        for j in range(3):
            salt = SALTS[(i + j) % len(SALTS)]
            seed = seeds[(i * 3 + j) % len(seeds)]
            out.append({"salt": salt, "seed": seed, "unit": unit, "bucket": bucket(salt, seed, unit)})
    for salt in SALTS:
        for seed in ["checkout-redesign", "xg/checkout-layer"]:
            for n in range(9):
                unit = f"u-{n * 1237}"
                out.append({"salt": salt, "seed": seed, "unit": unit, "bucket": bucket(salt, seed, unit)})
    return out


# The unit string of an attribute value (section 5): expected values written from the contract text.
UNIT_CASES = [
    ("u1", "u1"),
    ("日本", "日本"),
    (" ", " "),
    ("5", "5"),
    ("", None),
    (Num("5"), "5"),
    (Num("5.0"), "5"),
    (Num("5.000"), "5"),
    (Num("0"), "0"),
    (Num("-0"), "0"),
    (Num("-0.0"), "0"),
    (Num("-17"), "-17"),
    (Num("1e3"), "1000"),
    (Num("1.5e3"), "1500"),
    (Num("1234567890123"), "1234567890123"),
    (Num("9007199254740991"), "9007199254740991"),
    (Num("-9007199254740991"), "-9007199254740991"),
    (Num("9007199254740991.0"), "9007199254740991"),
    (Num("9007199254740992"), None),
    (Num("-9007199254740992"), None),
    (Num("12345678901234567890"), None),
    (Num("1e300"), None),
    (Num("1.5"), None),
    (Num("-0.5"), None),
    (Num("0.1"), None),
    (True, None),
    (False, None),
    (None, None),
    ([], None),
    (["u1"], None),
    ({}, None),
    ({"key": "u1"}, None),
]


def main():
    doc = {
        "description": "Bucket vectors: bucket(salt, seed, unit) = first 8 bytes of SHA-256(UTF-8(salt "
                       "+ \":\" + seed + \":\" + unit)) as an unsigned big-endian integer, mod 10000. "
                       "'units' gives the unit string of an attribute value (null: the rollout does "
                       "not apply).",
        "vectors": vectors(),
        "units": [{"attribute": a, "unit": u} for a, u in UNIT_CASES],
    }
    write_json("bucketing/vectors.json", doc)
    print(len(doc["vectors"]), "vectors,", len(doc["units"]), "units")


if __name__ == "__main__":
    main()
