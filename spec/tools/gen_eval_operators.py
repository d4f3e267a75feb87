"""Operator topics of spec/eval: equality, strings, regex, numeric, semver, dates."""

from evalkit import EvalFile
from ffspec import Num


def leaf(attr, op, value):
    key = "values" if op in ("in", "not_in") else "value"
    return {"attr": attr, "op": op, key: value}


def equality():
    f = EvalFile("operators-equality",
                 "eq, neq, in, not_in: JSON equality with strict types (\"1\" != 1, 1 = 1.0); neq and "
                 "not_in are exact negations on a present attribute; everything is false on a "
                 "missing attribute.", "0e1a", 3)
    f.match_flag("eq-str", leaf("country", "eq", "NL"))
    f.match_flag("eq-num", leaf("age", "eq", 30))
    f.match_flag("eq-float", leaf("score", "eq", 1.5))
    f.match_flag("eq-five-point-zero", leaf("n", "eq", 5.0))
    f.match_flag("eq-true", leaf("beta", "eq", True))
    f.match_flag("eq-false", leaf("beta", "eq", False))
    f.match_flag("eq-numeric-string", leaf("code", "eq", "1"))
    f.match_flag("eq-zero", leaf("n", "eq", 0))
    f.match_flag("eq-empty-string", leaf("s", "eq", ""))
    f.match_flag("eq-composed", leaf("name", "eq", "\u00e9"))
    f.match_flag("neq-str", leaf("country", "neq", "NL"))
    f.match_flag("neq-num", leaf("age", "neq", 30))
    f.match_flag("in-str", leaf("country", "in", ["NL", "BE"]))
    f.match_flag("in-mixed", leaf("v", "in", ["1", 2, True]))
    f.match_flag("in-empty", leaf("country", "in", []))
    f.match_flag("not-in-str", leaf("country", "not_in", ["NL", "BE"]))
    f.match_flag("not-in-empty", leaf("country", "not_in", []))
    f.match_flag("not-in-mixed", leaf("v", "not_in", ["1", 2, True]))

    c = f.check
    c("eq: equal strings match", "eq-str", {"key": "u1", "country": "NL"}, True)
    c("eq: strings compare case-sensitively", "eq-str", {"key": "u1", "country": "nl"}, False)
    c("eq: trailing blank makes a different string", "eq-str", {"key": "u1", "country": "NL "}, False)
    c("eq: missing attribute is false", "eq-str", {"key": "u1"}, False)
    c("eq: null attribute is false", "eq-str", {"key": "u1", "country": None}, False)
    c("eq: object attribute is false", "eq-str", {"key": "u1", "country": {"code": "NL"}}, False)
    c("eq: integer equals integer", "eq-num", {"key": "u1", "age": 30}, True)
    c("eq: 30.0 equals rule value 30 (1 = 1.0)", "eq-num", {"key": "u1", "age": Num("30.0")}, True)
    c("eq: 3e1 equals rule value 30", "eq-num", {"key": "u1", "age": Num("3e1")}, True)
    c("eq: string \"30\" does not equal number 30", "eq-num", {"key": "u1", "age": "30"}, False)
    c("eq: 30.5 does not equal 30", "eq-num", {"key": "u1", "age": 30.5}, False)
    c("eq: boolean does not equal number", "eq-num", {"key": "u1", "age": True}, False)
    c("eq: fractional number equal", "eq-float", {"key": "u1", "score": 1.5}, True)
    c("eq: 1.50 equals 1.5", "eq-float", {"key": "u1", "score": Num("1.50")}, True)
    c("eq: string \"1.5\" does not equal number 1.5", "eq-float", {"key": "u1", "score": "1.5"}, False)
    c("eq: integer 5 equals rule value 5.0", "eq-five-point-zero", {"key": "u1", "n": 5}, True)
    c("eq: 5.5 does not equal rule value 5.0", "eq-five-point-zero", {"key": "u1", "n": 5.5}, False)
    c("eq: true equals true", "eq-true", {"key": "u1", "beta": True}, True)
    c("eq: string \"true\" does not equal true", "eq-true", {"key": "u1", "beta": "true"}, False)
    c("eq: number 1 does not equal true", "eq-true", {"key": "u1", "beta": 1}, False)
    c("eq: false does not equal true", "eq-true", {"key": "u1", "beta": False}, False)
    c("eq: false equals false", "eq-false", {"key": "u1", "beta": False}, True)
    c("eq: 0 does not equal false", "eq-false", {"key": "u1", "beta": 0}, False)
    c("eq: empty string does not equal false", "eq-false", {"key": "u1", "beta": ""}, False)
    c("eq: null attribute does not equal false (missing)", "eq-false", {"key": "u1", "beta": None}, False)
    c("eq: string \"1\" equals rule value \"1\"", "eq-numeric-string", {"key": "u1", "code": "1"}, True)
    c("eq: number 1 does not equal string \"1\"", "eq-numeric-string", {"key": "u1", "code": 1}, False)
    c("eq: number 1.0 does not equal string \"1\"", "eq-numeric-string", {"key": "u1", "code": Num("1.0")},
      False)
    c("eq: 0 equals 0", "eq-zero", {"key": "u1", "n": 0}, True)
    c("eq: 0.0 equals 0", "eq-zero", {"key": "u1", "n": Num("0.0")}, True)
    c("eq: -0.0 equals 0 (IEEE-754 equality)", "eq-zero", {"key": "u1", "n": Num("-0.0")}, True)
    c("eq: false does not equal 0", "eq-zero", {"key": "u1", "n": False}, False)
    c("eq: empty string equals empty string", "eq-empty-string", {"key": "u1", "s": ""}, True)
    c("eq: blank does not equal empty string", "eq-empty-string", {"key": "u1", "s": " "}, False)
    c("eq: missing does not equal empty string", "eq-empty-string", {"key": "u1"}, False)
    c("eq: precomposed \u00e9 equals precomposed \u00e9", "eq-composed", {"key": "u1", "name": "\u00e9"}, True)
    c("eq: decomposed e + U+0301 does not equal precomposed \u00e9 (no normalisation)", "eq-composed",
      {"key": "u1", "name": "e\u0301"}, False)

    c("neq: different string holds", "neq-str", {"key": "u1", "country": "BE"}, True)
    c("neq: equal string does not hold", "neq-str", {"key": "u1", "country": "NL"}, False)
    c("neq: different case holds", "neq-str", {"key": "u1", "country": "nl"}, True)
    c("neq: missing attribute is false", "neq-str", {"key": "u1"}, False)
    c("neq: null attribute is false", "neq-str", {"key": "u1", "country": None}, False)
    c("neq: number attribute against string value holds (strict types)", "neq-str",
      {"key": "u1", "country": 1}, True)
    c("neq: object attribute holds (negation of eq on a present attribute)", "neq-str",
      {"key": "u1", "country": {"code": "NL"}}, True)
    c("neq: string \"30\" is not equal to number 30", "neq-num", {"key": "u1", "age": "30"}, True)
    c("neq: 30.0 equals 30 so neq is false", "neq-num", {"key": "u1", "age": Num("30.0")}, False)
    c("neq: 31 differs from 30", "neq-num", {"key": "u1", "age": 31}, True)

    c("in: value in list", "in-str", {"key": "u1", "country": "BE"}, True)
    c("in: value not in list", "in-str", {"key": "u1", "country": "DE"}, False)
    c("in: case-sensitive", "in-str", {"key": "u1", "country": "be"}, False)
    c("in: missing attribute is false", "in-str", {"key": "u1"}, False)
    c("in: null attribute is false", "in-str", {"key": "u1", "country": None}, False)
    c("in: string \"1\" matches \"1\" in a mixed list", "in-mixed", {"key": "u1", "v": "1"}, True)
    c("in: number 1 does not match \"1\" (strict types)", "in-mixed", {"key": "u1", "v": 1}, False)
    c("in: 2.0 matches 2", "in-mixed", {"key": "u1", "v": Num("2.0")}, True)
    c("in: string \"2\" does not match number 2", "in-mixed", {"key": "u1", "v": "2"}, False)
    c("in: true matches true", "in-mixed", {"key": "u1", "v": True}, True)
    c("in: string \"true\" does not match true", "in-mixed", {"key": "u1", "v": "true"}, False)
    c("in: false does not match true", "in-mixed", {"key": "u1", "v": False}, False)
    c("in: empty values list is false on a present attribute", "in-empty", {"key": "u1", "country": "NL"},
      False)
    c("in: empty values list is false on a missing attribute", "in-empty", {"key": "u1"}, False)

    c("not_in: value outside list holds", "not-in-str", {"key": "u1", "country": "DE"}, True)
    c("not_in: value in list does not hold", "not-in-str", {"key": "u1", "country": "NL"}, False)
    c("not_in: missing attribute is false", "not-in-str", {"key": "u1"}, False)
    c("not_in: null attribute is false", "not-in-str", {"key": "u1", "country": None}, False)
    c("not_in: number attribute against string list holds", "not-in-str", {"key": "u1", "country": 5},
      True)
    c("not_in: empty values list holds on a present attribute", "not-in-empty",
      {"key": "u1", "country": "NL"}, True)
    c("not_in: empty values list holds on an empty string", "not-in-empty", {"key": "u1", "country": ""},
      True)
    c("not_in: empty values list is false on a missing attribute", "not-in-empty", {"key": "u1"}, False)
    c("not_in: empty values list is false on a null attribute", "not-in-empty",
      {"key": "u1", "country": None}, False)
    c("not_in: number 1 is not the string \"1\" so not_in holds", "not-in-mixed", {"key": "u1", "v": 1},
      True)
    c("not_in: 2 is in the list so not_in is false", "not-in-mixed", {"key": "u1", "v": 2}, False)
    c("not_in: string \"2\" is not number 2 so not_in holds", "not-in-mixed", {"key": "u1", "v": "2"},
      True)
    return f.write()


