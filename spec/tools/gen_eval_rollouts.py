"""Bucket-dependent topics of spec/eval: rollouts, coverage and exclusion groups.

Every expected variation here is computed from the contract's formulas with ffspec.bucket, and the
units are chosen by search so that each range and each range boundary is hit.
"""

from evalkit import BOOL_VARIATIONS, EvalFile
from ffspec import Num, bucket, find_unit
from gen_eval_operators import leaf


def pick(salt, seed, unit, weights, coverage=10000):
    """The variation whose range [S_i, S_i + floor(w_i * coverage / 10000)) holds the bucket, or None."""
    b = bucket(salt, seed, unit)
    start = 0
    for variation, weight in weights:
        if start <= b < start + weight * coverage // 10000:
            return variation
        start += weight
    return None


def rollout(weights, **extra):
    body = {"variations": [{"variation": v, "weight": w} for v, w in weights]}
    body.update(extra)
    return {"rollout": body}


def exact(salt, seed, target, prefix="u-"):
    return find_unit(lambda u: bucket(salt, seed, u) == target, prefix)


VARS = [{"key": "none", "value": "none"}, {"key": "control", "value": "control"},
        {"key": "treatment", "value": "treatment"}, {"key": "fallback", "value": "fallback"}]
HALF = [("control", 5000), ("treatment", 5000)]


