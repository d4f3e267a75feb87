"""Topics of spec/eval about attributes and logic: missing values, arrays, combinators, segments,
prerequisites, contexts, reasons and errors."""

from evalkit import BOOL_VARIATIONS, EvalFile
from ffspec import Num
from gen_eval_operators import leaf


def exists_and_missing():
    f = EvalFile("exists-and-missing",
                 "A missing attribute (absent or null) makes every operator false, exists included; "
                 "exists holds on any present non-null value; not is the only way to turn a missing "
                 "attribute into true. Dotted paths walk nested objects only.", "e1", 9)
    ops = [
        ("eq", leaf("x", "eq", "v")), ("neq", leaf("x", "neq", "v")), ("in", leaf("x", "in", ["v"])),
        ("not-in", leaf("x", "not_in", ["v"])), ("contains", leaf("x", "contains", "v")),
        ("starts-with", leaf("x", "starts_with", "v")), ("ends-with", leaf("x", "ends_with", "v")),
        ("regex", leaf("x", "regex", ".*")), ("lt", leaf("x", "lt", 1)), ("lte", leaf("x", "lte", 1)),
        ("gt", leaf("x", "gt", 1)), ("gte", leaf("x", "gte", 1)),
        ("semver-eq", leaf("x", "semver_eq", "1.0.0")), ("semver-lt", leaf("x", "semver_lt", "1.0.0")),
        ("semver-lte", leaf("x", "semver_lte", "1.0.0")), ("semver-gt", leaf("x", "semver_gt", "1.0.0")),
        ("semver-gte", leaf("x", "semver_gte", "1.0.0")),
        ("before", leaf("x", "before", "2026-01-01T00:00:00Z")),
        ("after", leaf("x", "after", "2026-01-01T00:00:00Z")), ("exists", {"attr": "x", "op": "exists"}),
    ]
    for name, cond in ops:
        f.match_flag(f"missing-{name}", cond)
        f.check(f"{cond['op']}: absent attribute is false", f"missing-{name}", {"key": "u1"}, False)
        f.check(f"{cond['op']}: null attribute is false", f"missing-{name}", {"key": "u1", "x": None}, False)
    f.match_flag("not-exists", {"not": {"attr": "x", "op": "exists"}})
    f.match_flag("not-eq", {"not": leaf("x", "eq", "v")})
    f.match_flag("not-neq", {"not": leaf("x", "neq", "v")})
    f.match_flag("not-not-in", {"not": leaf("x", "not_in", ["v"])})
    f.match_flag("exists-nested", {"attr": "a.b", "op": "exists"})
    f.match_flag("eq-deep", leaf("a.b.c", "eq", 1))
    f.match_flag("exists-key", {"attr": "key", "op": "exists"})
    c = f.check
    c("not exists: absent attribute gives true", "not-exists", {"key": "u1"}, True)
    c("not exists: null attribute gives true", "not-exists", {"key": "u1", "x": None}, True)
    c("not exists: present attribute gives false", "not-exists", {"key": "u1", "x": "v"}, False)
    c("not eq: absent attribute gives true", "not-eq", {"key": "u1"}, True)
    c("not eq: equal value gives false", "not-eq", {"key": "u1", "x": "v"}, False)
    c("not neq: absent attribute gives true (neq is false on missing)", "not-neq", {"key": "u1"}, True)
    c("not neq: null attribute gives true", "not-neq", {"key": "u1", "x": None}, True)
    c("not neq: different value gives false", "not-neq", {"key": "u1", "x": "w"}, False)
    c("not not_in: absent attribute gives true (not_in is false on missing)", "not-not-in", {"key": "u1"},
      True)
    c("neq: present different value holds (contrast with missing)", "missing-neq", {"key": "u1", "x": "w"},
      True)
    c("not_in: present value outside the list holds (contrast with missing)", "missing-not-in",
      {"key": "u1", "x": "w"}, True)
    c("regex .*: empty string is present so it matches", "missing-regex", {"key": "u1", "x": ""}, True)
    c("exists: empty string exists", "missing-exists", {"key": "u1", "x": ""}, True)
    c("exists: 0 exists", "missing-exists", {"key": "u1", "x": 0}, True)
    c("exists: false exists", "missing-exists", {"key": "u1", "x": False}, True)
    c("exists: empty array exists", "missing-exists", {"key": "u1", "x": []}, True)
    c("exists: array of nulls exists (not applied element by element)", "missing-exists",
      {"key": "u1", "x": [None]}, True)
    c("exists: empty object exists", "missing-exists", {"key": "u1", "x": {}}, True)
    c("exists: nested path present", "exists-nested", {"key": "u1", "a": {"b": 1}}, True)
    c("exists: nested path present with false", "exists-nested", {"key": "u1", "a": {"b": False}}, True)
    c("exists: nested null is missing", "exists-nested", {"key": "u1", "a": {"b": None}}, False)
    c("exists: parent absent", "exists-nested", {"key": "u1"}, False)
    c("exists: parent null", "exists-nested", {"key": "u1", "a": None}, False)
    c("exists: walking through a string gives missing", "exists-nested", {"key": "u1", "a": "b"}, False)
    c("exists: walking through a number gives missing", "exists-nested", {"key": "u1", "a": 1}, False)
    c("exists: walking through an array gives missing", "exists-nested", {"key": "u1", "a": [{"b": 1}]},
      False)
    c("exists: a top-level member named \"a.b\" is never read", "exists-nested", {"key": "u1", "a.b": 1},
      False)
    c("eq: three-level path", "eq-deep", {"key": "u1", "a": {"b": {"c": 1}}}, True)
    c("eq: dotted member names are not paths (\"a.b\" then c)", "eq-deep", {"key": "u1", "a.b": {"c": 1}},
      False)
    c("eq: dotted member names are not paths (a then \"b.c\")", "eq-deep", {"key": "u1", "a": {"b.c": 1}},
      False)
    c("eq: dotted member name \"a.b.c\" is not read", "eq-deep", {"key": "u1", "a.b.c": 1}, False)
    c("exists key: present string key", "exists-key", {"key": "u1"}, True)
    c("exists key: null key counts as absent", "exists-key", {"key": None}, False)
    c("exists key: no key", "exists-key", {}, False)
    c("exists key: empty string key exists", "exists-key", {"key": ""}, True)
    return f.write()