def strings():
    f = EvalFile("operators-strings",
                 "contains, starts_with, ends_with: case-sensitive, strings only; a non-string "
                 "attribute is false.", "51", 4)
    f.match_flag("contains", leaf("email", "contains", "@example"))
    f.match_flag("starts-with", leaf("email", "starts_with", "admin"))
    f.match_flag("ends-with", leaf("email", "ends_with", ".com"))
    f.match_flag("contains-digits", leaf("id", "contains", "12"))
    f.match_flag("starts-with-digit", leaf("id", "starts_with", "1"))
    f.match_flag("contains-empty", leaf("s", "contains", ""))
    f.match_flag("contains-cjk", leaf("name", "contains", "日本"))
    f.match_flag("ends-with-emoji", leaf("msg", "ends_with", "😀"))
    c = f.check
    c("contains: substring present", "contains", {"key": "u1", "email": "jo@example.com"}, True)
    c("contains: case-sensitive", "contains", {"key": "u1", "email": "jo@EXAMPLE.com"}, False)
    c("contains: substring absent", "contains", {"key": "u1", "email": "jo@test.com"}, False)
    c("contains: whole string equal to the value", "contains", {"key": "u1", "email": "@example"}, True)
    c("contains: missing attribute is false", "contains", {"key": "u1"}, False)
    c("contains: null attribute is false", "contains", {"key": "u1", "email": None}, False)
    c("contains: object attribute is false", "contains", {"key": "u1", "email": {"a": "@example"}}, False)
    c("contains: on a string holding digits", "contains-digits", {"key": "u1", "id": "a123"}, True)
    c("contains: number attribute is false even if its digits contain the value", "contains-digits",
      {"key": "u1", "id": 123}, False)
    c("contains: boolean attribute is false", "contains-digits", {"key": "u1", "id": True}, False)
    c("contains: the empty value is contained in any string", "contains-empty", {"key": "u1", "s": "abc"}, True)
    c("contains: the empty value is contained in the empty string", "contains-empty", {"key": "u1", "s": ""},
      True)
    c("contains: the empty value on a number is still false", "contains-empty", {"key": "u1", "s": 0}, False)
    c("contains: the empty value on a missing attribute is false", "contains-empty", {"key": "u1"}, False)
    c("contains: non-ASCII substring", "contains-cjk", {"key": "u1", "name": "ようこそ日本語"}, True)
    c("contains: partial non-ASCII substring does not match", "contains-cjk", {"key": "u1", "name": "日"},
      False)
    c("starts_with: prefix present", "starts-with", {"key": "u1", "email": "admin@example.com"}, True)
    c("starts_with: case-sensitive", "starts-with", {"key": "u1", "email": "Admin@example.com"}, False)
    c("starts_with: value in the middle is not a prefix", "starts-with",
      {"key": "u1", "email": "xadmin@example.com"}, False)
    c("starts_with: whole string equal to the value", "starts-with", {"key": "u1", "email": "admin"}, True)
    c("starts_with: empty attribute string is false", "starts-with", {"key": "u1", "email": ""}, False)
    c("starts_with: missing attribute is false", "starts-with", {"key": "u1"}, False)
    c("starts_with: number attribute is false", "starts-with-digit", {"key": "u1", "id": 123}, False)
    c("starts_with: numeric string attribute matches", "starts-with-digit", {"key": "u1", "id": "123"}, True)
    c("ends_with: suffix present", "ends-with", {"key": "u1", "email": "jo@example.com"}, True)
    c("ends_with: trailing dot breaks the suffix", "ends-with", {"key": "u1", "email": "jo@example.com."},
      False)
    c("ends_with: case-sensitive", "ends-with", {"key": "u1", "email": "jo@example.COM"}, False)
    c("ends_with: null attribute is false", "ends-with", {"key": "u1", "email": None}, False)
    c("ends_with: emoji suffix", "ends-with-emoji", {"key": "u1", "msg": "hi 😀"}, True)
    c("ends_with: emoji elsewhere is not a suffix", "ends-with-emoji", {"key": "u1", "msg": "😀 hi"}, False)
    return f.write()


