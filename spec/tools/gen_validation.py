"""Generates spec/invalid/*.json and spec/valid/*.json.

Each invalid case is a valid base with one fault (where one fault can stand alone) and the exact set
of JSON Pointer paths the validator reports, following the diagnostic path conventions in
spec/README.md.
"""

import sys

sys.dont_write_bytecode = True  # keep spec/tools free of __pycache__

import copy

from ffspec import Num, write_json

OFF_ON = [{"key": "off", "value": False}, {"key": "on", "value": True}]


def flag(key="f", **over):
    f = {"key": key, "type": "boolean", "enabled": True, "variations": copy.deepcopy(OFF_ON),
         "offVariation": "off", "defaultVariation": "off", "rules": []}
    f.update(over)
    return f


def json_flag(key="f", n=2, **over):
    f = {"key": key, "type": "json", "enabled": True,
         "variations": [{"key": f"v{i}", "value": {"n": i}} for i in range(n)],
         "offVariation": "v0", "defaultVariation": "v0", "rules": []}
    f.update(over)
    return f


_ALL = object()


def rule(cond=_ALL, then=None, id_="r"):
    return {"id": id_, "if": {"all": []} if cond is _ALL else cond,
            "then": {"variation": "on"} if then is None else then}


def rollout_rule(id_="r", weights=(("off", 5000), ("on", 5000)), **extra):
    body = {"variations": [{"variation": v, "weight": w} for v, w in weights]}
    body.update(extra)
    return {"id": id_, "if": {"all": []}, "then": {"rollout": body}}


def with_rollout(**extra):
    """A flag with one rollout rule; extra members go into the rollout."""
    return flag(rules=[rollout_rule(**extra)])


def doc(flags=None, segments=None, **over):
    d = {"env": "prod", "project": "shop", "version": 1, "salt": "ab12",
         "flags": {} if flags is None else {f["key"]: f for f in flags},
         "segments": {} if segments is None else {s["key"]: s for s in segments}}
    d.update(over)
    return d


def without(d, member):
    d = copy.deepcopy(d)
    del d[member]
    return d


def cond_flag(cond):
    """A flag whose only rule has the given condition (paths: /rules/0/if...)."""
    return flag(rules=[rule(cond)])


class CaseFile:
    def __init__(self, folder, topic, description):
        self.folder, self.topic, self.description, self.cases = folder, topic, description, []

    def add(self, name, kind, input_, errors=None):
        assert kind in ("document", "flag")
        assert all(c["name"] != name for c in self.cases), name
        case = {"name": name, "kind": kind, "input": input_}
        if self.folder == "invalid":
            assert errors, name
            case["errors"] = errors
        else:
            assert errors is None
        self.cases.append(case)

    def write(self):
        write_json(f"{self.folder}/{self.topic}.json", {"description": self.description, "cases": self.cases})
        return len(self.cases)


R0 = "/rules/0/then/rollout"
IF = "/rules/0/if"


def invalid_document():
    c = CaseFile("invalid", "document", "Document members: env, project, version, salt, flags, segments "
                 "(required), publishedAt (optional).")
    base = doc([flag()])
    for m in ("env", "project", "version", "salt", "flags", "segments"):
        c.add(f"missing required member {m}", "document", without(base, m), [f"/{m}"])
    c.add("unknown member", "document", dict(base, owner="me"), ["/owner"])
    c.add("env breaks the key pattern (uppercase)", "document", dict(base, env="Prod"), ["/env"])
    c.add("env is not a string", "document", dict(base, env=5), ["/env"])
    c.add("project breaks the key pattern (blank)", "document", dict(base, project="my shop"), ["/project"])
    c.add("version 0", "document", dict(base, version=0), ["/version"])
    c.add("version negative", "document", dict(base, version=-3), ["/version"])
    c.add("version fractional", "document", dict(base, version=1.5), ["/version"])
    c.add("version is a string", "document", dict(base, version="1"), ["/version"])
    c.add("salt empty", "document", dict(base, salt=""), ["/salt"])
    c.add("salt not hex", "document", dict(base, salt="xyz"), ["/salt"])
    c.add("salt holds a colon", "document", dict(base, salt="ab:12"), ["/salt"])
    c.add("salt is a number", "document", dict(base, salt=1234), ["/salt"])
    c.add("publishedAt not a date", "document", dict(base, publishedAt="yesterday"), ["/publishedAt"])
    c.add("publishedAt date without time", "document", dict(base, publishedAt="2026-11-24"), ["/publishedAt"])
    c.add("publishedAt without offset", "document", dict(base, publishedAt="2026-11-24T10:00:00"),
          ["/publishedAt"])
    c.add("publishedAt month 13", "document", dict(base, publishedAt="2026-13-01T00:00:00Z"), ["/publishedAt"])
    c.add("flags is an array", "document", dict(base, flags=[flag()]), ["/flags"])
    c.add("segments is a string", "document", dict(base, segments="none"), ["/segments"])
    c.add("document is an array", "document", [base], [""])
    c.add("a flag member that is not an object", "document", dict(base, flags={"f": True}), ["/flags/f"])
    c.add("a segment member that is not an object", "document", dict(base, segments={"s": ["u1"]}),
          ["/segments/s"])
    return c.write()