def arrays():
    f = EvalFile("arrays",
                 "Array attributes: a positive operator holds when it holds for any element; neq and "
                 "not_in hold when eq/in holds for no element; elements that are arrays or objects never "
                 "match; exists is not applied element by element.", "a4", 10)
    f.match_flag("eq", leaf("tags", "eq", "a"))
    f.match_flag("neq", leaf("tags", "neq", "a"))
    f.match_flag("in", leaf("tags", "in", ["a", "b"]))
    f.match_flag("not-in", leaf("tags", "not_in", ["a", "b"]))
    f.match_flag("eq-num", leaf("nums", "eq", 1))
    f.match_flag("contains", leaf("tags", "contains", "ab"))
    f.match_flag("starts-with", leaf("tags", "starts_with", "ab"))
    f.match_flag("ends-with", leaf("tags", "ends_with", "ab"))
    f.match_flag("regex", leaf("tags", "regex", r"^v\d$"))
    f.match_flag("lt", leaf("nums", "lt", 5))
    f.match_flag("semver-gte", leaf("versions", "semver_gte", "2.0.0"))
    f.match_flag("before", leaf("dates", "before", "2026-01-01T00:00:00Z"))
    f.match_flag("exists", {"attr": "tags", "op": "exists"})
    f.match_flag("nested-path-eq", leaf("items.id", "eq", 1))
    f.match_flag("nested-path-neq", leaf("items.id", "neq", 1))
    c = f.check
    c("eq: any element equal", "eq", {"key": "u1", "tags": ["x", "a"]}, True)
    c("eq: no element equal", "eq", {"key": "u1", "tags": ["x", "y"]}, False)
    c("eq: empty array", "eq", {"key": "u1", "tags": []}, False)
    c("eq: nested array element never matches", "eq", {"key": "u1", "tags": [["a"]]}, False)
    c("eq: object element never matches", "eq", {"key": "u1", "tags": [{"a": "a"}]}, False)
    c("eq: null element skipped, later element equal", "eq", {"key": "u1", "tags": [None, "a"]}, True)
    c("eq: case-sensitive elements", "eq", {"key": "u1", "tags": ["A"]}, False)
    c("neq: one element equal so neq is false", "neq", {"key": "u1", "tags": ["x", "a"]}, False)
    c("neq: no element equal so neq holds", "neq", {"key": "u1", "tags": ["x", "y"]}, True)
    c("neq: empty array holds", "neq", {"key": "u1", "tags": []}, True)
    c("neq: nested array element never equals so neq holds", "neq", {"key": "u1", "tags": [["a"]]}, True)
    c("neq: array of null holds", "neq", {"key": "u1", "tags": [None]}, True)
    c("in: one element in the list", "in", {"key": "u1", "tags": ["c", "b"]}, True)
    c("in: no element in the list", "in", {"key": "u1", "tags": ["c", "d"]}, False)
    c("in: empty array", "in", {"key": "u1", "tags": []}, False)
    c("in: nested array element never matches", "in", {"key": "u1", "tags": [["a"], ["b"]]}, False)
    c("not_in: one element in the list so not_in is false", "not-in", {"key": "u1", "tags": ["c", "b"]},
      False)
    c("not_in: no element in the list so not_in holds", "not-in", {"key": "u1", "tags": ["c", "d"]}, True)
    c("not_in: empty array holds", "not-in", {"key": "u1", "tags": []}, True)
    c("not_in: nested array element never matches so not_in holds", "not-in", {"key": "u1", "tags": [["a"]]},
      True)
    c("eq: 1.0 element equals 1", "eq-num", {"key": "u1", "nums": [Num("1.0")]}, True)
    c("eq: string element \"1\" does not equal 1", "eq-num", {"key": "u1", "nums": ["1"]}, False)
    c("eq: [[1]] does not equal 1 (one level deep)", "eq-num", {"key": "u1", "nums": [[1]]}, False)
    c("contains: one string element contains the value", "contains", {"key": "u1", "tags": ["xaby", 5]},
      True)
    c("contains: non-string elements are false", "contains", {"key": "u1", "tags": [5, True]}, False)
    c("contains: nested array of strings never matches", "contains", {"key": "u1", "tags": [["ab"]]}, False)
    c("starts_with: any element", "starts-with", {"key": "u1", "tags": ["b", "abc"]}, True)
    c("ends_with: any element", "ends-with", {"key": "u1", "tags": ["b", "cab"]}, True)
    c("ends_with: no element", "ends-with", {"key": "u1", "tags": ["b", "abc"]}, False)
    c("regex: any element", "regex", {"key": "u1", "tags": ["x", "v1"]}, True)
    c("regex: no element", "regex", {"key": "u1", "tags": ["v10", "x"]}, False)
    c("lt: any element below", "lt", {"key": "u1", "nums": [10, 1]}, True)
    c("lt: numeric string element is not a number", "lt", {"key": "u1", "nums": [10, "1"]}, False)
    c("lt: empty array", "lt", {"key": "u1", "nums": []}, False)
    c("semver_gte: any valid element", "semver-gte", {"key": "u1", "versions": ["1.0.0", "2.1"]}, True)
    c("semver_gte: invalid element is false", "semver-gte", {"key": "u1", "versions": ["1.0.0", "3.0.0.0"]},
      False)
    c("before: any element, mixing epoch milliseconds and strings", "before",
      {"key": "u1", "dates": ["2027-01-01T00:00:00Z", 1000]}, True)
    c("before: invalid date element is false", "before",
      {"key": "u1", "dates": ["2027-01-01T00:00:00Z", "garbage"]}, False)
    c("exists: empty array exists", "exists", {"key": "u1", "tags": []}, True)
    c("exists: array of nulls exists", "exists", {"key": "u1", "tags": [None, None]}, True)
    c("path through an array is missing: eq false", "nested-path-eq", {"key": "u1", "items": [{"id": 1}]},
      False)
    c("path through an array is missing: neq false too", "nested-path-neq", {"key": "u1", "items": [{"id": 2}]},
      False)
    c("path through an object: neq holds on a different value", "nested-path-neq",
      {"key": "u1", "items": {"id": 2}}, True)
    return f.write()


