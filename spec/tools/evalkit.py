"""Builders for spec/eval/*.json: a config document plus cases with their full expected results."""

from ffspec import write_json

ABSENT = object()

BOOL_VARIATIONS = [{"key": "off", "value": False}, {"key": "on", "value": True}]


class EvalFile:
    """One topic file: an unsigned config document and its cases."""

    def __init__(self, topic, description, salt, version, env="conformance", project="spec"):
        self.topic = topic
        self.description = description
        self.doc = {"env": env, "project": project, "version": version, "salt": salt,
                    "flags": {}, "segments": {}}
        self.cases = []

    @property
    def salt(self):
        return self.doc["salt"]

    # --- config --------------------------------------------------------------------------------

    def flag(self, key, variations, off, default, rules, type_=None, enabled=True, prerequisites=None,
             description=None):
        if type_ is None:
            kinds = {type(v["value"]) for v in variations}
            type_ = "boolean" if kinds == {bool} else "multivariate"
        flag = {"key": key, "type": type_, "enabled": enabled, "variations": variations,
                "offVariation": off, "defaultVariation": default}
        if description is not None:
            flag["description"] = description
        if prerequisites is not None:
            flag["prerequisites"] = prerequisites
        flag["rules"] = rules
        assert key not in self.doc["flags"], key
        self.doc["flags"][key] = flag
        return flag

    def match_flag(self, key, condition):
        """A boolean flag that is "on" (rule "match") when the condition holds, else "off" (DEFAULT)."""
        return self.flag(key, BOOL_VARIATIONS, "off", "off",
                         [{"id": "match", "if": condition, "then": {"variation": "on"}}])

    def segment(self, key, included=None, excluded=None, condition=None):
        seg = {"key": key}
        if included is not None:
            seg["included"] = included
        if excluded is not None:
            seg["excluded"] = excluded
        if condition is not None:
            seg["if"] = condition
        self.doc["segments"][key] = seg
        return seg

    # --- expectations --------------------------------------------------------------------------

    def result(self, flag, variation, reason, rule=None, experiment=None):
        f = self.doc["flags"][flag]
        values = {v["key"]: v["value"] for v in f["variations"]}
        assert variation in values, (flag, variation)
        assert reason in ("DISABLED", "PREREQUISITE_FAILED", "TARGETING_MATCH", "SPLIT", "DEFAULT")
        assert (rule is not None) == (reason in ("TARGETING_MATCH", "SPLIT")), (flag, reason, rule)
        if rule is not None:
            assert any(r["id"] == rule for r in f["rules"]), (flag, rule)
        return {"flag": flag, "variation": variation, "value": values[variation], "reason": reason,
                "ruleId": rule, "inExperiment": experiment is not None, "experiment": experiment,
                "configVersion": self.doc["version"], "errorCode": None}

    def error(self, flag, code, default=ABSENT):
        return {"flag": flag, "variation": None, "value": None if default is ABSENT else default,
                "reason": "ERROR", "ruleId": None, "inExperiment": False, "experiment": None,
                "configVersion": self.doc["version"], "errorCode": code}

    # --- cases ---------------------------------------------------------------------------------

    def case(self, name, flag, context, expected, default=ABSENT):
        assert all(c["name"] != name for c in self.cases), f"duplicate case name: {name}"
        case = {"name": name, "flag": flag, "context": context}
        if default is not ABSENT:
            case["default"] = default
        case["expected"] = expected
        self.cases.append(case)

    def check(self, name, flag, context, matched):
        """A case on a match_flag: matched → on/TARGETING_MATCH/match, else off/DEFAULT."""
        expected = (self.result(flag, "on", "TARGETING_MATCH", "match") if matched
                    else self.result(flag, "off", "DEFAULT"))
        self.case(name, flag, context, expected)

    def write(self):
        path = write_json(f"eval/{self.topic}.json",
                          {"description": self.description, "config": self.doc, "cases": self.cases})
        return len(self.cases)