def regex():
    f = EvalFile("operators-regex",
                 "regex: RE2 syntax, unanchored search; \\d \\w \\s \\b are ASCII-only; (?i) folds by "
                 "Unicode simple case folding; matching is over code points; $ without (?m) is the end "
                 "of the text; a non-string attribute is false.", "0bad5eed", 5)
    f.match_flag("re-find", leaf("s", "regex", "b"))
    f.match_flag("re-anchored", leaf("s", "regex", "^abc$"))
    f.match_flag("re-digits", leaf("s", "regex", r"^\d+$"))
    f.match_flag("re-word", leaf("s", "regex", r"^\w+$"))
    f.match_flag("re-space", leaf("s", "regex", r"a\sb"))
    f.match_flag("re-boundary", leaf("s", "regex", r"\bcat\b"))
    f.match_flag("re-fold-e-acute", leaf("s", "regex", "(?i)^\u00e9$"))
    f.match_flag("re-fold-k", leaf("s", "regex", "(?i)^k$"))
    f.match_flag("re-fold-sharp-s", leaf("s", "regex", "(?i)^\u00df$"))
    f.match_flag("re-fold-sigma", leaf("s", "regex", "(?i)^\u03c3$"))
    f.match_flag("re-one-code-point", leaf("s", "regex", "^.$"))
    f.match_flag("re-two-code-points", leaf("s", "regex", "^..$"))
    f.match_flag("re-dot-newline", leaf("s", "regex", "^a.b$"))
    f.match_flag("re-multiline", leaf("s", "regex", "(?m)^b$"))
    f.match_flag("re-digit-any", leaf("s", "regex", r"\d"))
    f.match_flag("re-alternation", leaf("ua", "regex", "(iPhone|iPad|Android)"))
    f.match_flag("re-greek", leaf("s", "regex", r"^\p{Greek}+$"))
    f.match_flag("re-empty-match", leaf("s", "regex", "x*"))
    f.match_flag("re-named-group", leaf("s", "regex", r"^(?P<major>\d+)\.\d+$"))
    c = f.check
    c("regex: unanchored search finds a match inside the string", "re-find", {"key": "u1", "s": "abc"}, True)
    c("regex: no occurrence", "re-find", {"key": "u1", "s": "xyz"}, False)
    c("regex: case-sensitive by default", "re-find", {"key": "u1", "s": "ABC"}, False)
    c("regex: anchors hold on an exact string", "re-anchored", {"key": "u1", "s": "abc"}, True)
    c("regex: anchored pattern rejects a longer string", "re-anchored", {"key": "u1", "s": "abcd"}, False)
    c("regex: $ does not match before a final newline (end of text only)", "re-anchored",
      {"key": "u1", "s": "abc\n"}, False)
    c("regex: \\d matches ASCII digits", "re-digits", {"key": "u1", "s": "0123456789"}, True)
    c("regex: \\d does not match Arabic-Indic digits", "re-digits", {"key": "u1", "s": "\u0661\u0662\u0663"},
      False)
    c("regex: \\d does not match fullwidth digits", "re-digits", {"key": "u1", "s": "\uff11\uff12"}, False)
    c("regex: \\w matches ASCII letters, digits and underscore", "re-word", {"key": "u1", "s": "hello_W0rld"},
      True)
    c("regex: \\w does not match a non-ASCII letter", "re-word", {"key": "u1", "s": "h\u00e9llo"}, False)
    c("regex: \\s matches a space", "re-space", {"key": "u1", "s": "a b"}, True)
    c("regex: \\s matches a tab", "re-space", {"key": "u1", "s": "a\tb"}, True)
    c("regex: \\s does not match a no-break space U+00A0", "re-space", {"key": "u1", "s": "a\u00a0b"}, False)
    c("regex: \\b at ASCII word boundaries", "re-boundary", {"key": "u1", "s": "a cat here"}, True)
    c("regex: \\b no boundary inside a word", "re-boundary", {"key": "u1", "s": "concatenate"}, False)
    c("regex: \\b is ASCII so \u00e9 before cat is a boundary", "re-boundary", {"key": "u1", "s": "\u00e9cat"},
      True)
    c("regex: (?i) folds \u00e9 to \u00c9", "re-fold-e-acute", {"key": "u1", "s": "\u00c9"}, True)
    c("regex: (?i) pattern matches its own letter", "re-fold-e-acute", {"key": "u1", "s": "\u00e9"}, True)
    c("regex: (?i) does not strip accents", "re-fold-e-acute", {"key": "u1", "s": "e"}, False)
    c("regex: (?i)k matches K", "re-fold-k", {"key": "u1", "s": "K"}, True)
    c("regex: (?i)k matches the Kelvin sign U+212A (Unicode simple folding)", "re-fold-k",
      {"key": "u1", "s": "\u212a"}, True)
    c("regex: (?i)\u00df matches capital sharp s U+1E9E", "re-fold-sharp-s", {"key": "u1", "s": "\u1e9e"}, True)
    c("regex: (?i)\u00df does not match ss (simple folding, not full folding)", "re-fold-sharp-s",
      {"key": "u1", "s": "ss"}, False)
    c("regex: (?i)\u03c3 matches capital sigma", "re-fold-sigma", {"key": "u1", "s": "\u03a3"}, True)
    c("regex: (?i)\u03c3 matches final sigma", "re-fold-sigma", {"key": "u1", "s": "\u03c2"}, True)
    c("regex: . matches one astral code point (not two UTF-16 units)", "re-one-code-point",
      {"key": "u1", "s": "😀"}, True)
    c("regex: ^..$ does not match a single astral code point", "re-two-code-points",
      {"key": "u1", "s": "😀"}, False)
    c("regex: ^.$ does not match two characters", "re-one-code-point", {"key": "u1", "s": "ab"}, False)
    c("regex: . does not match a newline by default", "re-dot-newline", {"key": "u1", "s": "a\nb"}, False)
    c("regex: . matches any other character", "re-dot-newline", {"key": "u1", "s": "a-b"}, True)
    c("regex: (?m) makes ^ and $ match at line boundaries", "re-multiline", {"key": "u1", "s": "a\nb\nc"},
      True)
    c("regex: number attribute is false", "re-digit-any", {"key": "u1", "s": 123}, False)
    c("regex: boolean attribute is false", "re-digit-any", {"key": "u1", "s": True}, False)
    c("regex: missing attribute is false", "re-digit-any", {"key": "u1"}, False)
    c("regex: numeric string matches \\d", "re-digit-any", {"key": "u1", "s": "abc1"}, True)
    c("regex: alternation found inside a user agent", "re-alternation",
      {"key": "u1", "ua": "Mozilla/5.0 (Linux; Android 14)"}, True)
    c("regex: alternation absent", "re-alternation", {"key": "u1", "ua": "Mozilla/5.0 (Windows NT 10.0)"},
      False)
    c("regex: \\p{Greek} Unicode class", "re-greek", {"key": "u1", "s": "\u03b1\u03b2\u03b3"}, True)
    c("regex: \\p{Greek} rejects Latin letters", "re-greek", {"key": "u1", "s": "abc"}, False)
    c("regex: a pattern that matches the empty string holds on any string", "re-empty-match",
      {"key": "u1", "s": "abc"}, True)
    c("regex: a pattern that matches the empty string holds on the empty string", "re-empty-match",
      {"key": "u1", "s": ""}, True)
    c("regex: a pattern that matches the empty string is still false on a missing attribute",
      "re-empty-match", {"key": "u1"}, False)
    c("regex: RE2 named group (?P<name>...)", "re-named-group", {"key": "u1", "s": "12.4"}, True)
    return f.write()