def combinators():
    f = EvalFile("combinators",
                 "all (empty = true), any (empty = false), not; rules apply top to bottom and the first "
                 "that holds decides.", "c0", 11)
    nl = leaf("country", "eq", "NL")
    f.match_flag("all-empty", {"all": []})
    f.match_flag("any-empty", {"any": []})
    f.match_flag("not-all-empty", {"not": {"all": []}})
    f.match_flag("not-any-empty", {"not": {"any": []}})
    f.match_flag("all-two", {"all": [nl, leaf("age", "gte", 18)]})
    f.match_flag("any-two", {"any": [nl, leaf("country", "eq", "BE")]})
    f.match_flag("all-one", {"all": [nl]})
    f.match_flag("any-one", {"any": [nl]})
    f.match_flag("not", {"not": nl})
    f.match_flag("not-not", {"not": {"not": nl}})
    f.match_flag("not-in-vs-not_in", {"not": leaf("country", "in", ["NL"])})
    f.match_flag("nested", {"any": [{"all": [leaf("a", "eq", 1), leaf("b", "eq", 2)]},
                                    {"not": {"attr": "c", "op": "exists"}}]})
    f.flag("first-match", [{"key": "none", "value": "none"}, {"key": "a", "value": "a"},
                           {"key": "b", "value": "b"}, {"key": "c", "value": "c"}], "none", "none",
           [{"id": "nl", "if": nl, "then": {"variation": "a"}},
            {"id": "adult", "if": leaf("age", "gte", 18), "then": {"variation": "b"}},
            {"id": "everyone", "if": {"all": []}, "then": {"variation": "c"}}])
    c = f.check
    c("all []: true with an empty context object", "all-empty", {}, True)
    c("all []: true with any context", "all-empty", {"key": "u1", "x": 1}, True)
    c("any []: false", "any-empty", {"key": "u1"}, False)
    c("not all []: false", "not-all-empty", {"key": "u1"}, False)
    c("not any []: true", "not-any-empty", {"key": "u1"}, True)
    c("all: both hold", "all-two", {"key": "u1", "country": "NL", "age": 30}, True)
    c("all: one fails", "all-two", {"key": "u1", "country": "NL", "age": 17}, False)
    c("all: one missing", "all-two", {"key": "u1", "country": "NL"}, False)
    c("any: second holds", "any-two", {"key": "u1", "country": "BE"}, True)
    c("any: none holds", "any-two", {"key": "u1", "country": "DE"}, False)
    c("any: missing attribute", "any-two", {"key": "u1"}, False)
    c("all: single element holds", "all-one", {"key": "u1", "country": "NL"}, True)
    c("any: single element fails", "any-one", {"key": "u1", "country": "DE"}, False)
    c("not: negates false", "not", {"key": "u1", "country": "DE"}, True)
    c("not: negates true", "not", {"key": "u1", "country": "NL"}, False)
    c("not: missing attribute becomes true", "not", {"key": "u1"}, True)
    c("not: null attribute becomes true", "not", {"key": "u1", "country": None}, True)
    c("not not: holds like the inner condition", "not-not", {"key": "u1", "country": "NL"}, True)
    c("not not: missing stays false", "not-not", {"key": "u1"}, False)
    c("not in: missing attribute gives true (unlike not_in)", "not-in-vs-not_in", {"key": "u1"}, True)
    c("nested: all branch holds", "nested", {"key": "u1", "a": 1, "b": 2, "c": True}, True)
    c("nested: all branch fails, not-exists branch holds", "nested", {"key": "u1", "a": 1, "b": 3}, True)
    c("nested: both branches fail", "nested", {"key": "u1", "a": 1, "b": 3, "c": 0}, False)
    r = f.result
    f.case("rules: the first rule that holds decides", "first-match", {"key": "u1", "country": "NL", "age": 30},
           r("first-match", "a", "TARGETING_MATCH", "nl"))
    f.case("rules: first rule fails, second holds", "first-match", {"key": "u1", "country": "DE", "age": 30},
           r("first-match", "b", "TARGETING_MATCH", "adult"))
    f.case("rules: only the catch-all holds", "first-match", {"key": "u1", "country": "DE", "age": 3},
           r("first-match", "c", "TARGETING_MATCH", "everyone"))
    f.case("rules: catch-all holds for an empty context object", "first-match", {},
           r("first-match", "c", "TARGETING_MATCH", "everyone"))
    return f.write()