def invalid_keys():
    c = CaseFile("invalid", "keys", "Key pattern ^[a-z0-9][a-z0-9_.-]{0,127}$ for flags, segments, "
                 "variations, rule ids, experiments, exclusion groups, seeds; keys equal member names.")
    bad_names = [("Bad", "uppercase"), ("-f", "leading hyphen"), ("_f", "leading underscore"),
                 ("a" * 129, "129 characters"), ("\u00e9t\u00e9", "non-ASCII"), ("a b", "blank"),
                 ("a:b", "colon")]
    for name, what in bad_names:
        c.add(f"flag member name and key break the pattern ({what})", "document", doc([flag(name)]),
              [f"/flags/{name}", f"/flags/{name}/key"])
    c.add("flag member name with a slash is escaped as ~1 in paths", "document", doc([flag("a/b")]),
          ["/flags/a~1b", "/flags/a~1b/key"])
    c.add("flag member name with a tilde is escaped as ~0 in paths", "document", doc([flag("a~b")]),
          ["/flags/a~0b", "/flags/a~0b/key"])
    d = doc([flag("f")])
    d["flags"]["f"]["key"] = "g"
    c.add("flag key differs from its member name", "document", d, ["/flags/f/key"])
    d = doc([flag("f")])
    d["flags"] = {"F": flag("f")}
    c.add("flag member name breaks the pattern, key is good but differs", "document", d,
          ["/flags/F", "/flags/F/key"])
    d = doc([], [{"key": "t"}])
    d["segments"] = {"s": {"key": "t"}}
    c.add("segment key differs from its member name", "document", d, ["/segments/s/key"])
    c.add("segment member name and key break the pattern", "document", doc([], [{"key": "Beta Testers"}]),
          ["/segments/Beta Testers", "/segments/Beta Testers/key"])
    c.add("flag key is not a string", "flag", flag(key=5), ["/key"])
    c.add("flag key breaks the pattern", "flag", flag("Flag"), ["/key"])
    c.add("variation key breaks the pattern", "flag",
          flag(variations=[{"key": "off", "value": False}, {"key": "On", "value": True}]), ["/variations/1/key"])
    c.add("variation key empty", "flag",
          flag(variations=[{"key": "off", "value": False}, {"key": "", "value": True}]), ["/variations/1/key"])
    c.add("variation key is a number", "flag",
          flag(variations=[{"key": "off", "value": False}, {"key": 1, "value": True}]), ["/variations/1/key"])
    c.add("rule id breaks the pattern", "flag", flag(rules=[rule(id_="Beta")]), ["/rules/0/id"])
    c.add("rule id is a number", "flag", flag(rules=[rule(id_=7)]), ["/rules/0/id"])
    c.add("experiment key breaks the pattern", "flag", with_rollout(experiment="Exp A"), [R0 + "/experiment"])
    c.add("experiment key is a number", "flag", with_rollout(experiment=1), [R0 + "/experiment"])
    c.add("exclusion group key breaks the pattern", "flag",
          with_rollout(exclusionGroup={"key": "Layer", "start": 0, "end": 100}), [R0 + "/exclusionGroup/key"])
    c.add("seed breaks the pattern (blank)", "flag", with_rollout(seed="bad seed"), [R0 + "/seed"])
    c.add("seed may not be an xg/ seed", "flag", with_rollout(seed="xg/layer"), [R0 + "/seed"])
    c.add("seed empty", "flag", with_rollout(seed=""), [R0 + "/seed"])
    c.add("seed is a number", "flag", with_rollout(seed=5), [R0 + "/seed"])
    return c.write()


def invalid_members():
    c = CaseFile("invalid", "members", "Required and unknown members and JSON types of flags, "
                 "variations, rules, outcomes, rollouts, prerequisites, exclusion groups and segments.")
    for m in ("key", "type", "enabled", "offVariation", "defaultVariation", "rules"):
        c.add(f"flag without {m}", "flag", without(flag(), m), [f"/{m}"])
    c.add("flag without key inside a document", "document", doc([]) | {"flags": {"f": without(flag("f"), "key")}}, ["/flags/f/key"])
    c.add("flag with an unknown member", "flag", flag(colour="red"), ["/colour"])
    c.add("flag with an unknown member inside a document", "document", doc([flag(colour="red")]),
          ["/flags/f/colour"])
    c.add("enabled is a string", "flag", flag(enabled="true"), ["/enabled"])
    c.add("enabled is null", "flag", flag(enabled=None), ["/enabled"])
    c.add("type is not a known type", "flag", flag(type="string"), ["/type"])
    c.add("description is a number", "flag", flag(description=5), ["/description"])
    c.add("rules is an object", "flag", flag(rules={}), ["/rules"])
    c.add("prerequisites is an object", "flag", flag(prerequisites={}), ["/prerequisites"])
    c.add("offVariation is a number", "flag", flag(offVariation=0), ["/offVariation"])
    c.add("variation without value", "flag", json_flag(variations=[{"key": "v0", "value": 1}, {"key": "v1"}]),
          ["/variations/1/value"])
    c.add("variation without key", "flag", json_flag(variations=[{"key": "v0", "value": 1}, {"value": 2}]),
          ["/variations/1/key"])
    c.add("variation with an unknown member", "flag",
          json_flag(variations=[{"key": "v0", "value": 1}, {"key": "v1", "value": 2, "weight": 5}]),
          ["/variations/1/weight"])
    c.add("rule without id", "flag", flag(rules=[{"if": {"all": []}, "then": {"variation": "on"}}]),
          ["/rules/0/id"])
    c.add("rule without if", "flag", flag(rules=[{"id": "r", "then": {"variation": "on"}}]), ["/rules/0/if"])
    c.add("rule without then", "flag", flag(rules=[{"id": "r", "if": {"all": []}}]), ["/rules/0/then"])
    c.add("rule with an unknown member", "flag", flag(rules=[dict(rule(), priority=1)]), ["/rules/0/priority"])
    c.add("rule description is a number", "flag", flag(rules=[dict(rule(), description=1)]),
          ["/rules/0/description"])
    c.add("rule is not an object", "flag", flag(rules=["r"]), ["/rules/0"])
    c.add("then is a string", "flag", flag(rules=[rule(then="on")]), ["/rules/0/then"])
    c.add("then variation is a number", "flag", flag(rules=[rule(then={"variation": 1})]),
          ["/rules/0/then/variation"])
    c.add("rollout with an unknown member", "flag", with_rollout(sticky=True), [R0 + "/sticky"])
    c.add("rollout without variations", "flag",
          flag(rules=[{"id": "r", "if": {"all": []}, "then": {"rollout": {"seed": "s"}}}]), [R0 + "/variations"])
    c.add("rollout variations is not an array", "flag",
          flag(rules=[{"id": "r", "if": {"all": []}, "then": {"rollout": {"variations": {"on": 10000}}}}]),
          [R0 + "/variations"])
    c.add("weighted variation without weight", "flag",
          flag(rules=[{"id": "r", "if": {"all": []}, "then": {"rollout": {"variations": [
              {"variation": "on", "weight": 10000}, {"variation": "off"}]}}}]), [R0 + "/variations/1/weight"])
    c.add("weighted variation without variation", "flag",
          flag(rules=[{"id": "r", "if": {"all": []}, "then": {"rollout": {"variations": [
              {"variation": "on", "weight": 10000}, {"weight": 0}]}}}]), [R0 + "/variations/1/variation"])
    c.add("weighted variation with an unknown member", "flag",
          flag(rules=[{"id": "r", "if": {"all": []}, "then": {"rollout": {"variations": [
              {"variation": "on", "weight": 10000, "bucket": 1}]}}}]), [R0 + "/variations/0/bucket"])
    c.add("exclusion group without key", "flag", with_rollout(exclusionGroup={"start": 0, "end": 100}),
          [R0 + "/exclusionGroup/key"])
    c.add("exclusion group without start", "flag", with_rollout(exclusionGroup={"key": "l", "end": 100}),
          [R0 + "/exclusionGroup/start"])
    c.add("exclusion group without end", "flag", with_rollout(exclusionGroup={"key": "l", "start": 0}),
          [R0 + "/exclusionGroup/end"])
    c.add("exclusion group with an unknown member", "flag",
          with_rollout(exclusionGroup={"key": "l", "start": 0, "end": 100, "size": 100}),
          [R0 + "/exclusionGroup/size"])
    c.add("exclusion group is a string", "flag", with_rollout(exclusionGroup="layer"), [R0 + "/exclusionGroup"])
    pre = doc([flag("f", prerequisites=[{"flag": "g"}]), flag("g")])
    c.add("prerequisite without variation", "document", pre, ["/flags/f/prerequisites/0/variation"])
    pre = doc([flag("f", prerequisites=[{"variation": "on"}]), flag("g")])
    c.add("prerequisite without flag", "document", pre, ["/flags/f/prerequisites/0/flag"])
    pre = doc([flag("f", prerequisites=[{"flag": "g", "variation": "on", "required": True}]), flag("g")])
    c.add("prerequisite with an unknown member", "document", pre, ["/flags/f/prerequisites/0/required"])
    c.add("segment without key", "document", doc([], [{"key": "s"}]) | {"segments": {"s": {"included": ["u1"]}}},
          ["/segments/s/key"])
    c.add("segment with an unknown member", "document", doc([], [{"key": "s", "rules": []}]), ["/segments/s/rules"])
    c.add("segment included is not an array", "document", doc([], [{"key": "s", "included": "u1"}]),
          ["/segments/s/included"])
    c.add("segment excluded entry is not a string", "document", doc([], [{"key": "s", "excluded": ["u1", 2]}]),
          ["/segments/s/excluded/1"])
    c.add("segment if has an unknown operator", "document",
          doc([], [{"key": "s", "if": {"attr": "a", "op": "is", "value": 1}}]), ["/segments/s/if/op"])
    return c.write()