def numeric():
    f = EvalFile("operators-numeric",
                 "lt, lte, gt, gte: numbers only, compared as IEEE-754 doubles; a numeric string is not a "
                 "number.", "ab", 6)
    f.match_flag("lt-10", leaf("n", "lt", 10))
    f.match_flag("lte-10", leaf("n", "lte", 10))
    f.match_flag("gt-1.5", leaf("n", "gt", 1.5))
    f.match_flag("gte-minus-3", leaf("n", "gte", -3))
    f.match_flag("lt-0", leaf("n", "lt", 0))
    f.match_flag("gte-0", leaf("n", "gte", 0))
    f.match_flag("gt-2-pow-53", leaf("n", "gt", 9007199254740992))
    c = f.check
    c("lt: 9 < 10", "lt-10", {"key": "u1", "n": 9}, True)
    c("lt: 10 is not < 10", "lt-10", {"key": "u1", "n": 10}, False)
    c("lt: 10.0 is not < 10", "lt-10", {"key": "u1", "n": Num("10.0")}, False)
    c("lt: 9.999 < 10", "lt-10", {"key": "u1", "n": 9.999}, True)
    c("lt: negative number", "lt-10", {"key": "u1", "n": -1}, True)
    c("lt: numeric string is not a number", "lt-10", {"key": "u1", "n": "9"}, False)
    c("lt: boolean is not a number", "lt-10", {"key": "u1", "n": False}, False)
    c("lt: missing attribute is false", "lt-10", {"key": "u1"}, False)
    c("lt: null attribute is false", "lt-10", {"key": "u1", "n": None}, False)
    c("lt: object attribute is false", "lt-10", {"key": "u1", "n": {"v": 1}}, False)
    c("lt: 1e308 is not < 10", "lt-10", {"key": "u1", "n": Num("1e308")}, False)
    c("lte: 10 <= 10", "lte-10", {"key": "u1", "n": 10}, True)
    c("lte: 10.0 <= 10", "lte-10", {"key": "u1", "n": Num("10.0")}, True)
    c("lte: 1e1 <= 10", "lte-10", {"key": "u1", "n": Num("1e1")}, True)
    c("lte: 10.0001 is not <= 10", "lte-10", {"key": "u1", "n": 10.0001}, False)
    c("lte: numeric string \"10\" is false", "lte-10", {"key": "u1", "n": "10"}, False)
    c("gt: 1.6 > 1.5", "gt-1.5", {"key": "u1", "n": 1.6}, True)
    c("gt: 1.5 is not > 1.5", "gt-1.5", {"key": "u1", "n": 1.5}, False)
    c("gt: integer 2 > 1.5", "gt-1.5", {"key": "u1", "n": 2}, True)
    c("gt: numeric string \"2\" is false", "gt-1.5", {"key": "u1", "n": "2"}, False)
    c("gte: -3 >= -3", "gte-minus-3", {"key": "u1", "n": -3}, True)
    c("gte: -3.5 is not >= -3", "gte-minus-3", {"key": "u1", "n": -3.5}, False)
    c("gte: 0 >= -3", "gte-minus-3", {"key": "u1", "n": 0}, True)
    c("lt: -0.0 is not < 0 (IEEE-754: -0 equals 0)", "lt-0", {"key": "u1", "n": Num("-0.0")}, False)
    c("lt: -0.0001 < 0", "lt-0", {"key": "u1", "n": -0.0001}, True)
    c("gte: -0.0 >= 0 (IEEE-754: -0 equals 0)", "gte-0", {"key": "u1", "n": Num("-0.0")}, True)
    c("gte: false is not a number", "gte-0", {"key": "u1", "n": False}, False)
    c("gte: array of numbers holds when one element holds", "gte-0", {"key": "u1", "n": [-5, 3]}, True)
    c("gt: 9007199254740993 is the double 2^53, not > 2^53", "gt-2-pow-53",
      {"key": "u1", "n": Num("9007199254740993")}, False)
    c("gt: 9007199254740994 > 2^53", "gt-2-pow-53", {"key": "u1", "n": Num("9007199254740994")}, True)
    return f.write()