def segments():
    f = EvalFile("segments",
                 "Segment membership: included key → member; excluded key → not a member (excluded "
                 "wins); otherwise member exactly when the segment's if is present and holds. Segments "
                 "may reference segments.", "5e9", 12)
    f.segment("gold", included=["u-inc"], excluded=["u-exc"], condition=leaf("plan", "eq", "gold"))
    f.segment("listed", included=["u1", "u2", "u1"])
    f.segment("both", included=["u-both"], excluded=["u-both"])
    f.segment("empty")
    f.segment("rule-only", condition=leaf("country", "in", ["NL", "BE"]))
    f.segment("outer", included=["u-outer"], excluded=["u-out-exc"],
              condition={"any": [{"segment": "gold"}, leaf("staff", "eq", True)]})
    f.segment("top", condition={"all": [{"segment": "outer"}, {"not": {"segment": "listed"}}]})
    for s in ["gold", "listed", "both", "empty", "rule-only", "outer", "top"]:
        f.match_flag(f"in-{s}", {"segment": s})
    f.match_flag("not-in-gold", {"not": {"segment": "gold"}})
    c = f.check
    c("included key is a member even when if fails", "in-gold", {"key": "u-inc", "plan": "free"}, True)
    c("included key is a member with no attributes", "in-gold", {"key": "u-inc"}, True)
    c("excluded key is not a member even when if holds", "in-gold", {"key": "u-exc", "plan": "gold"}, False)
    c("other key: member when if holds", "in-gold", {"key": "u7", "plan": "gold"}, True)
    c("other key: not a member when if fails", "in-gold", {"key": "u7", "plan": "free"}, False)
    c("no key: if still decides", "in-gold", {"plan": "gold"}, True)
    c("null key counts as absent: if still decides", "in-gold", {"key": None, "plan": "gold"}, True)
    c("included keys compare case-sensitively", "in-gold", {"key": "U-INC"}, False)
    c("not segment: non-member gives true", "not-in-gold", {"key": "u7", "plan": "free"}, True)
    c("not segment: member gives false", "not-in-gold", {"key": "u-inc"}, False)
    c("list-only segment: included key", "in-listed", {"key": "u2"}, True)
    c("list-only segment: repeated included entries are harmless", "in-listed", {"key": "u1"}, True)
    c("list-only segment without if: other key is not a member", "in-listed", {"key": "u3"}, False)
    c("list-only segment: no key is not a member", "in-listed", {}, False)
    c("excluded wins over included", "in-both", {"key": "u-both"}, False)
    c("segment without included, excluded or if has no members", "in-empty", {"key": "u1"}, False)
    c("rule-only segment: if holds", "in-rule-only", {"key": "u1", "country": "BE"}, True)
    c("rule-only segment: if fails", "in-rule-only", {"key": "u1", "country": "DE"}, False)
    c("nested segments: member of the inner segment via its if", "in-outer", {"key": "u7", "plan": "gold"},
      True)
    c("nested segments: member of the inner segment via included", "in-outer", {"key": "u-inc"}, True)
    c("nested segments: excluded from the inner segment, other branch holds", "in-outer",
      {"key": "u-exc", "plan": "gold", "staff": True}, True)
    c("nested segments: excluded from the inner segment, no other branch", "in-outer",
      {"key": "u-exc", "plan": "gold"}, False)
    c("nested segments: the outer segment's own included", "in-outer", {"key": "u-outer"}, True)
    c("nested segments: the outer segment's excluded wins over inner membership", "in-outer",
      {"key": "u-out-exc", "plan": "gold"}, False)
    c("three levels: member of outer and not of listed", "in-top", {"key": "u7", "staff": True}, True)
    c("three levels: member of outer but also of listed", "in-top", {"key": "u1", "staff": True}, False)
    c("three levels: not a member of outer", "in-top", {"key": "u7"}, False)
    return f.write()