def invalid_references():
    c = CaseFile("invalid", "references", "References to variations, prerequisite flags and segments "
                 "must exist.")
    c.add("offVariation names no variation", "document", doc([flag(offVariation="disabled")]),
          ["/flags/f/offVariation"])
    c.add("defaultVariation names no variation", "document", doc([flag(defaultVariation="maybe")]),
          ["/flags/f/defaultVariation"])
    c.add("rule variation names no variation", "document", doc([flag(rules=[rule(then={"variation": "ON"})])]),
          ["/flags/f/rules/0/then/variation"])
    c.add("rollout variation names no variation", "document",
          doc([flag(rules=[rollout_rule(weights=(("off", 5000), ("onn", 5000)))])]),
          ["/flags/f/rules/0/then/rollout/variations/1/variation"])
    c.add("prerequisite flag does not exist", "document",
          doc([flag(prerequisites=[{"flag": "ghost", "variation": "on"}])]), ["/flags/f/prerequisites/0/flag"])
    c.add("prerequisite variation does not exist in the prerequisite flag", "document",
          doc([flag(prerequisites=[{"flag": "g", "variation": "yes"}]), json_flag("g")]),
          ["/flags/f/prerequisites/0/variation"])
    c.add("segment in a flag rule does not exist", "document", doc([cond_flag({"segment": "ghost"})]),
          ["/flags/f/rules/0/if/segment"])
    c.add("segment nested in all does not exist", "document",
          doc([cond_flag({"all": [{"attr": "a", "op": "exists"}, {"segment": "ghost"}]})], [{"key": "s"}]),
          ["/flags/f/rules/0/if/all/1/segment"])
    c.add("segment in a segment's if does not exist", "document", doc([], [{"key": "s", "if": {"segment": "ghost"}}]),
          ["/segments/s/if/segment"])
    c.add("empty segment name does not exist", "document", doc([cond_flag({"segment": ""})]),
          ["/flags/f/rules/0/if/segment"])
    c.add("flag alone: rule variation names no variation", "flag", flag(rules=[rule(then={"variation": "yes"})]),
          ["/rules/0/then/variation"])
    c.add("flag alone: offVariation names no variation", "flag", flag(offVariation="disabled"), ["/offVariation"])
    c.add("flag alone: rollout variation names no variation", "flag",
          flag(rules=[rollout_rule(weights=(("nope", 10000),))]), [R0 + "/variations/0/variation"])
    return c.write()