def rollouts_and_coverage():
    f = EvalFile("rollouts-and-coverage",
                 "Rollouts: variation i owns buckets [S_i, S_i + floor(w_i * coverage / 10000)); a bucket "
                 "in no range, or an attribute that gives no unit, makes the rule not apply and "
                 "evaluation goes on with the next rule. Buckets are computed with this document's salt.",
                 "5a17c0de", 15)
    salt = f.salt
    r = f.result

    def split_case(flag, rule, seed, unit_ctx, unit, weights, coverage=10000, experiment=None, fallthrough=None,
                   what=""):
        b = bucket(salt, seed, unit)
        v = pick(salt, seed, unit, weights, coverage)
        if v is not None:
            expected = r(flag, v, "SPLIT", rule, experiment=experiment)
            outcome = f"{v}"
        else:
            expected = fallthrough
            outcome = f"no range, {expected['reason']} {expected['variation']}"
        f.case(f"{flag}: {what}unit {unit!r} bucket {b} → {outcome}", flag, unit_ctx, expected)

    # 1. A plain 50/50 split, default seed (the flag key) and default bucketBy (key).
    f.flag("split", VARS, "none", "none", [{"id": "split", "if": {"all": []}, "then": rollout(HALF)}])
    units = [find_unit(lambda u: bucket(salt, "split", u) < 5000, start=s) for s in (0, 100, 200)]
    units += [find_unit(lambda u: bucket(salt, "split", u) >= 5000, start=s) for s in (0, 100, 200)]
    units += [exact(salt, "split", 4999), exact(salt, "split", 5000), exact(salt, "split", 0),
              exact(salt, "split", 9999)]
    for u in units:
        split_case("split", "split", "split", {"key": u}, u, HALF, what="seed defaults to the flag key; ")
    f.case("split: context without key → rollout by key does not apply → DEFAULT", "split", {"country": "NL"},
           r("split", "none", "DEFAULT"))
    f.case("split: null key counts as absent → DEFAULT", "split", {"key": None}, r("split", "none", "DEFAULT"))
    f.case("split: empty string key gives no unit → DEFAULT", "split", {"key": ""}, r("split", "none", "DEFAULT"))

    # 2. An experiment with an explicit seed, and a second flag sharing that seed.
    f.flag("experiment", VARS, "none", "none",
           [{"id": "test", "if": {"all": []}, "then": rollout(HALF, seed="shared-seed", experiment="exp-a")}])
    f.flag("same-seed", VARS, "none", "none",
           [{"id": "follow", "if": {"all": []}, "then": rollout(HALF, seed="shared-seed", bucketBy="key")}])
    shared = [find_unit(lambda u: bucket(salt, "shared-seed", u) < 5000, "s-"),
              find_unit(lambda u: bucket(salt, "shared-seed", u) >= 5000, "s-")]
    for u in shared:
        split_case("experiment", "test", "shared-seed", {"key": u}, u, HALF, experiment="exp-a",
                   what="explicit seed, inExperiment; ")
        split_case("same-seed", "follow", "shared-seed", {"key": u}, u, HALF,
                   what="same seed as experiment, no experiment named; ")

    # 3. Three-way split with exact range boundaries.
    three = [("control", 2000), ("treatment", 3000), ("fallback", 5000)]
    f.flag("three-way", VARS, "none", "none", [{"id": "abc", "if": {"all": []}, "then": rollout(three)}])
    for target in (0, 1999, 2000, 4999, 5000, 9999):
        u = exact(salt, "three-way", target)
        split_case("three-way", "abc", "three-way", {"key": u}, u, three, what="2000/3000/5000 boundaries; ")

    # 4. Half coverage: control [0,2500), treatment [5000,7500), the rest falls through.
    f.flag("half-coverage", VARS, "none", "none",
           [{"id": "exp", "if": {"all": []}, "then": rollout(HALF, coverage=5000, experiment="exp-half")},
            {"id": "gold", "if": leaf("plan", "eq", "gold"), "then": {"variation": "fallback"}}])
    for target in (0, 2499, 2500, 4999, 5000, 7499, 7500, 9999):
        u = exact(salt, "half-coverage", target)
        for plan in ("free", "gold"):
            fall = (r("half-coverage", "fallback", "TARGETING_MATCH", "gold") if plan == "gold"
                    else r("half-coverage", "none", "DEFAULT"))
            split_case("half-coverage", "exp", "half-coverage", {"key": u, "plan": plan}, u, HALF, 5000,
                       experiment="exp-half", fallthrough=fall, what=f"coverage 5000, plan {plan}; ")

    f.case("half-coverage: no key gives no unit → next rule", "half-coverage", {"plan": "gold"},
           r("half-coverage", "fallback", "TARGETING_MATCH", "gold"))
    f.case("half-coverage: no key gives no unit → DEFAULT", "half-coverage", {"plan": "free"},
           r("half-coverage", "none", "DEFAULT"))

    # 5. Three-way at half coverage: [0,1000), [2000,3500), [5000,7500).
    f.flag("three-way-half", VARS, "none", "none",
           [{"id": "abc", "if": {"all": []}, "then": rollout(three, coverage=5000)}])
    for target in (999, 1000, 1999, 2000, 3499, 3500, 5000, 7499, 7500):
        u = exact(salt, "three-way-half", target)
        split_case("three-way-half", "abc", "three-way-half", {"key": u}, u, three, 5000,
                   fallthrough=r("three-way-half", "none", "DEFAULT"), what="ranges start at the unscaled sums; ")

    # 6. Coverage growth: one seed at 20%, 60% and 100%; covered units keep their variation.
    for cov in (2000, 6000, 10000):
        f.flag(f"growth-{cov // 100}", VARS, "none", "none",
               [{"id": "grow", "if": {"all": []}, "then": rollout(HALF, seed="growth", coverage=cov)}])
    growth_units = [find_unit(lambda u: bucket(salt, "growth", u) < 1000, "g-"),
                    find_unit(lambda u: 5000 <= bucket(salt, "growth", u) < 6000, "g-"),
                    find_unit(lambda u: 1000 <= bucket(salt, "growth", u) < 3000, "g-"),
                    find_unit(lambda u: 8000 <= bucket(salt, "growth", u), "g-")]
    for u in growth_units:
        for cov in (2000, 6000, 10000):
            flag = f"growth-{cov // 100}"
            split_case(flag, "grow", "growth", {"key": u}, u, HALF, cov,
                       fallthrough=r(flag, "none", "DEFAULT"), what=f"coverage growth {cov // 100}%; ")

    # 7. Coverage 0 and weight 0.
    f.flag("zero-coverage", VARS, "none", "none",
           [{"id": "off", "if": {"all": []}, "then": rollout(HALF, coverage=0)}])
    for target in (0, 5000):
        u = exact(salt, "zero-coverage", target)
        split_case("zero-coverage", "off", "zero-coverage", {"key": u}, u, HALF, 0,
                   fallthrough=r("zero-coverage", "none", "DEFAULT"), what="coverage 0 covers nothing; ")
    zero_w = [("control", 0), ("treatment", 10000)]
    f.flag("zero-weight", VARS, "none", "none", [{"id": "all", "if": {"all": []}, "then": rollout(zero_w)}])
    for target in (0, 1, 9999):
        u = exact(salt, "zero-weight", target)
        split_case("zero-weight", "all", "zero-weight", {"key": u}, u, zero_w, what="weight 0 owns no bucket; ")

    # 7b. Floors and empty ranges: a zero weight in the middle, coverage that rounds ranges down.
    mid = [("control", 5000), ("treatment", 0), ("fallback", 5000)]
    f.flag("middle-zero", VARS, "none", "none", [{"id": "mid", "if": {"all": []}, "then": rollout(mid)}])
    for target in (4999, 5000):
        u = exact(salt, "middle-zero", target)
        split_case("middle-zero", "mid", "middle-zero", {"key": u}, u, mid, what="a zero weight in the middle; ")
    thirds = [("control", 3333), ("treatment", 3333), ("fallback", 3334)]
    f.flag("floor-coverage", VARS, "none", "none",
           [{"id": "thirds", "if": {"all": []}, "then": rollout(thirds, coverage=5000)}])
    for target in (1665, 1666, 3332, 3333, 4998, 4999, 6666, 8332, 8333):
        u = exact(salt, "floor-coverage", target)
        split_case("floor-coverage", "thirds", "floor-coverage", {"key": u}, u, thirds, 5000,
                   fallthrough=r("floor-coverage", "none", "DEFAULT"),
                   what="range lengths floor(w * coverage / 10000); ")
    f.flag("coverage-one", VARS, "none", "none",
           [{"id": "tiny", "if": {"all": []}, "then": rollout(HALF, coverage=1)}])
    for target in (0, 5000):
        u = exact(salt, "coverage-one", target)
        split_case("coverage-one", "tiny", "coverage-one", {"key": u}, u, HALF, 1,
                   fallthrough=r("coverage-one", "none", "DEFAULT"), what="coverage 1 rounds every range to 0; ")
    f.flag("coverage-9999", VARS, "none", "none",
           [{"id": "most", "if": {"all": []}, "then": rollout([("treatment", 10000)], coverage=9999)}])
    for target in (9998, 9999):
        u = exact(salt, "coverage-9999", target)
        split_case("coverage-9999", "most", "coverage-9999", {"key": u}, u, [("treatment", 10000)], 9999,
                   fallthrough=r("coverage-9999", "none", "DEFAULT"), what="coverage 9999 leaves bucket 9999 out; ")

    # 8. bucketBy a nested attribute, with the unit-string rules for numbers.
    f.flag("by-account", VARS, "none", "none",
           [{"id": "acct", "if": {"all": []}, "then": rollout(HALF, bucketBy="account.id")}])
    acct_default = r("by-account", "none", "DEFAULT")
    for value, unit, what in [
        ("acme", "acme", "string unit; "), (42, "42", "integer unit \"42\"; "),
        (Num("42.0"), "42", "42.0 is written \"42\"; "), ("42", "42", "string \"42\" is the same unit as 42; "),
        (Num("1e3"), "1000", "1e3 is written \"1000\"; "),
        (Num("9007199254740991"), "9007199254740991", "2^53-1 is a unit; "),
        (Num("-9007199254740991"), "-9007199254740991", "-(2^53-1) is a unit; "),
        (Num("-0.0"), "0", "-0.0 is written \"0\"; "), (Num("-0"), "0", "-0 is written \"0\"; "),
        (0, "0", "0 is a unit; "),
    ]:
        split_case("by-account", "acct", "by-account", {"key": "k-1", "account": {"id": value}}, unit, HALF,
                   what=what)
    a = find_unit(lambda u: True, "acct-")
    for k in ("k-1", "k-2"):
        split_case("by-account", "acct", "by-account", {"key": k, "account": {"id": a}}, a, HALF,
                   what=f"the context key ({k}) plays no part; ")
    for value, what in [(1.5, "fractional number"), (Num("9007199254740992"), "2^53"),
                        (Num("-9007199254740992"), "-2^53"), (Num("1e300"), "1e300"), (True, "boolean"),
                        ("", "empty string"), (None, "null"), ([1], "array"), ({"x": 1}, "object")]:
        f.case(f"by-account: {what} gives no unit → DEFAULT", "by-account",
               {"key": "k-1", "account": {"id": value}}, acct_default)
    f.case("by-account: attribute absent → DEFAULT", "by-account", {"key": "k-1", "account": {}}, acct_default)
    f.case("by-account: parent absent → DEFAULT", "by-account", {"key": "k-1"}, acct_default)
    f.case("by-account: path through an array → DEFAULT", "by-account",
           {"key": "k-1", "account": [{"id": "acme"}]}, acct_default)
    f.case("by-account: top-level dotted member is not read → DEFAULT", "by-account",
           {"key": "k-1", "account.id": "acme"}, acct_default)
    f.case("by-account: no key at all, unit from account.id still applies", "by-account",
           {"account": {"id": "acme"}}, r("by-account", pick(salt, "by-account", "acme", HALF), "SPLIT", "acct"))

    # 9. Two rollout rules: traffic outside the first's coverage reaches the second.
    f.flag("two-rollouts", VARS, "none", "none",
           [{"id": "first", "if": {"all": []}, "then": rollout(HALF, seed="two-a", coverage=3000)},
            {"id": "second", "if": {"all": []}, "then": rollout(HALF, seed="two-b")}])
    for pred in (lambda u: bucket(salt, "two-a", u) < 1500, lambda u: 5000 <= bucket(salt, "two-a", u) < 6500,
                 lambda u: 1500 <= bucket(salt, "two-a", u) < 5000, lambda u: bucket(salt, "two-a", u) >= 6500):
        u = find_unit(pred, "t-")
        v = pick(salt, "two-a", u, HALF, 3000)
        b1, b2 = bucket(salt, "two-a", u), bucket(salt, "two-b", u)
        if v is not None:
            f.case(f"two-rollouts: unit {u!r} first bucket {b1} covered → {v} from rule first", "two-rollouts",
                   {"key": u}, r("two-rollouts", v, "SPLIT", "first"))
        else:
            v2 = pick(salt, "two-b", u, HALF)
            f.case(f"two-rollouts: unit {u!r} first bucket {b1} outside coverage → rule second, bucket {b2} → {v2}",
                   "two-rollouts", {"key": u}, r("two-rollouts", v2, "SPLIT", "second"))

    # 10. A rollout behind a condition.
    f.flag("rollout-if", VARS, "none", "none",
           [{"id": "nl", "if": leaf("country", "eq", "NL"), "then": rollout(HALF, experiment="exp-nl")}])
    u = find_unit(lambda u: True, "nl-")
    split_case("rollout-if", "nl", "rollout-if", {"key": u, "country": "NL"}, u, HALF, experiment="exp-nl",
               what="condition holds; ")
    f.case(f"rollout-if: condition fails → DEFAULT without bucketing", "rollout-if", {"key": u, "country": "DE"},
           r("rollout-if", "none", "DEFAULT"))
    return f.write()