def prerequisites():
    f = EvalFile("prerequisites",
                 "Prerequisites: each named flag is evaluated for the same context and must yield the "
                 "named variation, else offVariation with PREREQUISITE_FAILED; disabled comes first.",
                 "9e", 13)
    f.match_flag("base", leaf("plan", "eq", "gold"))
    abc = [{"key": "a", "value": "a"}, {"key": "b", "value": "b"}, {"key": "c", "value": "c"}]
    f.flag("child", abc, "a", "b", [{"id": "nl", "if": leaf("country", "eq", "NL"), "then": {"variation": "c"}}],
           prerequisites=[{"flag": "base", "variation": "on"}])
    f.flag("grandchild", BOOL_VARIATIONS, "off", "on", [], prerequisites=[{"flag": "child", "variation": "b"}])
    f.flag("disabled-base", BOOL_VARIATIONS, "off", "on", [], enabled=False)
    f.flag("needs-disabled-off", BOOL_VARIATIONS, "off", "on", [],
           prerequisites=[{"flag": "disabled-base", "variation": "off"}])
    f.flag("needs-disabled-on", BOOL_VARIATIONS, "off", "on", [],
           prerequisites=[{"flag": "disabled-base", "variation": "on"}])
    f.flag("region", [{"key": "eu", "value": "eu"}, {"key": "us", "value": "us"}], "us", "us",
           [{"id": "europe", "if": leaf("country", "in", ["NL", "BE"]), "then": {"variation": "eu"}}])
    f.flag("two-prereqs", BOOL_VARIATIONS, "off", "on", [],
           prerequisites=[{"flag": "base", "variation": "on"}, {"flag": "region", "variation": "eu"}])
    f.flag("disabled-with-prereq", [{"key": "paused", "value": "paused"}, {"key": "live", "value": "live"}],
           "paused", "live", [], enabled=False, prerequisites=[{"flag": "base", "variation": "on"}])
    f.flag("rule-behind-prereq", BOOL_VARIATIONS, "off", "off",
           [{"id": "everyone", "if": {"all": []}, "then": {"variation": "on"}}],
           prerequisites=[{"flag": "base", "variation": "on"}])
    f.flag("base-experiment", BOOL_VARIATIONS, "off", "off",
           [{"id": "all-in", "if": {"all": []},
             "then": {"rollout": {"variations": [{"variation": "on", "weight": 10000}],
                                  "experiment": "base-exp"}}}])
    f.flag("needs-experiment", [{"key": "x", "value": 1}, {"key": "y", "value": 2}], "x", "y", [],
           prerequisites=[{"flag": "base-experiment", "variation": "on"}])
    f.flag("json-base", [{"key": "small", "value": {"limit": 10}}, {"key": "big", "value": {"limit": 100}}],
           "small", "small", [{"id": "pro", "if": leaf("plan", "eq", "pro"), "then": {"variation": "big"}}],
           type_="json")
    f.flag("needs-json", BOOL_VARIATIONS, "off", "on", [], prerequisites=[{"flag": "json-base", "variation": "big"}])
    r = f.result
    f.case("met: prerequisite yields the named variation, then DEFAULT", "child", {"key": "u1", "plan": "gold"},
           r("child", "b", "DEFAULT"))
    f.case("met: prerequisite met, then a rule matches", "child", {"key": "u1", "plan": "gold", "country": "NL"},
           r("child", "c", "TARGETING_MATCH", "nl"))
    f.case("failed: prerequisite yields another variation → offVariation, ruleId null", "child",
           {"key": "u1", "plan": "silver", "country": "NL"}, r("child", "a", "PREREQUISITE_FAILED"))
    f.case("failed: prerequisite's attribute missing", "child", {"key": "u1"}, r("child", "a", "PREREQUISITE_FAILED"))
    f.case("chain: grandchild met through child's DEFAULT", "grandchild", {"key": "u1", "plan": "gold"},
           r("grandchild", "on", "DEFAULT"))
    f.case("chain: child's own PREREQUISITE_FAILED gives its offVariation, so grandchild fails",
           "grandchild", {"key": "u1", "plan": "silver"}, r("grandchild", "off", "PREREQUISITE_FAILED"))
    f.case("chain: child's rule match gives c, not b, so grandchild fails", "grandchild",
           {"key": "u1", "plan": "gold", "country": "NL"}, r("grandchild", "off", "PREREQUISITE_FAILED"))
    f.case("disabled prerequisite yields its offVariation, which can satisfy the prerequisite",
           "needs-disabled-off", {"key": "u1"}, r("needs-disabled-off", "on", "DEFAULT"))
    f.case("disabled prerequisite yields its offVariation, not its default", "needs-disabled-on",
           {"key": "u1"}, r("needs-disabled-on", "off", "PREREQUISITE_FAILED"))
    f.case("two prerequisites: both met", "two-prereqs", {"key": "u1", "plan": "gold", "country": "BE"},
           r("two-prereqs", "on", "DEFAULT"))
    f.case("two prerequisites: second not met", "two-prereqs", {"key": "u1", "plan": "gold", "country": "US"},
           r("two-prereqs", "off", "PREREQUISITE_FAILED"))
    f.case("two prerequisites: first not met", "two-prereqs", {"key": "u1", "plan": "free", "country": "NL"},
           r("two-prereqs", "off", "PREREQUISITE_FAILED"))
    f.case("disabled flag: DISABLED even though its prerequisite fails", "disabled-with-prereq",
           {"key": "u1", "plan": "free"}, r("disabled-with-prereq", "paused", "DISABLED"))
    f.case("disabled flag: DISABLED even though its prerequisite is met", "disabled-with-prereq",
           {"key": "u1", "plan": "gold"}, r("disabled-with-prereq", "paused", "DISABLED"))
    f.case("prerequisites come before rules: a catch-all rule is not reached", "rule-behind-prereq",
           {"key": "u1", "plan": "free"}, r("rule-behind-prereq", "off", "PREREQUISITE_FAILED"))
    f.case("prerequisites come before rules: met, the catch-all rule matches", "rule-behind-prereq",
           {"key": "u1", "plan": "gold"}, r("rule-behind-prereq", "on", "TARGETING_MATCH", "everyone"))
    f.case("a prerequisite's experiment does not carry over to the dependent flag", "needs-experiment",
           {"key": "u1"}, r("needs-experiment", "y", "DEFAULT"))
    f.case("the prerequisite itself reports its experiment", "base-experiment", {"key": "u1"},
           r("base-experiment", "on", "SPLIT", "all-in", experiment="base-exp"))
    f.case("prerequisite rollout does not apply without a key, so the prerequisite fails",
           "needs-experiment", {"plan": "gold"}, r("needs-experiment", "x", "PREREQUISITE_FAILED"))
    f.case("prerequisite on a json flag variation: met", "needs-json", {"key": "u1", "plan": "pro"},
           r("needs-json", "on", "DEFAULT"))
    f.case("prerequisite on a json flag variation: not met", "needs-json", {"key": "u1", "plan": "free"},
           r("needs-json", "off", "PREREQUISITE_FAILED"))
    f.case("invalid context is reported before prerequisites", "child", ["u1"],
           f.error("child", "INVALID_CONTEXT"))
    return f.write()