def invalid_cycles():
    c = CaseFile("invalid", "cycles", "Prerequisite and segment references must not form cycles; every "
                 "reference on a cycle is reported.")

    def pf(key, *deps):
        return flag(key, prerequisites=[{"flag": d, "variation": "on"} for d in deps])

    c.add("a flag that is its own prerequisite", "document", doc([pf("a", "a")]), ["/flags/a/prerequisites/0/flag"])
    c.add("two flags a → b → a", "document", doc([pf("a", "b"), pf("b", "a")]),
          ["/flags/a/prerequisites/0/flag", "/flags/b/prerequisites/0/flag"])
    c.add("three flags a → b → c → a", "document", doc([pf("a", "b"), pf("b", "c"), pf("c", "a")]),
          ["/flags/a/prerequisites/0/flag", "/flags/b/prerequisites/0/flag", "/flags/c/prerequisites/0/flag"])
    c.add("a → b → a, and c → a off the cycle", "document", doc([pf("a", "b"), pf("b", "a"), pf("c", "a")]),
          ["/flags/a/prerequisites/0/flag", "/flags/b/prerequisites/0/flag"])
    c.add("cycle through a second prerequisite", "document", doc([pf("a", "c", "b"), pf("b", "a"), pf("c")]),
          ["/flags/a/prerequisites/1/flag", "/flags/b/prerequisites/0/flag"])
    c.add("a segment that references itself", "document", doc([], [{"key": "s", "if": {"segment": "s"}}]),
          ["/segments/s/if/segment"])
    c.add("two segments referencing each other through combinators", "document",
          doc([], [{"key": "s", "if": {"any": [{"segment": "t"}]}}, {"key": "t", "if": {"not": {"segment": "s"}}}]),
          ["/segments/s/if/any/0/segment", "/segments/t/if/not/segment"])
    c.add("a flag rule using a segment on a cycle is not itself on the cycle", "document",
          doc([cond_flag({"segment": "s"})],
              [{"key": "s", "if": {"segment": "t"}}, {"key": "t", "if": {"all": [{"segment": "s"}]}}]),
          ["/segments/s/if/segment", "/segments/t/if/all/0/segment"])
    return c.write()


def invalid_duplicates():
    c = CaseFile("invalid", "duplicates", "Duplicates: the later occurrence is reported.")
    c.add("variation key twice", "flag",
          flag(variations=[{"key": "off", "value": False}, {"key": "off", "value": True}]), ["/variations/1/key"])
    c.add("variation key three times", "flag",
          json_flag(variations=[{"key": "v", "value": 1}, {"key": "v", "value": 2}, {"key": "v", "value": 3}],
                    offVariation="v", defaultVariation="v"), ["/variations/1/key", "/variations/2/key"])
    c.add("rule id twice", "flag", flag(rules=[rule(id_="r"), rule(id_="r")]), ["/rules/1/id"])
    c.add("the same variation twice in one rollout", "flag",
          flag(rules=[rollout_rule(weights=(("on", 5000), ("on", 5000)))]), [R0 + "/variations/1/variation"])
    c.add("the same prerequisite flag twice", "document",
          doc([flag("f", prerequisites=[{"flag": "g", "variation": "on"}, {"flag": "g", "variation": "off"}]),
               flag("g")]), ["/flags/f/prerequisites/1/flag"])
    c.add("one experiment on rollouts of two flags (the later flag is reported)", "document",
          doc([with_rollout(experiment="exp") | {"key": "f"}, flag("g", rules=[rollout_rule(experiment="exp")])]),
          ["/flags/g/rules/0/then/rollout/experiment"])
    c.add("one experiment on two rules of one flag", "document",
          doc([flag(rules=[rollout_rule("r1", experiment="exp"), rollout_rule("r2", experiment="exp")])]),
          ["/flags/f/rules/1/then/rollout/experiment"])
    c.add("one experiment on two rules of a flag checked alone", "flag",
          flag(rules=[rollout_rule("r1", experiment="exp"), rollout_rule("r2", experiment="exp")]),
          ["/rules/1/then/rollout/experiment"])
    return c.write()


def invalid_rollouts():
    c = CaseFile("invalid", "rollouts", "Rollout weights (integers >= 0 summing to 10000), coverage "
                 "(integer 0..10000), seed, bucketBy and exclusion group ranges.")
    w = lambda *ws: flag(rules=[rollout_rule(weights=tuple(zip(["off", "on", "x"][:len(ws)], ws)))])  # noqa
    c.add("weights sum to 9999", "flag", w(5000, 4999), [R0 + "/variations"])
    c.add("weights sum to 10001", "flag", w(5000, 5001), [R0 + "/variations"])
    c.add("no weighted variations at all", "flag", flag(rules=[rollout_rule(weights=())]), [R0 + "/variations"])
    c.add("negative weight (sum still 10000)", "flag", w(-1, 10001), [R0 + "/variations/0/weight"])
    c.add("fractional weights (sum still 10000)", "flag", w(2500.5, 7499.5),
          [R0 + "/variations/0/weight", R0 + "/variations/1/weight"])
    c.add("coverage above 10000", "flag", with_rollout(coverage=10001), [R0 + "/coverage"])
    c.add("coverage negative", "flag", with_rollout(coverage=-1), [R0 + "/coverage"])
    c.add("coverage fractional", "flag", with_rollout(coverage=50.5), [R0 + "/coverage"])
    c.add("coverage is a string", "flag", with_rollout(coverage="5000"), [R0 + "/coverage"])
    c.add("bucketBy empty", "flag", with_rollout(bucketBy=""), [R0 + "/bucketBy"])
    c.add("bucketBy with an empty segment", "flag", with_rollout(bucketBy="account..id"), [R0 + "/bucketBy"])
    c.add("bucketBy with a leading dot", "flag", with_rollout(bucketBy=".id"), [R0 + "/bucketBy"])
    c.add("bucketBy with a trailing dot", "flag", with_rollout(bucketBy="account."), [R0 + "/bucketBy"])
    c.add("bucketBy is a number", "flag", with_rollout(bucketBy=5), [R0 + "/bucketBy"])
    xg = lambda s, e: with_rollout(exclusionGroup={"key": "layer", "start": s, "end": e})  # noqa
    c.add("exclusion group start negative", "flag", xg(-1, 100), [R0 + "/exclusionGroup/start"])
    c.add("exclusion group start fractional", "flag", xg(2.5, 100), [R0 + "/exclusionGroup/start"])
    c.add("exclusion group start is a string", "flag", xg("0", 100), [R0 + "/exclusionGroup/start"])
    c.add("exclusion group end above 10000", "flag", xg(0, 10001), [R0 + "/exclusionGroup/end"])
    c.add("exclusion group end equal to start", "flag", xg(5000, 5000), [R0 + "/exclusionGroup/end"])
    c.add("exclusion group end below start", "flag", xg(6000, 5000), [R0 + "/exclusionGroup/end"])
    c.add("exclusion group end fractional", "flag", xg(0, 5000.5), [R0 + "/exclusionGroup/end"])

    def xflag(key, s, e, group="layer"):
        return flag(key, rules=[rollout_rule(exclusionGroup={"key": group, "start": s, "end": e})])

    c.add("overlapping ranges of one group on two flags (the later is reported)", "document",
          doc([xflag("f", 0, 5000), xflag("g", 4000, 8000)]), ["/flags/g/rules/0/then/rollout/exclusionGroup"])
    c.add("identical ranges of one group", "document", doc([xflag("f", 0, 5000), xflag("g", 0, 5000)]),
          ["/flags/g/rules/0/then/rollout/exclusionGroup"])
    c.add("a range inside an earlier range", "document", doc([xflag("f", 0, 5000), xflag("g", 1000, 2000)]),
          ["/flags/g/rules/0/then/rollout/exclusionGroup"])
    c.add("third range overlaps the second, the first two are adjacent", "document",
          doc([xflag("f", 0, 3000), xflag("g", 3000, 6000), xflag("h", 5999, 9000)]),
          ["/flags/h/rules/0/then/rollout/exclusionGroup"])
    c.add("overlapping ranges on two rules of one flag", "document",
          doc([flag(rules=[rollout_rule("r1", exclusionGroup={"key": "layer", "start": 0, "end": 6000}),
                           rollout_rule("r2", exclusionGroup={"key": "layer", "start": 5000, "end": 10000})])]),
          ["/flags/f/rules/1/then/rollout/exclusionGroup"])
    c.add("overlapping ranges on two rules of a flag checked alone", "flag",
          flag(rules=[rollout_rule("r1", exclusionGroup={"key": "layer", "start": 0, "end": 6000}),
                      rollout_rule("r2", exclusionGroup={"key": "layer", "start": 5000, "end": 10000})]),
          ["/rules/1/then/rollout/exclusionGroup"])
    return c.write()