def exclusion_groups():
    f = EvalFile("exclusion-groups",
                 "Exclusion groups: a unit enters a rollout only if bucket(salt, \"xg/\" + group, unit) "
                 "lies in [start, end); otherwise the rule does not apply. inExperiment/experiment come "
                 "from the rollout that decided. Buckets are computed with this document's salt.",
                 "e8c1", 16)
    salt = f.salt
    r = f.result
    full = [("on", 10000)]
    layer = {"xg-a": (0, 3000, "exp-a"), "xg-b": (3000, 7000, "exp-b"), "xg-c": (7000, 10000, None)}
    for flag, (start, end, exp) in layer.items():
        extra = {"exclusionGroup": {"key": "layer", "start": start, "end": end}}
        if exp:
            extra["experiment"] = exp
        f.flag(flag, BOOL_VARIATIONS, "off", "off", [{"id": "in", "if": {"all": []}, "then": rollout(full, **extra)}])
    units = [exact(salt, "xg/layer", t) for t in (0, 2999, 3000, 6999, 7000, 9999)]
    units += [find_unit(lambda u: True, "x-", start=s) for s in (0, 1, 2)]
    for u in units:
        g = bucket(salt, "xg/layer", u)
        for flag, (start, end, exp) in layer.items():
            if start <= g < end:
                f.case(f"{flag}: unit {u!r} group bucket {g} in [{start},{end}) → enters", flag, {"key": u},
                       r(flag, "on", "SPLIT", "in", experiment=exp))
            else:
                f.case(f"{flag}: unit {u!r} group bucket {g} outside [{start},{end}) → DEFAULT", flag, {"key": u},
                       r(flag, "off", "DEFAULT"))
    f.case("xg-a: no key gives no unit → DEFAULT", "xg-a", {}, r("xg-a", "off", "DEFAULT"))

    # A group range combined with coverage, then a fallback rule.
    vars_ = [{"key": "none", "value": "none"}, {"key": "control", "value": "control"},
             {"key": "treatment", "value": "treatment"}, {"key": "fallback", "value": "fallback"}]
    half = [("control", 5000), ("treatment", 5000)]
    f.flag("xg-split", vars_, "none", "none",
           [{"id": "exp", "if": {"all": []},
             "then": rollout(half, coverage=5000, experiment="exp-split",
                             exclusionGroup={"key": "layer2", "start": 0, "end": 5000})},
            {"id": "rest", "if": {"all": []}, "then": {"variation": "fallback"}}])

    def split_of(u):
        return bucket(salt, "xg-split", u)

    def in_group(u):
        return bucket(salt, "xg/layer2", u) < 5000

    def covered(u):
        b = split_of(u)
        return b < 2500 or 5000 <= b < 7500

    for pred, what in [(lambda u: in_group(u) and covered(u) and split_of(u) < 2500, "in group, covered"),
                       (lambda u: in_group(u) and covered(u) and split_of(u) >= 5000, "in group, covered"),
                       (lambda u: in_group(u) and not covered(u), "in group, outside coverage"),
                       (lambda u: not in_group(u) and covered(u), "outside group although covered"),
                       (lambda u: not in_group(u) and not covered(u), "outside group and coverage")]:
        u = find_unit(pred, "y-")
        g, b = bucket(salt, "xg/layer2", u), split_of(u)
        v = pick(salt, "xg-split", u, half, 5000) if in_group(u) else None
        expected = (r("xg-split", v, "SPLIT", "exp", experiment="exp-split") if v
                    else r("xg-split", "fallback", "TARGETING_MATCH", "rest"))
        f.case(f"xg-split: unit {u!r} group bucket {g}, split bucket {b}: {what} → "
               f"{v or 'next rule'}", "xg-split", {"key": u}, expected)

    # Two rules of one flag sharing a group: every unit gets exactly one of them.
    lr = [{"key": "none", "value": "none"}, {"key": "left", "value": "left"}, {"key": "right", "value": "right"}]
    f.flag("xg-two-rules", lr, "none", "none",
           [{"id": "left", "if": {"all": []},
             "then": rollout([("left", 10000)], exclusionGroup={"key": "layer3", "start": 0, "end": 5000})},
            {"id": "right", "if": {"all": []},
             "then": rollout([("right", 10000)], exclusionGroup={"key": "layer3", "start": 5000, "end": 10000})}])
    for t in (0, 4999, 5000, 9999):
        u = exact(salt, "xg/layer3", t, "z-")
        side = "left" if t < 5000 else "right"
        f.case(f"xg-two-rules: unit {u!r} group bucket {t} → rule {side}", "xg-two-rules", {"key": u},
               r("xg-two-rules", side, "SPLIT", side))

    # bucketBy another attribute: the group bucket uses the same unit.
    f.flag("xg-by-org", BOOL_VARIATIONS, "off", "off",
           [{"id": "org", "if": {"all": []},
             "then": rollout(full, bucketBy="org", experiment="exp-org",
                             exclusionGroup={"key": "layer4", "start": 0, "end": 5000})}])
    org_in = find_unit(lambda u: bucket(salt, "xg/layer4", u) < 5000, "org-")
    org_out = find_unit(lambda u: bucket(salt, "xg/layer4", u) >= 5000, "org-")
    for key in ("k-1", "k-2"):
        f.case(f"xg-by-org: org {org_in!r} group bucket {bucket(salt, 'xg/layer4', org_in)} enters (key {key})",
               "xg-by-org", {"key": key, "org": org_in}, r("xg-by-org", "on", "SPLIT", "org", experiment="exp-org"))
    f.case(f"xg-by-org: org {org_out!r} group bucket {bucket(salt, 'xg/layer4', org_out)} stays out", "xg-by-org",
           {"key": "k-1", "org": org_out}, r("xg-by-org", "off", "DEFAULT"))
    f.case(f"xg-by-org: key {org_in!r} does not count when bucketBy is org", "xg-by-org", {"key": org_in},
           r("xg-by-org", "off", "DEFAULT"))
    f.case("xg-by-org: numeric org 12 is the unit \"12\"", "xg-by-org", {"key": "k", "org": 12},
           r("xg-by-org", "on", "SPLIT", "org", experiment="exp-org") if bucket(salt, "xg/layer4", "12") < 5000
           else r("xg-by-org", "off", "DEFAULT"))

    # The whole range [0, 10000).
    f.flag("xg-full", BOOL_VARIATIONS, "off", "off",
           [{"id": "all", "if": {"all": []},
             "then": rollout(full, exclusionGroup={"key": "layer5", "start": 0, "end": 10000})}])
    for t in (0, 9999):
        u = exact(salt, "xg/layer5", t, "w-")
        f.case(f"xg-full: [0,10000) admits group bucket {t} (unit {u!r})", "xg-full", {"key": u},
               r("xg-full", "on", "SPLIT", "all"))
    f.case("xg-full: no key gives no unit → DEFAULT", "xg-full", {"key": None}, r("xg-full", "off", "DEFAULT"))
    return f.write()


TOPICS = [rollouts_and_coverage, exclusion_groups]