def semver():
    f = EvalFile("operators-semver",
                 "semver_*: SemVer 2.0.0 precedence (pre-release included, build ignored), short forms "
                 "2.3 = 2.3.0, optional lowercase v, numeric identifiers unbounded; an invalid or "
                 "non-string attribute is false.", "5e", 7)
    f.match_flag("sv-eq", leaf("v", "semver_eq", "2.3.0"))
    f.match_flag("sv-eq-short", leaf("v", "semver_eq", "2.3"))
    f.match_flag("sv-eq-short-pre", leaf("v", "semver_eq", "2.3-beta"))
    f.match_flag("sv-eq-one", leaf("v", "semver_eq", "v1"))
    f.match_flag("sv-lt", leaf("v", "semver_lt", "1.0.0"))
    f.match_flag("sv-lt-beta-11", leaf("v", "semver_lt", "1.0.0-beta.11"))
    f.match_flag("sv-lte", leaf("v", "semver_lte", "2.0.0"))
    f.match_flag("sv-gt-alpha", leaf("v", "semver_gt", "1.0.0-alpha"))
    f.match_flag("sv-gte-10", leaf("v", "semver_gte", "10.0.0"))
    f.match_flag("sv-gt-huge-patch", leaf("v", "semver_gt", "1.0.18446744073709551615"))
    f.match_flag("sv-lt-huge-pre", leaf("v", "semver_lt", "1.0.0-18446744073709551616"))
    f.match_flag("sv-gte-build", leaf("v", "semver_gte", "1.0.0+zzz"))
    f.match_flag("sv-gt-build", leaf("v", "semver_gt", "1.0.0+aaa"))
    c = f.check
    c("semver_eq: identical versions", "sv-eq", {"key": "u1", "v": "2.3.0"}, True)
    c("semver_eq: short form 2.3 equals 2.3.0", "sv-eq", {"key": "u1", "v": "2.3"}, True)
    c("semver_eq: leading v accepted", "sv-eq", {"key": "u1", "v": "v2.3.0"}, True)
    c("semver_eq: leading v with short form", "sv-eq", {"key": "u1", "v": "v2.3"}, True)
    c("semver_eq: build metadata ignored", "sv-eq", {"key": "u1", "v": "2.3.0+build.7"}, True)
    c("semver_eq: pre-release differs from release", "sv-eq", {"key": "u1", "v": "2.3.0-beta"}, False)
    c("semver_eq: uppercase V is invalid so false", "sv-eq", {"key": "u1", "v": "V2.3.0"}, False)
    c("semver_eq: leading blank is invalid so false", "sv-eq", {"key": "u1", "v": " 2.3.0"}, False)
    c("semver_eq: trailing blank is invalid so false", "sv-eq", {"key": "u1", "v": "2.3.0 "}, False)
    c("semver_eq: leading zero in major is invalid so false", "sv-eq", {"key": "u1", "v": "02.3.0"}, False)
    c("semver_eq: leading zero in minor is invalid so false", "sv-eq", {"key": "u1", "v": "2.03.0"}, False)
    c("semver_eq: four components is invalid so false", "sv-eq", {"key": "u1", "v": "2.3.0.0"}, False)
    c("semver_eq: number attribute is false", "sv-eq", {"key": "u1", "v": 2.3}, False)
    c("semver_eq: missing attribute is false", "sv-eq", {"key": "u1"}, False)
    c("semver_eq: 2 means 2.0.0, not 2.3.0", "sv-eq", {"key": "u1", "v": "2"}, False)
    c("semver_eq: short rule value 2.3 equals 2.3.0", "sv-eq-short", {"key": "u1", "v": "2.3.0"}, True)
    c("semver_eq: short rule value 2.3 does not equal 2.3.1", "sv-eq-short", {"key": "u1", "v": "2.3.1"},
      False)
    c("semver_eq: rule 2.3-beta equals 2.3.0-beta", "sv-eq-short-pre", {"key": "u1", "v": "2.3.0-beta"}, True)
    c("semver_eq: rule 2.3-beta equals 2.3.0-beta+exp.sha.5114f85", "sv-eq-short-pre",
      {"key": "u1", "v": "2.3.0-beta+exp.sha.5114f85"}, True)
    c("semver_eq: rule 2.3-beta does not equal 2.3.0", "sv-eq-short-pre", {"key": "u1", "v": "2.3.0"}, False)
    c("semver_eq: rule v1 equals 1.0.0", "sv-eq-one", {"key": "u1", "v": "1.0.0"}, True)
    c("semver_eq: build metadata with leading zeros is valid and ignored", "sv-eq-one",
      {"key": "u1", "v": "1.0.0+001"}, True)
    c("semver_eq: underscore in build metadata is invalid so false", "sv-eq-one",
      {"key": "u1", "v": "1.0.0+bu_ild"}, False)
    c("semver_eq: double v is invalid so false", "sv-eq-one", {"key": "u1", "v": "vv1.0.0"}, False)
    c("semver_eq: empty component is invalid so false", "sv-eq-one", {"key": "u1", "v": "1..0"}, False)
    c("semver_eq: 1.0 equals v1", "sv-eq-one", {"key": "u1", "v": "1.0"}, True)
    c("semver_eq: short form with build metadata 1+b.1 equals 1.0.0", "sv-eq-one", {"key": "u1", "v": "1+b.1"},
      True)
    c("semver_eq: build metadata with hyphens is valid", "sv-eq-one",
      {"key": "u1", "v": "1.0.0+21AF26D3----117B344092BD"}, True)
    c("semver_eq: two + signs are invalid so false", "sv-eq-one", {"key": "u1", "v": "1.0.0+a+b"}, False)
    c("semver_eq: a wildcard component is invalid so false", "sv-eq-one", {"key": "u1", "v": "1.0.x"}, False)
    c("semver_eq: a negative component is invalid so false", "sv-eq-one", {"key": "u1", "v": "1.-0.0"}, False)
    c("semver_lt: pre-release sorts before its release", "sv-lt", {"key": "u1", "v": "1.0.0-rc.1"}, True)
    c("semver_lt: lower patch", "sv-lt", {"key": "u1", "v": "0.9.9"}, True)
    c("semver_lt: equal is not less", "sv-lt", {"key": "u1", "v": "1.0.0"}, False)
    c("semver_lt: equal up to build metadata is not less", "sv-lt", {"key": "u1", "v": "1.0.0+5"}, False)
    c("semver_lt: v0.1 < 1.0.0", "sv-lt", {"key": "u1", "v": "v0.1"}, True)
    c("semver_lt: empty pre-release is invalid so false", "sv-lt", {"key": "u1", "v": "1.0.0-"}, False)
    c("semver_lt: empty build is invalid so false", "sv-lt", {"key": "u1", "v": "0.1.0+"}, False)
    c("semver_lt: leading zero in numeric pre-release is invalid so false", "sv-lt",
      {"key": "u1", "v": "1.0.0-01"}, False)
    c("semver_lt: empty pre-release identifier is invalid so false", "sv-lt",
      {"key": "u1", "v": "1.0.0-alpha..1"}, False)
    c("semver_lt: alphanumeric pre-release identifier may start with 0", "sv-lt",
      {"key": "u1", "v": "1.0.0-0a"}, True)
    c("semver_lt: non-version string is false", "sv-lt", {"key": "u1", "v": "abc"}, False)
    c("semver_lt: 0 is 0.0.0", "sv-lt", {"key": "u1", "v": "0"}, True)
    c("semver_lt: pre-release identifiers may hold hyphens (1.0.0-x-y-z.--)", "sv-lt",
      {"key": "u1", "v": "1.0.0-x-y-z.--"}, True)
    c("semver_lt: an underscore in a pre-release is invalid so false", "sv-lt", {"key": "u1", "v": "1.0.0-a_b"},
      False)
    c("semver_lt: 1.0.0-beta.2 < 1.0.0-beta.11 (numeric identifiers)", "sv-lt-beta-11",
      {"key": "u1", "v": "1.0.0-beta.2"}, True)
    c("semver_lt: 1.0.0-beta.11 is not < itself", "sv-lt-beta-11", {"key": "u1", "v": "1.0.0-beta.11"},
      False)
    c("semver_lt: 1.0.0-alpha.beta < 1.0.0-beta.11", "sv-lt-beta-11",
      {"key": "u1", "v": "1.0.0-alpha.beta"}, True)
    c("semver_lt: 1.0.0-beta < 1.0.0-beta.11 (fewer identifiers sort first)", "sv-lt-beta-11",
      {"key": "u1", "v": "1.0.0-beta"}, True)
    c("semver_lt: 1.0.0-rc.1 is not < 1.0.0-beta.11", "sv-lt-beta-11", {"key": "u1", "v": "1.0.0-rc.1"},
      False)
    c("semver_lt: alphanumeric identifier sorts after numeric (beta.a > beta.11)", "sv-lt-beta-11",
      {"key": "u1", "v": "1.0.0-beta.a"}, False)
    c("semver_lt: a release is not < its pre-release", "sv-lt-beta-11", {"key": "u1", "v": "1.0.0"}, False)
    c("semver_lte: equal", "sv-lte", {"key": "u1", "v": "2.0.0"}, True)
    c("semver_lte: equal up to build", "sv-lte", {"key": "u1", "v": "2.0.0+abc"}, True)
    c("semver_lte: higher patch", "sv-lte", {"key": "u1", "v": "2.0.1"}, False)
    c("semver_lte: short form 2 equals 2.0.0", "sv-lte", {"key": "u1", "v": "2"}, True)
    c("semver_lte: 2.0.0-0 < 2.0.0", "sv-lte", {"key": "u1", "v": "2.0.0-0"}, True)
    c("semver_gt: 1.0.0-alpha.1 > 1.0.0-alpha", "sv-gt-alpha", {"key": "u1", "v": "1.0.0-alpha.1"}, True)
    c("semver_gt: equal is not greater", "sv-gt-alpha", {"key": "u1", "v": "1.0.0-alpha"}, False)
    c("semver_gt: pre-release identifiers compare in ASCII order (Alpha < alpha)", "sv-gt-alpha",
      {"key": "u1", "v": "1.0.0-Alpha"}, False)
    c("semver_gt: release 1.0.0 > 1.0.0-alpha", "sv-gt-alpha", {"key": "u1", "v": "1.0.0"}, True)
    c("semver_gte: 9.99.99 < 10.0.0 (numeric, not lexical)", "sv-gte-10", {"key": "u1", "v": "9.99.99"},
      False)
    c("semver_gte: equal", "sv-gte-10", {"key": "u1", "v": "10.0.0"}, True)
    c("semver_gte: 10.0.0-rc.1 < 10.0.0", "sv-gte-10", {"key": "u1", "v": "10.0.0-rc.1"}, False)
    c("semver_gte: 100.0.0 >= 10.0.0", "sv-gte-10", {"key": "u1", "v": "100.0.0"}, True)
    c("semver_gt: patch beyond 64 bits compares as an unbounded integer", "sv-gt-huge-patch",
      {"key": "u1", "v": "1.0.18446744073709551616"}, True)
    c("semver_gt: equal huge patch is not greater", "sv-gt-huge-patch",
      {"key": "u1", "v": "1.0.18446744073709551615"}, False)
    c("semver_lt: numeric pre-release beyond 64 bits compares as an unbounded integer", "sv-lt-huge-pre",
      {"key": "u1", "v": "1.0.0-18446744073709551615"}, True)
    c("semver_lt: larger huge numeric pre-release is not less", "sv-lt-huge-pre",
      {"key": "u1", "v": "1.0.0-18446744073709551617"}, False)
    c("semver_gte: different build metadata is still equal", "sv-gte-build", {"key": "u1", "v": "1.0.0+aaa"},
      True)
    c("semver_gt: different build metadata is not greater", "sv-gt-build", {"key": "u1", "v": "1.0.0+zzz"},
      False)
    return f.write()