def invalid_conditions():
    c = CaseFile("invalid", "conditions", "Condition shapes, operators, attributes and rule values "
                 "(checked per flag; paths are relative to the flag).")
    add = lambda name, cond, paths: c.add(name, "flag", cond_flag(cond), paths)  # noqa
    add("condition is a string", "country", [IF])
    add("condition is an array", [], [IF])
    add("condition is null", None, [IF])
    add("condition is an empty object", {}, [IF])
    add("condition mixes all and any", {"all": [], "any": []}, [IF])
    add("condition mixes a leaf and all", {"attr": "x", "op": "exists", "all": []}, [IF])
    add("condition mixes segment and not", {"segment": "s", "not": {"all": []}}, [IF])
    add("condition with only an unknown member", {"when": "always"}, [IF])
    add("unknown operator", {"attr": "x", "op": "equals", "value": 1}, [IF + "/op"])
    add("operator is a number", {"attr": "x", "op": 5, "value": 1}, [IF + "/op"])
    add("operator missing", {"attr": "x", "value": 1}, [IF + "/op"])
    add("attr missing", {"op": "eq", "value": 1}, [IF + "/attr"])
    add("eq without value", {"attr": "x", "op": "eq"}, [IF + "/value"])
    add("in without values", {"attr": "x", "op": "in"}, [IF + "/values"])
    add("eq with values as well: values is unknown", {"attr": "x", "op": "eq", "value": 1, "values": [1]},
        [IF + "/values"])
    add("in with value as well: value is unknown", {"attr": "x", "op": "in", "values": [1], "value": 1},
        [IF + "/value"])
    add("exists takes no operand: value is unknown", {"attr": "x", "op": "exists", "value": True}, [IF + "/value"])
    add("exists takes no operand: values is unknown", {"attr": "x", "op": "exists", "values": []}, [IF + "/values"])
    add("leaf with an unknown member", {"attr": "x", "op": "exists", "negate": True}, [IF + "/negate"])
    add("attr empty", {"attr": "", "op": "exists"}, [IF + "/attr"])
    add("attr with an empty segment", {"attr": "a..b", "op": "exists"}, [IF + "/attr"])
    add("attr with a leading dot", {"attr": ".a", "op": "exists"}, [IF + "/attr"])
    add("attr with a trailing dot", {"attr": "a.", "op": "exists"}, [IF + "/attr"])
    add("attr is a number", {"attr": 5, "op": "exists"}, [IF + "/attr"])
    add("eq value null", {"attr": "x", "op": "eq", "value": None}, [IF + "/value"])
    add("eq value array", {"attr": "x", "op": "eq", "value": [1]}, [IF + "/value"])
    add("neq value object", {"attr": "x", "op": "neq", "value": {"a": 1}}, [IF + "/value"])
    add("in values holds null", {"attr": "x", "op": "in", "values": [1, None]}, [IF + "/values/1"])
    add("in values holds an array", {"attr": "x", "op": "in", "values": ["a", ["b"]]}, [IF + "/values/1"])
    add("not_in values holds an object", {"attr": "x", "op": "not_in", "values": [{"a": 1}]}, [IF + "/values/0"])
    add("in values is not an array", {"attr": "x", "op": "in", "values": "NL"}, [IF + "/values"])
    add("contains value is a number", {"attr": "x", "op": "contains", "value": 5}, [IF + "/value"])
    add("starts_with value is a boolean", {"attr": "x", "op": "starts_with", "value": True}, [IF + "/value"])
    add("ends_with value is null", {"attr": "x", "op": "ends_with", "value": None}, [IF + "/value"])
    add("lt value is a numeric string", {"attr": "x", "op": "lt", "value": "5"}, [IF + "/value"])
    add("gte value is null", {"attr": "x", "op": "gte", "value": None}, [IF + "/value"])
    add("gt value is a boolean", {"attr": "x", "op": "gt", "value": True}, [IF + "/value"])
    add("regex that does not compile", {"attr": "x", "op": "regex", "value": "("}, [IF + "/value"])
    add("regex with lookahead", {"attr": "x", "op": "regex", "value": "(?=a)b"}, [IF + "/value"])
    add("regex with negative lookahead", {"attr": "x", "op": "regex", "value": "a(?!b)"}, [IF + "/value"])
    add("regex with lookbehind", {"attr": "x", "op": "regex", "value": "(?<=a)b"}, [IF + "/value"])
    add("regex with negative lookbehind", {"attr": "x", "op": "regex", "value": "(?<!a)b"}, [IF + "/value"])
    add("regex with a backreference", {"attr": "x", "op": "regex", "value": r"(a)\1"}, [IF + "/value"])
    add("regex with a possessive quantifier (not RE2)", {"attr": "x", "op": "regex", "value": "a*+"},
        [IF + "/value"])
    add("regex with \\Z (not RE2)", {"attr": "x", "op": "regex", "value": r"abc\Z"}, [IF + "/value"])
    add("regex with an atomic group (not RE2)", {"attr": "x", "op": "regex", "value": "(?>a)"}, [IF + "/value"])
    add("regex with a named backreference (?P=name)", {"attr": "x", "op": "regex", "value": "(?P<n>a)(?P=n)"},
        [IF + "/value"])
    add("regex with a named backreference \\k<name>", {"attr": "x", "op": "regex", "value": r"(?P<n>a)\k<n>"},
        [IF + "/value"])
    add("regex with an unknown Unicode class", {"attr": "x", "op": "regex", "value": r"\p{Foo}"}, [IF + "/value"])
    add("regex with a repeat count above 1000 (RE2 limit)", {"attr": "x", "op": "regex", "value": "a{1001}"},
        [IF + "/value"])
    add("regex value is a number", {"attr": "x", "op": "regex", "value": 5}, [IF + "/value"])
    add("semver value with a leading zero", {"attr": "x", "op": "semver_eq", "value": "1.2.03"}, [IF + "/value"])
    add("semver value with an uppercase V", {"attr": "x", "op": "semver_lt", "value": "V1.0.0"}, [IF + "/value"])
    add("semver value with an empty pre-release", {"attr": "x", "op": "semver_gt", "value": "1.0.0-"},
        [IF + "/value"])
    add("semver value is a number", {"attr": "x", "op": "semver_gte", "value": 1}, [IF + "/value"])
    add("semver value empty", {"attr": "x", "op": "semver_lte", "value": ""}, [IF + "/value"])
    add("semver value with a leading blank", {"attr": "x", "op": "semver_eq", "value": " 1.0.0"}, [IF + "/value"])
    add("semver value with four components", {"attr": "x", "op": "semver_eq", "value": "1.0.0.0"}, [IF + "/value"])
    add("semver value with a wildcard", {"attr": "x", "op": "semver_gte", "value": "1.2.x"}, [IF + "/value"])
    add("semver value with two + signs", {"attr": "x", "op": "semver_eq", "value": "1.0.0+a+b"}, [IF + "/value"])
    add("date value with a dot and no fraction digits", {"attr": "x", "op": "before", "value": "2026-01-01T00:00:00.Z"},
        [IF + "/value"])
    add("date value with an offset without a colon", {"attr": "x", "op": "after", "value": "2026-01-01T00:00:00+0100"},
        [IF + "/value"])
    add("date value February 30", {"attr": "x", "op": "before", "value": "2026-02-30T00:00:00Z"}, [IF + "/value"])
    add("date value without time", {"attr": "x", "op": "after", "value": "2026-01-01"}, [IF + "/value"])
    add("date value fractional epoch milliseconds", {"attr": "x", "op": "before", "value": 1.5}, [IF + "/value"])
    add("date value is a boolean", {"attr": "x", "op": "after", "value": True}, [IF + "/value"])
    add("date value offset beyond 18:00", {"attr": "x", "op": "before", "value": "2026-01-01T00:00:00+18:30"},
        [IF + "/value"])
    add("date value seconds 60", {"attr": "x", "op": "after", "value": "2026-01-01T23:59:60Z"}, [IF + "/value"])
    add("date value with a blank separator", {"attr": "x", "op": "before", "value": "2026-01-01 00:00:00Z"},
        [IF + "/value"])
    add("date value without offset", {"attr": "x", "op": "after", "value": "2026-01-01T00:00:00"}, [IF + "/value"])
    add("not of a string", {"not": "x"}, [IF + "/not"])
    add("not of a bad leaf", {"not": {"attr": "x", "op": "bogus"}}, [IF + "/not/op"])
    add("all is not an array", {"all": "x"}, [IF + "/all"])
    add("any is null", {"any": None}, [IF + "/any"])
    add("a bad element inside all", {"all": [{"attr": "x", "op": "exists"}, "bad"]}, [IF + "/all/1"])
    add("a bad attr inside any", {"any": [{"attr": "", "op": "exists"}]}, [IF + "/any/0/attr"])
    add("a bad operator deep inside combinators",
        {"all": [{"any": [{"not": {"attr": "x", "op": "bogus", "value": 1}}]}]}, [IF + "/all/0/any/0/not/op"])
    add("segment is a number", {"segment": 5}, [IF + "/segment"])
    f2 = flag(rules=[rule({"attr": "", "op": "exists"}, id_="a"),
                     rule({"attr": "x", "op": "regex", "value": "(?=x)"}, id_="b")])
    c.add("two faults in two rules are both reported", "flag", f2, ["/rules/0/if/attr", "/rules/1/if/value"])
    return c.write()