def contexts():
    f = EvalFile("contexts",
                 "The context: a JSON object whose key, when present and not null, is a string; "
                 "attribute names and dotted paths; unknown members are simply attributes.", "c7", 14)
    f.match_flag("key-eq", leaf("key", "eq", "u1"))
    f.match_flag("key-starts", leaf("key", "starts_with", "org-"))
    f.match_flag("key-in", leaf("key", "in", ["ユーザー", "u2"]))
    f.match_flag("space-name", leaf("first name", "eq", "Ada"))
    f.match_flag("unicode-name", leaf("país", "eq", "España"))
    f.match_flag("hyphen-name", leaf("x-forwarded-for", "starts_with", "10."))
    f.match_flag("deep", leaf("a.b.c.d", "eq", False))
    f.match_flag("key-path", {"attr": "key.id", "op": "exists"})
    f.match_flag("device-os", leaf("device.os", "eq", "ios"))
    f.match_flag("no-key-rule", {"not": {"attr": "key", "op": "exists"}})
    c = f.check
    c("key: equal string key", "key-eq", {"key": "u1"}, True)
    c("key: other key", "key-eq", {"key": "u2"}, False)
    c("key: absent key is missing", "key-eq", {"country": "NL"}, False)
    c("key: null key is missing", "key-eq", {"key": None}, False)
    c("key: empty context object", "key-eq", {}, False)
    c("key: string operators apply to the key", "key-starts", {"key": "org-42"}, True)
    c("key: non-ASCII key", "key-in", {"key": "ユーザー"}, True)
    c("attribute name with a blank", "space-name", {"key": "u1", "first name": "Ada"}, True)
    c("non-ASCII attribute name", "unicode-name", {"key": "u1", "país": "España"}, True)
    c("attribute name with hyphens", "hyphen-name", {"key": "u1", "x-forwarded-for": "10.0.0.1"}, True)
    c("four-level path to false", "deep", {"key": "u1", "a": {"b": {"c": {"d": False}}}}, True)
    c("four-level path, last level absent", "deep", {"key": "u1", "a": {"b": {"c": {}}}}, False)
    c("four-level path through an array", "deep", {"key": "u1", "a": {"b": [{"c": {"d": False}}]}}, False)
    c("a path through the string key is missing", "key-path", {"key": "u1"}, False)
    c("dotted path reads nested objects", "device-os", {"key": "u1", "device": {"os": "ios"}}, True)
    c("dotted path never reads a top-level dotted name", "device-os", {"key": "u1", "device.os": "ios"}, False)
    c("dotted path: nested wins, top-level dotted name ignored", "device-os",
      {"key": "u1", "device.os": "android", "device": {"os": "ios"}}, True)
    c("extra unknown members are ignored", "device-os",
      {"key": "u1", "device": {"os": "ios", "model": "x"}, "extra": [1, {"a": None}]}, True)
    c("context without key: rules see key as missing", "no-key-rule", {"country": "NL"}, True)
    c("context with null key: rules see key as missing", "no-key-rule", {"key": None}, True)
    c("context with empty string key: key exists", "no-key-rule", {"key": ""}, False)
    e = f.error
    f.case("invalid: context is null", "key-eq", None, e("key-eq", "INVALID_CONTEXT"))
    f.case("invalid: context is an array", "key-eq", [{"key": "u1"}], e("key-eq", "INVALID_CONTEXT"))
    f.case("invalid: context is a string", "key-eq", "u1", e("key-eq", "INVALID_CONTEXT"))
    f.case("invalid: context is a number", "key-eq", 1, e("key-eq", "INVALID_CONTEXT"))
    f.case("invalid: context is a boolean", "key-eq", True, e("key-eq", "INVALID_CONTEXT"))
    f.case("invalid: key is a number", "key-eq", {"key": 1}, e("key-eq", "INVALID_CONTEXT"))
    f.case("invalid: key is a boolean", "key-eq", {"key": False}, e("key-eq", "INVALID_CONTEXT"))
    f.case("invalid: key is an object", "key-eq", {"key": {"id": "u1"}}, e("key-eq", "INVALID_CONTEXT"))
    f.case("invalid: key is an array", "key-eq", {"key": ["u1"]}, e("key-eq", "INVALID_CONTEXT"))
    return f.write()