def dates():
    # 2026-01-01T00:00:00Z = 1767225600000 ms since the epoch.
    import datetime
    ms = int(datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc).timestamp()) * 1000
    assert ms == 1767225600000
    f = EvalFile("operators-dates",
                 "before/after: strictly earlier/later at millisecond precision (finer fractions "
                 "truncated; equal instants false for both); RFC 3339 date-times with offsets, or "
                 "integral epoch milliseconds, on both sides; an invalid attribute is false.", "da7e", 8)
    t = "2026-01-01T00:00:00Z"
    f.match_flag("before", leaf("t", "before", t))
    f.match_flag("after", leaf("t", "after", t))
    f.match_flag("after-fraction", leaf("t", "after", "2026-01-01T00:00:00.0005Z"))
    f.match_flag("before-epoch", leaf("t", "before", ms))
    f.match_flag("after-offset", leaf("t", "after", "2026-01-01T05:30:00+05:30"))
    f.match_flag("before-epoch-zero", leaf("t", "before", 0))
    c = f.check
    c("before: one second earlier", "before", {"key": "u1", "t": "2025-12-31T23:59:59Z"}, True)
    c("before: equal instant is false", "before", {"key": "u1", "t": t}, False)
    c("before: equal instant written with +01:00 is false", "before",
      {"key": "u1", "t": "2026-01-01T01:00:00+01:00"}, False)
    c("before: earlier instant written with +01:00", "before", {"key": "u1", "t": "2026-01-01T00:59:59+01:00"},
      True)
    c("before: equal instant written with -05:00 is false", "before",
      {"key": "u1", "t": "2025-12-31T19:00:00-05:00"}, False)
    c("before: one millisecond earlier with -05:00", "before", {"key": "u1", "t": "2025-12-31T18:59:59.999-05:00"},
      True)
    c("before: lowercase t and z accepted", "before", {"key": "u1", "t": "2025-12-31t23:59:59z"}, True)
    c("before: epoch milliseconds one ms earlier", "before", {"key": "u1", "t": ms - 1}, True)
    c("before: epoch milliseconds equal is false", "before", {"key": "u1", "t": ms}, False)
    c("before: negative epoch milliseconds (1969)", "before", {"key": "u1", "t": -1}, True)
    c("before: fractional epoch number is invalid so false", "before",
      {"key": "u1", "t": Num("1767225599999.5")}, False)
    c("before: epoch milliseconds as a string is invalid so false", "before",
      {"key": "u1", "t": str(ms - 1)}, False)
    c("before: blank instead of T is invalid so false", "before", {"key": "u1", "t": "2025-12-31 23:59:59Z"},
      False)
    c("before: date without time is invalid so false", "before", {"key": "u1", "t": "2025-12-31"}, False)
    c("before: date-time without offset is invalid so false", "before", {"key": "u1", "t": "2025-12-31T23:59:59"},
      False)
    c("before: February 29 of a common year is invalid so false", "before",
      {"key": "u1", "t": "2025-02-29T00:00:00Z"}, False)
    c("before: February 29 of a leap year is valid", "before", {"key": "u1", "t": "2024-02-29T00:00:00Z"}, True)
    c("before: February 29 1900 is invalid (not a leap year) so false", "before",
      {"key": "u1", "t": "1900-02-29T00:00:00Z"}, False)
    c("before: February 29 2000 is valid (leap year)", "before", {"key": "u1", "t": "2000-02-29T00:00:00Z"},
      True)
    c("before: April 31 is invalid so false", "before", {"key": "u1", "t": "2025-04-31T00:00:00Z"}, False)
    c("before: seconds 60 is invalid so false", "before", {"key": "u1", "t": "2025-12-31T23:59:60Z"}, False)
    c("before: hour 24 is invalid so false", "before", {"key": "u1", "t": "2025-12-31T24:00:00Z"}, False)
    c("before: offset +18:00 is valid", "before", {"key": "u1", "t": "2026-01-01T17:59:59+18:00"}, True)
    c("before: offset +18:01 is out of range so false", "before", {"key": "u1", "t": "2025-12-31T12:00:00+18:01"},
      False)
    c("before: offset -19:00 is out of range so false", "before", {"key": "u1", "t": "2025-12-30T12:00:00-19:00"},
      False)
    c("before: offset -00:00 is the same instant as Z, one second earlier", "before",
      {"key": "u1", "t": "2025-12-31T23:59:59-00:00"}, True)
    c("before: offset +00:00 equal instant is false", "before", {"key": "u1", "t": "2026-01-01T00:00:00+00:00"},
      False)
    c("before: a dot without fraction digits is invalid so false", "before",
      {"key": "u1", "t": "2025-12-31T23:59:59.Z"}, False)
    c("before: an offset without a colon is invalid so false", "before",
      {"key": "u1", "t": "2025-12-31T23:59:59+0100"}, False)
    c("before: an offset with hours only is invalid so false", "before",
      {"key": "u1", "t": "2025-12-31T23:59:59+01"}, False)
    c("before: a one-digit month is invalid so false", "before", {"key": "u1", "t": "2025-1-01T00:00:00Z"}, False)
    c("before: minute 60 is invalid so false", "before", {"key": "u1", "t": "2025-12-31T22:60:00Z"}, False)
    c("before: month 00 is invalid so false", "before", {"key": "u1", "t": "2025-00-10T00:00:00Z"}, False)
    c("before: day 00 is invalid so false", "before", {"key": "u1", "t": "2025-12-00T00:00:00Z"}, False)
    c("before: trailing text is invalid so false", "before", {"key": "u1", "t": "2025-12-31T23:59:59Z "}, False)
    c("before: boolean is false", "before", {"key": "u1", "t": True}, False)
    c("before: missing attribute is false", "before", {"key": "u1"}, False)
    c("after: one second later", "after", {"key": "u1", "t": "2026-01-01T00:00:01Z"}, True)
    c("after: equal instant is false", "after", {"key": "u1", "t": t}, False)
    c("after: later instant written with -05:00", "after", {"key": "u1", "t": "2025-12-31T19:00:00.001-05:00"},
      True)
    c("after: 0.0009 s later truncates to the same millisecond so false", "after",
      {"key": "u1", "t": "2026-01-01T00:00:00.0009Z"}, False)
    c("after: one millisecond later", "after", {"key": "u1", "t": "2026-01-01T00:00:00.001Z"}, True)
    c("after: nine fraction digits", "after", {"key": "u1", "t": "2026-01-01T00:00:00.999999999Z"}, True)
    c("after: one fraction digit", "after", {"key": "u1", "t": "2026-01-01T00:00:00.5Z"}, True)
    c("after: epoch milliseconds one ms later", "after", {"key": "u1", "t": ms + 1}, True)
    c("after: epoch milliseconds equal is false", "after", {"key": "u1", "t": ms}, False)
    c("after: epoch milliseconds with an exponent are integral", "after",
      {"key": "u1", "t": Num("1.767225600001e12")}, True)
    c("after: rule value fraction is truncated too (0.0009 vs 0.0005 s: same millisecond)", "after-fraction",
      {"key": "u1", "t": "2026-01-01T00:00:00.0009Z"}, False)
    c("after: rule value fraction truncated, 1 ms later holds", "after-fraction",
      {"key": "u1", "t": "2026-01-01T00:00:00.001Z"}, True)
    c("before: epoch rule value against an RFC 3339 attribute", "before-epoch",
      {"key": "u1", "t": "2025-12-31T23:59:59.999Z"}, True)
    c("before: epoch rule value against an equal RFC 3339 attribute is false", "before-epoch",
      {"key": "u1", "t": "2026-01-01T00:00:00.000Z"}, False)
    c("after: rule value with an offset against a Z attribute, equal instant", "after-offset",
      {"key": "u1", "t": t}, False)
    c("after: rule value with an offset against a Z attribute, later", "after-offset",
      {"key": "u1", "t": "2026-01-01T00:00:00.001Z"}, True)
    c("before: epoch 0 rule, attribute in 1969", "before-epoch-zero", {"key": "u1", "t": "1969-12-31T23:59:59Z"},
      True)
    c("before: epoch 0 rule, attribute 1970-01-01T00:00:00Z is equal so false", "before-epoch-zero",
      {"key": "u1", "t": "1970-01-01T00:00:00Z"}, False)
    return f.write()


TOPICS = [equality, strings, regex, numeric, semver, dates]