def invalid_variations():
    c = CaseFile("invalid", "variations", "Variation counts and value kinds per flag type.")

    def vs(*values):
        return [{"key": f"v{i}", "value": v} for i, v in enumerate(values)]

    def typed(t, values):
        return {"key": "f", "type": t, "enabled": True, "variations": vs(*values), "offVariation": "v0",
                "defaultVariation": "v0", "rules": []}

    c.add("boolean with three variations", "flag", typed("boolean", [False, True, True]), ["/variations"])
    c.add("boolean with two true values", "flag", typed("boolean", [True, True]), ["/variations"])
    c.add("boolean with two false values", "flag", typed("boolean", [False, False]), ["/variations"])
    c.add("boolean with one variation", "flag", typed("boolean", [False]), ["/variations"])
    c.add("boolean with a string \"true\" value", "flag", typed("boolean", [False, "true"]),
          ["/variations", "/variations/1/value"])
    c.add("multivariate with one variation", "flag", typed("multivariate", ["a"]), ["/variations"])
    c.add("multivariate with 65 variations", "flag", typed("multivariate", [f"s{i}" for i in range(65)]),
          ["/variations"])
    c.add("multivariate mixing a string and a number", "flag", typed("multivariate", ["a", 1]),
          ["/variations/1/value"])
    c.add("multivariate mixing two strings and two numbers", "flag", typed("multivariate", ["a", "b", 1, 2]),
          ["/variations/2/value", "/variations/3/value"])
    c.add("multivariate mixing a number and a string", "flag", typed("multivariate", [1, "a"]),
          ["/variations/1/value"])
    c.add("multivariate with a null value", "flag", typed("multivariate", ["a", None]), ["/variations/1/value"])
    c.add("multivariate with an object value", "flag", typed("multivariate", ["a", {"x": 1}]),
          ["/variations/1/value"])
    c.add("multivariate with a boolean value", "flag", typed("multivariate", ["a", True]), ["/variations/1/value"])
    c.add("multivariate with an array value", "flag", typed("multivariate", [1, [2]]), ["/variations/1/value"])
    c.add("json with 65 variations", "flag", typed("json", list(range(65))), ["/variations"])
    return c.write()


