package dev.ff.core.eval;

import static dev.ff.core.eval.TestDocs.compile;
import static dev.ff.core.eval.TestDocs.json;
import static dev.ff.core.eval.TestDocs.ruleFlag;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every operator through the public API: positive case, negative twin, missing, null, array-valued
 * and wrong-type attributes. Expectations come from the condition rules of the evaluation contract.
 */
class OperatorsTest {

  private static boolean holds(String condition, String context) {
    EvaluationResult r = compile(ruleFlag(condition)).evaluate("f", json(context), null);
    assertThat(r.reason()).isIn(Reason.TARGETING_MATCH, Reason.DEFAULT);
    return "on".equals(r.variation());
  }

  private static void check(String condition, String context, boolean expected) {
    assertThat(holds(condition, context)).as("%s on %s", condition, context).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"attr":"country","op":"eq","value":"NL"}  | {"country":"NL"}          | true
          {"attr":"country","op":"eq","value":"NL"}  | {"country":"BE"}          | false
          {"attr":"country","op":"eq","value":"NL"}  | {"country":"nl"}          | false
          {"attr":"country","op":"eq","value":"NL"}  | {}                        | false
          {"attr":"country","op":"eq","value":"NL"}  | {"country":null}          | false
          {"attr":"country","op":"eq","value":"NL"}  | {"country":["BE","NL"]}   | true
          {"attr":"country","op":"eq","value":"NL"}  | {"country":["BE"]}        | false
          {"attr":"country","op":"eq","value":"NL"}  | {"country":[]}            | false
          {"attr":"country","op":"eq","value":"NL"}  | {"country":[["NL"]]}      | false
          {"attr":"country","op":"eq","value":"NL"}  | {"country":[{"a":"NL"}]}  | false
          {"attr":"country","op":"eq","value":"NL"}  | {"country":{"a":"NL"}}    | false
          {"attr":"country","op":"eq","value":"NL"}  | {"country":1}             | false
          {"attr":"n","op":"eq","value":1}           | {"n":1.0}                 | true
          {"attr":"n","op":"eq","value":1.0}         | {"n":1}                   | true
          {"attr":"n","op":"eq","value":1}           | {"n":"1"}                 | false
          {"attr":"n","op":"eq","value":1}           | {"n":true}                | false
          {"attr":"n","op":"eq","value":0}           | {"n":-0.0}                | true
          {"attr":"s","op":"eq","value":"1"}         | {"s":1}                   | false
          {"attr":"b","op":"eq","value":true}        | {"b":true}                | true
          {"attr":"b","op":"eq","value":true}        | {"b":false}               | false
          {"attr":"b","op":"eq","value":true}        | {"b":"true"}              | false
          {"attr":"b","op":"eq","value":false}       | {"b":0}                   | false
          {"attr":"b","op":"eq","value":false}       | {"b":[true,false]}        | true
          {"attr":"key","op":"eq","value":"u1"}      | {"key":"u1"}              | true
          {"attr":"key","op":"eq","value":"u1"}      | {"key":null}              | false
          """)
  void eq_matchesWithStrictTypes(String condition, String context, boolean expected) {
    check(condition, context, expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"attr":"country","op":"neq","value":"NL"} | {"country":"NL"}          | false
          {"attr":"country","op":"neq","value":"NL"} | {"country":"BE"}          | true
          {"attr":"country","op":"neq","value":"NL"} | {}                        | false
          {"attr":"country","op":"neq","value":"NL"} | {"country":null}          | false
          {"attr":"country","op":"neq","value":"NL"} | {"country":["BE","NL"]}   | false
          {"attr":"country","op":"neq","value":"NL"} | {"country":["BE"]}        | true
          {"attr":"country","op":"neq","value":"NL"} | {"country":[]}            | true
          {"attr":"country","op":"neq","value":"NL"} | {"country":[["NL"]]}      | true
          {"attr":"country","op":"neq","value":"NL"} | {"country":{"a":"NL"}}    | true
          {"attr":"country","op":"neq","value":"NL"} | {"country":1}             | true
          {"attr":"n","op":"neq","value":1}          | {"n":1.0}                 | false
          {"attr":"n","op":"neq","value":1}          | {"n":"1"}                 | true
          {"attr":"b","op":"neq","value":true}       | {"b":false}               | true
          """)
  void neq_isExactNegationOnPresentAttributes(String condition, String context, boolean expected) {
    check(condition, context, expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"attr":"c","op":"in","values":["NL","BE",1,true]}     | {"c":"NL"}         | true
          {"attr":"c","op":"in","values":["NL","BE",1,true]}     | {"c":"DE"}         | false
          {"attr":"c","op":"in","values":["NL","BE",1,true]}     | {"c":1.0}          | true
          {"attr":"c","op":"in","values":["NL","BE",1,true]}     | {"c":2}            | false
          {"attr":"c","op":"in","values":["NL","BE",1,true]}     | {"c":"1"}          | false
          {"attr":"c","op":"in","values":["NL","BE",1,true]}     | {"c":true}         | true
          {"attr":"c","op":"in","values":["NL","BE",1,true]}     | {"c":false}        | false
          {"attr":"c","op":"in","values":["NL","BE",1,true]}     | {"c":"true"}       | false
          {"attr":"c","op":"in","values":["NL","BE",1,true]}     | {}                 | false
          {"attr":"c","op":"in","values":["NL","BE",1,true]}     | {"c":null}         | false
          {"attr":"c","op":"in","values":["NL","BE",1,true]}     | {"c":["DE","BE"]}  | true
          {"attr":"c","op":"in","values":["NL","BE",1,true]}     | {"c":["DE"]}       | false
          {"attr":"c","op":"in","values":["NL","BE",1,true]}     | {"c":[]}           | false
          {"attr":"c","op":"in","values":["NL","BE",1,true]}     | {"c":[["NL"]]}     | false
          {"attr":"c","op":"in","values":["NL","BE",1,true]}     | {"c":{"x":"NL"}}   | false
          {"attr":"c","op":"in","values":[false,-2.5,0,300]}     | {"c":false}        | true
          {"attr":"c","op":"in","values":[false,-2.5,0,300]}     | {"c":-2.5}         | true
          {"attr":"c","op":"in","values":[false,-2.5,0,300]}     | {"c":-0.0}         | true
          {"attr":"c","op":"in","values":[false,-2.5,0,300]}     | {"c":300.0}        | true
          {"attr":"c","op":"in","values":[false,-2.5,0,300]}     | {"c":299}          | false
          {"attr":"c","op":"in","values":[false,-2.5,0,300]}     | {"c":true}         | false
          {"attr":"c","op":"in","values":[]}                     | {"c":"NL"}         | false
          {"attr":"c","op":"in","values":["a","a"]}              | {"c":"a"}          | true
          """)
  void in_matchesAnyValue(String condition, String context, boolean expected) {
    check(condition, context, expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"attr":"c","op":"not_in","values":["NL","BE",1]}  | {"c":"DE"}         | true
          {"attr":"c","op":"not_in","values":["NL","BE",1]}  | {"c":"NL"}         | false
          {"attr":"c","op":"not_in","values":["NL","BE",1]}  | {"c":1.0}          | false
          {"attr":"c","op":"not_in","values":["NL","BE",1]}  | {"c":"1"}          | true
          {"attr":"c","op":"not_in","values":["NL","BE",1]}  | {}                 | false
          {"attr":"c","op":"not_in","values":["NL","BE",1]}  | {"c":null}         | false
          {"attr":"c","op":"not_in","values":["NL","BE",1]}  | {"c":["DE","BE"]}  | false
          {"attr":"c","op":"not_in","values":["NL","BE",1]}  | {"c":["DE"]}       | true
          {"attr":"c","op":"not_in","values":["NL","BE",1]}  | {"c":[]}           | true
          {"attr":"c","op":"not_in","values":["NL","BE",1]}  | {"c":true}         | true
          {"attr":"c","op":"not_in","values":[]}             | {"c":"NL"}         | true
          {"attr":"c","op":"not_in","values":[]}             | {}                 | false
          """)
  void notIn_isExactNegationOfIn(String condition, String context, boolean expected) {
    check(condition, context, expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"attr":"s","op":"contains","value":"lo w"}       | {"s":"hello world"}     | true
          {"attr":"s","op":"contains","value":"hell"}       | {"s":"Hello"}           | false
          {"attr":"s","op":"contains","value":"1"}          | {"s":12}                | false
          {"attr":"s","op":"contains","value":"ell"}        | {"s":["x","hello"]}     | true
          {"attr":"s","op":"contains","value":"ell"}        | {"s":["x"]}             | false
          {"attr":"s","op":"contains","value":"ell"}        | {}                      | false
          {"attr":"s","op":"contains","value":"ell"}        | {"s":null}              | false
          {"attr":"s","op":"contains","value":""}           | {"s":""}                | true
          {"attr":"s","op":"starts_with","value":"he"}      | {"s":"hello"}           | true
          {"attr":"s","op":"starts_with","value":"He"}      | {"s":"hello"}           | false
          {"attr":"s","op":"starts_with","value":"lo"}      | {"s":"hello"}           | false
          {"attr":"s","op":"starts_with","value":"tr"}      | {"s":true}              | false
          {"attr":"s","op":"starts_with","value":"he"}      | {"s":["x","help"]}      | true
          {"attr":"s","op":"starts_with","value":"he"}      | {}                      | false
          {"attr":"s","op":"ends_with","value":".com"}      | {"s":"a@b.com"}         | true
          {"attr":"s","op":"ends_with","value":".COM"}      | {"s":"a@b.com"}         | false
          {"attr":"s","op":"ends_with","value":".com"}      | {"s":"a.com@b"}         | false
          {"attr":"s","op":"ends_with","value":"0"}         | {"s":10}                | false
          {"attr":"s","op":"ends_with","value":".com"}      | {"s":[1,"x.com"]}       | true
          {"attr":"s","op":"ends_with","value":".com"}      | {"s":null}              | false
          """)
  void stringOperators_areCaseSensitiveAndStringOnly(
      String condition, String context, boolean expected) {
    check(condition, context, expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"attr":"s","op":"regex","value":"^a.c$"}         | {"s":"abc"}             | true
          {"attr":"s","op":"regex","value":"b"}             | {"s":"abc"}             | true
          {"attr":"s","op":"regex","value":"^b$"}           | {"s":"abc"}             | false
          {"attr":"s","op":"regex","value":"\\\\d+"}        | {"s":"abc123"}          | true
          {"attr":"s","op":"regex","value":"^\\\\d$"}       | {"s":"\\u0663"}         | false
          {"attr":"s","op":"regex","value":"^\\\\w$"}       | {"s":"\\u00e9"}         | false
          {"attr":"s","op":"regex","value":"(?i)^k$"}       | {"s":"\\u212a"}         | true
          {"attr":"s","op":"regex","value":"(?i)^abc$"}     | {"s":"ABC"}             | true
          {"attr":"s","op":"regex","value":"^.$"}           | {"s":"\\ud83d\\ude00"}  | true
          {"attr":"s","op":"regex","value":"\\\\d"}         | {"s":123}               | false
          {"attr":"s","op":"regex","value":"^b"}            | {"s":["abc","bcd"]}     | true
          {"attr":"s","op":"regex","value":"^z"}            | {"s":["abc","bcd"]}     | false
          {"attr":"s","op":"regex","value":"x"}             | {}                      | false
          {"attr":"s","op":"regex","value":"x"}             | {"s":null}              | false
          """)
  void regex_isUnanchoredRe2Search(String condition, String context, boolean expected) {
    check(condition, context, expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"attr":"n","op":"lt","value":10}     | {"n":5}          | true
          {"attr":"n","op":"lt","value":10}     | {"n":10}         | false
          {"attr":"n","op":"lt","value":10}     | {"n":10.5}       | false
          {"attr":"n","op":"lt","value":10}     | {"n":"5"}        | false
          {"attr":"n","op":"lt","value":10}     | {"n":true}       | false
          {"attr":"n","op":"lt","value":10}     | {"n":[20,5]}     | true
          {"attr":"n","op":"lt","value":10}     | {"n":[20,30]}    | false
          {"attr":"n","op":"lt","value":10}     | {}               | false
          {"attr":"n","op":"lt","value":10}     | {"n":null}       | false
          {"attr":"n","op":"lte","value":10}    | {"n":10.0}       | true
          {"attr":"n","op":"lte","value":10}    | {"n":10.01}      | false
          {"attr":"n","op":"lte","value":10}    | {"n":"10"}       | false
          {"attr":"n","op":"gt","value":10}     | {"n":15}         | true
          {"attr":"n","op":"gt","value":10}     | {"n":10}         | false
          {"attr":"n","op":"gt","value":-1.5}   | {"n":-1}         | true
          {"attr":"n","op":"gt","value":10}     | {}               | false
          {"attr":"n","op":"gte","value":10}    | {"n":10}         | true
          {"attr":"n","op":"gte","value":10}    | {"n":9.999}      | false
          {"attr":"n","op":"gte","value":10}    | {"n":[1,10]}     | true
          {"attr":"n","op":"gte","value":10}    | {"n":"11"}       | false
          """)
  void numberComparisons_numbersOnly(String condition, String context, boolean expected) {
    check(condition, context, expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"attr":"v","op":"semver_gt","value":"1.2.0"}     | {"v":"1.10.0"}            | true
          {"attr":"v","op":"semver_gt","value":"1.2.0"}     | {"v":"v1.3"}              | true
          {"attr":"v","op":"semver_gt","value":"1.2.0"}     | {"v":"1.2.0"}             | false
          {"attr":"v","op":"semver_gt","value":"1.2.0"}     | {"v":"1.2.0-rc.1"}        | false
          {"attr":"v","op":"semver_gt","value":"1.2.0"}     | {"v":"1.2.x"}             | false
          {"attr":"v","op":"semver_gt","value":"1.2.0"}     | {"v":2}                   | false
          {"attr":"v","op":"semver_gt","value":"1.2.0"}     | {"v":["1.0.0","2.0.0"]}   | true
          {"attr":"v","op":"semver_gt","value":"1.2.0"}     | {}                        | false
          {"attr":"v","op":"semver_lt","value":"1.2.0"}     | {"v":"1.2.0-rc.1"}        | true
          {"attr":"v","op":"semver_lt","value":"1.2.0"}     | {"v":"1.2"}               | false
          {"attr":"v","op":"semver_lt","value":"v1.2"}      | {"v":"1.1.99"}            | true
          {"attr":"v","op":"semver_lt","value":"1.2.0"}     | {"v":" 1.1.0"}            | false
          {"attr":"v","op":"semver_eq","value":"2.3"}       | {"v":"2.3.0+build.7"}     | true
          {"attr":"v","op":"semver_eq","value":"2.3-beta"}  | {"v":"2.3.0-beta"}        | true
          {"attr":"v","op":"semver_eq","value":"2.3"}       | {"v":"2.3.1"}             | false
          {"attr":"v","op":"semver_eq","value":"2.3"}       | {"v":null}                | false
          {"attr":"v","op":"semver_lte","value":"2.3.0"}    | {"v":"2.3"}               | true
          {"attr":"v","op":"semver_lte","value":"2.3.0"}    | {"v":"2.3.1-alpha"}       | false
          {"attr":"v","op":"semver_gte","value":"1.0.0-alpha.10"} | {"v":"1.0.0-alpha.9"} | false
          {"attr":"v","op":"semver_gte","value":"1.0.0-alpha.10"} | {"v":"1.0.0-alpha.a"} | true
          """)
  void semverOperators_usePrecedence(String condition, String context, boolean expected) {
    check(condition, context, expected);
  }

  // 2026-01-01T00:00:00Z = 1767225600000 ms (python3 datetime).
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"attr":"t","op":"before","value":"2026-01-01T00:00:00Z"} | {"t":"2025-12-31T23:59:59.999Z"}    | true
          {"attr":"t","op":"before","value":"2026-01-01T00:00:00Z"} | {"t":"2026-01-01T00:00:00Z"}        | false
          {"attr":"t","op":"before","value":"2026-01-01T00:00:00Z"} | {"t":"2026-01-01T01:00:00+01:00"}   | false
          {"attr":"t","op":"before","value":"2026-01-01T00:00:00Z"} | {"t":"2026-01-01T00:30:00+01:00"}   | true
          {"attr":"t","op":"before","value":"2026-01-01T00:00:00Z"} | {"t":1767225599999}                 | true
          {"attr":"t","op":"before","value":"2026-01-01T00:00:00Z"} | {"t":1767225600000}                 | false
          {"attr":"t","op":"before","value":"2026-01-01T00:00:00Z"} | {"t":1767225599999.5}               | false
          {"attr":"t","op":"before","value":"2026-01-01T00:00:00Z"} | {"t":"yesterday"}                   | false
          {"attr":"t","op":"before","value":"2026-01-01T00:00:00Z"} | {"t":"2025-02-29T00:00:00Z"}        | false
          {"attr":"t","op":"before","value":"2026-01-01T00:00:00Z"} | {"t":true}                          | false
          {"attr":"t","op":"before","value":"2026-01-01T00:00:00Z"} | {"t":["x","2020-01-01T00:00:00Z"]}  | true
          {"attr":"t","op":"before","value":"2026-01-01T00:00:00Z"} | {}                                  | false
          {"attr":"t","op":"before","value":1767225600000}          | {"t":"2025-12-31T23:59:59Z"}        | true
          {"attr":"t","op":"after","value":"2026-01-01T00:00:00Z"}  | {"t":"2026-01-01T00:00:00.001Z"}    | true
          {"attr":"t","op":"after","value":"2026-01-01T00:00:00Z"}  | {"t":"2026-01-01T00:00:00.0009Z"}   | false
          {"attr":"t","op":"after","value":"2026-01-01T00:00:00Z"}  | {"t":"2026-01-01T00:00:00z"}        | false
          {"attr":"t","op":"after","value":"2026-01-01T00:00:00Z"}  | {"t":1767225600001}                 | true
          {"attr":"t","op":"after","value":"2026-01-01T00:00:00Z"}  | {"t":null}                          | false
          {"attr":"t","op":"after","value":1767225600000}           | {"t":"2026-01-01t00:00:01Z"}        | true
          """)
  void dateOperators_areStrictAtMillisecondPrecision(
      String condition, String context, boolean expected) {
    check(condition, context, expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"attr":"a","op":"exists"}       | {"a":"x"}          | true
          {"attr":"a","op":"exists"}       | {"a":false}        | true
          {"attr":"a","op":"exists"}       | {"a":0}            | true
          {"attr":"a","op":"exists"}       | {"a":[]}           | true
          {"attr":"a","op":"exists"}       | {"a":[null]}       | true
          {"attr":"a","op":"exists"}       | {"a":{}}           | true
          {"attr":"a","op":"exists"}       | {"a":null}         | false
          {"attr":"a","op":"exists"}       | {}                 | false
          {"attr":"a.b","op":"exists"}     | {"a":{"b":1}}      | true
          {"attr":"a.b","op":"exists"}     | {"a":{"c":1}}      | false
          {"attr":"a.b","op":"exists"}     | {"a.b":1}          | false
          {"attr":"a.b","op":"exists"}     | {"a":[{"b":1}]}    | false
          {"attr":"a.b","op":"exists"}     | {"a":"b"}          | false
          """)
  void exists_presentAndNotNull(String condition, String context, boolean expected) {
    check(condition, context, expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"attr":"device.os","op":"eq","value":"ios"}        | {"device":{"os":"ios"}}          | true
          {"attr":"device.os","op":"eq","value":"ios"}        | {"device.os":"ios"}              | false
          {"attr":"device.os","op":"eq","value":"ios"}        | {"device":"ios"}                 | false
          {"attr":"device.os","op":"neq","value":"ios"}       | {"device":"ios"}                 | false
          {"attr":"device.os","op":"neq","value":"ios"}       | {"device":null}                  | false
          {"attr":"a.b.c","op":"eq","value":1}                | {"a":{"b":{"c":1}}}              | true
          {"attr":"a.b.c","op":"eq","value":1}                | {"a":{"b":[{"c":1}]}}            | false
          {"attr":"a b","op":"eq","value":1}                  | {"a b":1}                        | true
          {"not":{"attr":"x","op":"eq","value":1}}            | {}                               | true
          {"not":{"attr":"x","op":"eq","value":1}}            | {"x":1}                          | false
          {"not":{"attr":"x","op":"neq","value":1}}           | {}                               | true
          {"all":[]}                                          | {}                               | true
          {"any":[]}                                          | {}                               | false
          {"not":{"any":[]}}                                  | {}                               | true
          {"all":[{"attr":"a","op":"exists"},{"attr":"b","op":"exists"}]} | {"a":1,"b":2}        | true
          {"all":[{"attr":"a","op":"exists"},{"attr":"b","op":"exists"}]} | {"a":1}              | false
          {"any":[{"attr":"a","op":"exists"},{"attr":"b","op":"exists"}]} | {"b":1}              | true
          {"any":[{"attr":"a","op":"exists"},{"attr":"b","op":"exists"}]} | {"c":1}              | false
          """)
  void pathsAndCombinators(String condition, String context, boolean expected) {
    check(condition, context, expected);
  }
}