def reasons_and_errors():
    f = EvalFile("reasons-and-errors",
                 "Every reason and error code of an untyped evaluation, with the full result: ERROR "
                 "results carry the caller's default (null without one), null variation/ruleId/"
                 "experiment, inExperiment false and the document's version; the order of errors is "
                 "FLAG_NOT_FOUND, then INVALID_CONTEXT, then the flag's own steps.", "e4404", 42)
    f.flag("feature", BOOL_VARIATIONS, "off", "off",
           [{"id": "gold", "description": "gold plan", "if": leaf("plan", "eq", "gold"), "then": {"variation": "on"}}],
           description="a boolean flag")
    f.flag("paused", [{"key": "paused", "value": "paused"}, {"key": "live", "value": "live"}], "paused", "live",
           [{"id": "all", "if": {"all": []}, "then": {"variation": "live"}}], enabled=False)
    f.flag("limits", [{"key": "small", "value": {"limit": 10, "tags": ["a"]}}, {"key": "big", "value": {"limit": 100}},
                      {"key": "nothing", "value": None}, {"key": "list", "value": [1, "two", None]}],
           "small", "nothing",
           [{"id": "pro", "if": leaf("plan", "eq", "pro"), "then": {"variation": "big"}},
            {"id": "lists", "if": leaf("plan", "eq", "list"), "then": {"variation": "list"}}], type_="json")
    f.flag("ratio", [{"key": "low", "value": 0.5}, {"key": "mid", "value": 2}, {"key": "high", "value": 1e3}],
           "low", "mid", [{"id": "vip", "if": leaf("vip", "eq", True), "then": {"variation": "high"}}])
    r, e = f.result, f.error
    f.case("FLAG_NOT_FOUND: the default comes back as value", "missing-flag", {"key": "u1"},
           e("missing-flag", "FLAG_NOT_FOUND", True), default=True)
    f.case("FLAG_NOT_FOUND: no default gives a null value", "missing-flag", {"key": "u1"},
           e("missing-flag", "FLAG_NOT_FOUND"))
    f.case("FLAG_NOT_FOUND: an explicit null default gives a null value", "missing-flag", {"key": "u1"},
           e("missing-flag", "FLAG_NOT_FOUND", None), default=None)
    f.case("FLAG_NOT_FOUND: an object default comes back unchanged", "missing-flag", {"key": "u1"},
           e("missing-flag", "FLAG_NOT_FOUND", {"a": [1, 2]}), default={"a": [1, 2]})
    f.case("FLAG_NOT_FOUND: flag keys are case-sensitive", "FEATURE", {"key": "u1"},
           e("FEATURE", "FLAG_NOT_FOUND", "d"), default="d")
    f.case("FLAG_NOT_FOUND: the empty key", "", {"key": "u1"}, e("", "FLAG_NOT_FOUND"))
    f.case("order: unknown flag wins over an invalid context", "missing-flag", [1, 2],
           e("missing-flag", "FLAG_NOT_FOUND", False), default=False)
    f.case("INVALID_CONTEXT: the default comes back as value", "feature", {"key": 7},
           e("feature", "INVALID_CONTEXT", "fallback"), default="fallback")
    f.case("INVALID_CONTEXT: no default gives a null value", "feature", "u1", e("feature", "INVALID_CONTEXT"))
    f.case("INVALID_CONTEXT: also for a disabled flag", "paused", {"key": True},
           e("paused", "INVALID_CONTEXT", "x"), default="x")
    f.case("INVALID_CONTEXT: null context on a disabled flag", "paused", None, e("paused", "INVALID_CONTEXT"))
    f.case("null key is not an invalid context", "feature", {"key": None, "plan": "gold"},
           r("feature", "on", "TARGETING_MATCH", "gold"))
    f.case("DISABLED: offVariation, ruleId null, even though a rule would match", "paused", {"key": "u1"},
           r("paused", "paused", "DISABLED"))
    f.case("DISABLED: the default value plays no part", "paused", {"key": "u1"},
           r("paused", "paused", "DISABLED"), default="live")
    f.case("TARGETING_MATCH: the rule id is reported", "feature", {"key": "u1", "plan": "gold"},
           r("feature", "on", "TARGETING_MATCH", "gold"))
    f.case("DEFAULT: defaultVariation, ruleId null", "feature", {"key": "u1", "plan": "free"},
           r("feature", "off", "DEFAULT"))
    f.case("untyped: the flag's value whatever the default's type (string default)", "feature",
           {"key": "u1", "plan": "gold"}, r("feature", "on", "TARGETING_MATCH", "gold"), default="nope")
    f.case("untyped: the flag's value whatever the default's type (number default)", "feature",
           {"key": "u1"}, r("feature", "off", "DEFAULT"), default=12)
    f.case("json flag: object value", "limits", {"key": "u1", "plan": "pro"},
           r("limits", "big", "TARGETING_MATCH", "pro"))
    f.case("json flag: array value", "limits", {"key": "u1", "plan": "list"},
           r("limits", "list", "TARGETING_MATCH", "lists"))
    f.case("json flag: a variation whose value is null", "limits", {"key": "u1"},
           r("limits", "nothing", "DEFAULT"), default={"limit": 1})
    f.case("number flag: fractional value", "ratio", {"key": "u1", "vip": False}, r("ratio", "mid", "DEFAULT"))
    f.case("number flag: 1e3 value", "ratio", {"key": "u1", "vip": True},
           r("ratio", "high", "TARGETING_MATCH", "vip"))
    return f.write()


TOPICS = [exists_and_missing, arrays, combinators, segments, prerequisites, contexts, reasons_and_errors]