# ------------------------------------------------------------------------------------------------
# valid


def valid_documents():
    c = CaseFile("valid", "documents", "Documents at the edges of the rules: must give no diagnostics.")
    c.add("minimal document without flags or segments", "document", doc(salt="0"))
    c.add("publishedAt in UTC", "document", doc(publishedAt="2026-11-24T10:00:00Z"))
    c.add("publishedAt with a positive offset", "document", doc(publishedAt="2026-11-24T15:30:00+05:30"))
    c.add("publishedAt with lowercase t and z and a fraction", "document",
          doc(publishedAt="2026-11-24t10:00:00.123456z"))
    c.add("publishedAt with offset -18:00", "document", doc(publishedAt="2026-11-24T10:00:00-18:00"))
    c.add("publishedAt on a leap day", "document", doc(publishedAt="2024-02-29T23:59:59Z"))
    c.add("version 2^53-1", "document", doc(version=Num("9007199254740991")))
    c.add("uppercase hex salt", "document", doc(salt="ABCDEF0123456789"))
    c.add("signed document", "document",
          doc([flag()], signature={"alg": "HMAC-SHA256", "kid": "k1", "value": "c2lnbmF0dXJl"}))
    c.add("keys at the edges of the pattern", "document",
          doc([flag("a" * 128), flag("0"), flag("a.b_c-d"), flag("z.")],
              [{"key": "9"}], env="e", project="p-1.x_y"))
    c.add("segments without if, with repeated entries, nested and as a diamond", "document",
          doc([cond_flag({"segment": "top"})],
              [{"key": "top", "if": {"all": [{"segment": "left"}, {"segment": "right"}]}},
               {"key": "left", "if": {"segment": "base"}},
               {"key": "right", "included": ["u1", "u1"], "excluded": ["u2", "u2"], "if": {"not": {"segment": "base"}}},
               {"key": "base", "included": [], "excluded": []}]))
    c.add("prerequisites as a diamond (not a cycle)", "document",
          doc([flag("a", prerequisites=[{"flag": "b", "variation": "on"}, {"flag": "c", "variation": "off"}]),
               flag("b", prerequisites=[{"flag": "d", "variation": "on"}]),
               flag("c", prerequisites=[{"flag": "d", "variation": "on"}]), flag("d")]))
    c.add("exclusion ranges: adjacent in one group, overlapping across groups", "document",
          doc([flag("f", rules=[rollout_rule(exclusionGroup={"key": "l1", "start": 0, "end": 5000},
                                             experiment="e1")]),
               flag("g", rules=[rollout_rule(exclusionGroup={"key": "l1", "start": 5000, "end": 10000},
                                             experiment="e2")]),
               flag("h", rules=[rollout_rule(exclusionGroup={"key": "l2", "start": 0, "end": 10000})])]))
    c.add("an explicit seed equal to another flag's key; an experiment used once", "document",
          doc([flag("f", rules=[rollout_rule(experiment="exp")]), flag("g", rules=[rollout_rule(seed="f")])]))
    return c.write()


def valid_flags():
    c = CaseFile("valid", "flags", "Flags at the edges of the rules: must give no diagnostics.")
    c.add("boolean flag with true first", "flag",
          flag(variations=[{"key": "on", "value": True}, {"key": "off", "value": False}]))
    c.add("flag and rule descriptions", "flag", flag(description="d", rules=[dict(rule(), description="r")]))
    c.add("empty prerequisites", "flag", flag(prerequisites=[]))
    c.add("flag alone: references to other flags and segments are not checked", "flag",
          flag(prerequisites=[{"flag": "elsewhere", "variation": "on"}], rules=[rule({"segment": "elsewhere"})]))
    c.add("json flag with one variation", "flag", json_flag(n=1))
    c.add("json flag with 64 variations of any kind", "flag",
          json_flag(variations=[{"key": f"v{i}", "value": v} for i, v in
                                enumerate([None, True, 1, "s", [1], {"a": None}] + list(range(58)))]))
    c.add("multivariate flag with 64 numbers", "flag",
          {"key": "f", "type": "multivariate", "enabled": False,
           "variations": [{"key": f"v{i}", "value": i * 0.5} for i in range(64)], "offVariation": "v0",
           "defaultVariation": "v63", "rules": []})
    c.add("multivariate flag with two strings", "flag",
          {"key": "f", "type": "multivariate", "enabled": True,
           "variations": [{"key": "a", "value": "a"}, {"key": "b", "value": ""}], "offVariation": "a",
           "defaultVariation": "b", "rules": []})
    c.add("rollout with every optional member", "flag",
          flag(rules=[rollout_rule(bucketBy="account.id", seed="my-seed.v2", coverage=10000, experiment="exp",
                                   exclusionGroup={"key": "layer", "start": 0, "end": 10000})]))
    c.add("rollout with coverage 0 and a zero weight", "flag",
          flag(rules=[rollout_rule(weights=(("off", 0), ("on", 10000)), coverage=0)]))
    c.add("rollout with one variation of weight 10000", "flag", flag(rules=[rollout_rule(weights=(("on", 10000),))]))
    c.add("two rules with different experiments and adjacent ranges", "flag",
          flag(rules=[rollout_rule("a", experiment="e1", exclusionGroup={"key": "l", "start": 0, "end": 1}),
                      rollout_rule("b", experiment="e2", exclusionGroup={"key": "l", "start": 1, "end": 10000})]))
    return c.write()


def valid_conditions():
    c = CaseFile("valid", "conditions", "Conditions at the edges of the rules: must give no diagnostics.")
    conds = [
        ("empty all", {"all": []}),
        ("empty any", {"any": []}),
        ("not of empty all", {"not": {"all": []}}),
        ("in with empty values", {"attr": "x", "op": "in", "values": []}),
        ("not_in with empty values", {"attr": "x", "op": "not_in", "values": []}),
        ("in with mixed scalars", {"attr": "x", "op": "in", "values": ["1", 1, 1.5, True, False, ""]}),
        ("eq false", {"attr": "x", "op": "eq", "value": False}),
        ("eq 0", {"attr": "x", "op": "eq", "value": 0}),
        ("neq empty string", {"attr": "x", "op": "neq", "value": ""}),
        ("lt negative fraction", {"attr": "x", "op": "lt", "value": -0.25}),
        ("gte with exponent", {"attr": "x", "op": "gte", "value": Num("1e3")}),
        ("contains empty string", {"attr": "x", "op": "contains", "value": ""}),
        ("exists on key", {"attr": "key", "op": "exists"}),
        ("attribute names with blanks, hyphens and non-ASCII", {"all": [
            {"attr": "first name", "op": "exists"}, {"attr": "x-id", "op": "exists"},
            {"attr": "pa\u00eds.c\u00f3digo", "op": "exists"}]}),
        ("semver short form with pre-release 2.3-beta", {"attr": "v", "op": "semver_eq", "value": "2.3-beta"}),
        ("semver with a leading v and major only", {"attr": "v", "op": "semver_gte", "value": "v1"}),
        ("semver with build metadata with leading zeros", {"attr": "v", "op": "semver_lt", "value": "1.0.0+build.001"}),
        ("semver pre-release with alphanumeric 0a", {"attr": "v", "op": "semver_gt", "value": "1.0.0-alpha.0a"}),
        ("semver with huge numbers", {"attr": "v", "op": "semver_lte", "value": "18446744073709551616.0.0"}),
        ("date with a positive offset", {"attr": "t", "op": "before", "value": "2026-11-24T10:00:00+05:30"}),
        ("date with a negative offset", {"attr": "t", "op": "after", "value": "2026-11-24T10:00:00-08:00"}),
        ("date with lowercase t and z", {"attr": "t", "op": "before", "value": "2026-11-24t10:00:00z"}),
        ("date with offset +18:00", {"attr": "t", "op": "after", "value": "2026-11-24T10:00:00+18:00"}),
        ("date with nine fraction digits", {"attr": "t", "op": "after", "value": "2026-11-24T10:00:00.123456789Z"}),
        ("date on a leap day", {"attr": "t", "op": "before", "value": "2000-02-29T00:00:00Z"}),
        ("date as epoch milliseconds", {"attr": "t", "op": "before", "value": 1767225600000}),
        ("date as negative epoch milliseconds", {"attr": "t", "op": "after", "value": -1}),
        ("date as epoch milliseconds with an exponent", {"attr": "t", "op": "after", "value": Num("1.7e12")}),
        ("regex with (?i) and Unicode classes", {"attr": "s", "op": "regex", "value": r"(?i)^\p{L}+\d*$"}),
        ("regex with an RE2 named group", {"attr": "s", "op": "regex", "value": r"(?P<major>\d+)\.(\d+)"}),
        ("regex with (?m) and \\b", {"attr": "s", "op": "regex", "value": r"(?m)^\bcat\b$"}),
        ("regex with POSIX and Unicode classes", {"attr": "s", "op": "regex", "value": r"^[[:alpha:]]+\pN$"}),
        ("regex with a repeat count of 1000 (RE2 limit)", {"attr": "s", "op": "regex", "value": "a{1000}"}),
        ("date with offset -00:00", {"attr": "t", "op": "before", "value": "2026-11-24T10:00:00-00:00"}),
        ("regex with \\Q...\\E", {"attr": "s", "op": "regex", "value": r"\Q(?=x)\E"}),
        ("regex with non-capturing groups and flags", {"attr": "s", "op": "regex", "value": r"(?:ab)+(?s:.)"}),
        ("deeply nested combinators", {"any": [{"all": [{"not": {"any": [{"attr": "a.b.c", "op": "exists"}]}}]}]}),
    ]
    for name, cond in conds:
        c.add(name, "flag", cond_flag(cond))
    return c.write()


INVALID = [invalid_document, invalid_keys, invalid_members, invalid_references, invalid_cycles,
           invalid_duplicates, invalid_rollouts, invalid_conditions, invalid_variations]
VALID = [valid_documents, valid_flags, valid_conditions]


def main():
    for group in (INVALID, VALID):
        total = 0
        for topic in group:
            n = topic()
            print(f"{topic.__name__}: {n}")
            total += n
        print("total", total)


if __name__ == "__main__":
    main()
