package dev.ff.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsRequestsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode handle(String json) throws Exception {
    return StatsRequests.handle(MAPPER.readTree(json));
  }

  private static void assertError(String json, String... fragments) {
    assertThatThrownBy(() -> handle(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContainingAll(fragments);
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void handle_welchWritesTheContractFieldsInOrder() throws Exception {
    JsonNode r =
        handle("{\"kind\":\"welch\",\"inputs\":{\"control\":[1,2,3],\"treatment\":[2,4,6]}}");
    assertThat(names(r))
        .containsExactly(
            "status",
            "nControl",
            "nTreatment",
            "meanControl",
            "meanTreatment",
            "varControl",
            "varTreatment",
            "diff",
            "se",
            "tStat",
            "df",
            "pValue",
            "ciLower",
            "ciUpper",
            "lift",
            "liftSe",
            "liftCiLower",
            "liftCiUpper");
    assertThat(r.get("status").asText()).isEqualTo("OK");
    assertThat(r.get("nControl").isIntegralNumber()).isTrue();
    assertThat(r.get("diff").asDouble()).isEqualTo(2.0);
  }

  @Test
  void handle_nullFieldsAreWrittenAsJsonNull() throws Exception {
    JsonNode r = handle("{\"kind\":\"welch\",\"inputs\":{\"control\":[2],\"treatment\":[3,4,8]}}");
    assertThat(r.get("se").isNull()).isTrue();
    assertThat(r.get("varControl").isNull()).isTrue();
    assertThat(r.get("pValue").asDouble()).isEqualTo(1.0);
  }

  @Test
  void handle_appliesTheDocumentedDefaults() throws Exception {
    JsonNode implicit =
        handle("{\"kind\":\"welch\",\"inputs\":{\"control\":[1,2,3],\"treatment\":[2,4,7]}}");
    JsonNode explicit =
        handle(
            "{\"kind\":\"welch\",\"inputs\":{\"control\":[1,2,3],\"treatment\":[2,4,7],"
                + "\"alpha\":0.05}}");
    assertThat(implicit).isEqualTo(explicit);
    JsonNode srm =
        handle("{\"kind\":\"srm\",\"inputs\":{\"counts\":[5300,2350,2350],\"weights\":[2,1,1]}}");
    assertThat(srm.get("srmDetected").asBoolean()).isTrue();
    JsonNode size =
        handle(
            "{\"kind\":\"sample_size\",\"inputs\":{\"metric\":\"continuous\",\"mde\":1,"
                + "\"mdeType\":\"absolute\",\"sdControl\":10}}");
    assertThat(size.get("nControl").asLong()).isEqualTo(1570);
    assertThat(size.get("nTreatment").asLong()).isEqualTo(1570);
  }

  @Test
  void handle_everyKindAnswersWithFiniteNumbersOnly() throws Exception {
    String[] requests = {
      "{\"kind\":\"welch\",\"inputs\":{\"control\":[1,2],\"treatment\":[1e300,-1e300]}}",
      "{\"kind\":\"proportions\",\"inputs\":{\"nControl\":5,\"convControl\":0,\"nTreatment\":5,"
          + "\"convTreatment\":5}}",
      "{\"kind\":\"chi2_2xk\",\"inputs\":{\"n\":[0,0],\"conversions\":[0,0]}}",
      "{\"kind\":\"ratio\",\"inputs\":{\"numeratorControl\":[1],\"denominatorControl\":[0],"
          + "\"numeratorTreatment\":[],\"denominatorTreatment\":[]}}",
      "{\"kind\":\"cuped\",\"inputs\":{\"arms\":[{\"pre\":[],\"post\":[]},{\"pre\":[1],"
          + "\"post\":[2]}]}}",
      "{\"kind\":\"srm\",\"inputs\":{\"counts\":[0,0],\"weights\":[1,1]}}",
      "{\"kind\":\"pocock_spending\",\"inputs\":{\"informationFractions\":[0.5,1]}}",
      "{\"kind\":\"sequential_decision\",\"inputs\":{\"plannedN\":100,\"lookSampleSizes\":[50],"
          + "\"zStats\":[0]}}",
      "{\"kind\":\"power\",\"inputs\":{\"metric\":\"binary\",\"nControl\":10,\"nTreatment\":10,"
          + "\"baseline\":0.5,\"delta\":0.1}}",
      "{\"kind\":\"mde\",\"inputs\":{\"metric\":\"continuous\",\"nControl\":10,\"nTreatment\":10,"
          + "\"baseline\":0,\"sdControl\":1}}",
      "{\"kind\":\"multiple_comparisons\",\"inputs\":{\"pValues\":[1,0]}}"
    };
    for (String request : requests) {
      JsonNode r;
      try {
        r = handle(request);
      } catch (IllegalArgumentException e) {
        // Overflowing values are refused by name rather than answered with infinities.
        assertThat(e.getMessage()).contains("overflows");
        continue;
      }
      assertFinite(r, request);
    }
  }

  private static void assertFinite(JsonNode node, String where) {
    if (node.isNumber()) {
      assertThat(Double.isFinite(node.doubleValue())).as(where).isTrue();
    }
    node.forEach(child -> assertFinite(child, where));
  }

  @Test
  void handle_sequentialDecisionAcceptsFinalLookAsIndexBooleanOrNull() throws Exception {
    String base =
        "{\"kind\":\"sequential_decision\",\"inputs\":{\"plannedN\":20000,"
            + "\"lookSampleSizes\":[6000,14000,20000],\"zStats\":[1.0,1.5,2.0],\"finalLook\":";
    assertThat(handle(base + "3}}").get("decision").asText()).isEqualTo("FAIL_TO_REJECT");
    assertThat(handle(base + "true}}").get("decision").asText()).isEqualTo("FAIL_TO_REJECT");
    assertThat(handle(base + "4}}").get("decision").asText()).isEqualTo("CONTINUE");
    assertThat(handle(base + "null}}").get("decision").asText()).isEqualTo("CONTINUE");
    assertThat(handle(base + "false}}").get("rejectAtLook").isNull()).isTrue();
    assertError(base + "2}}", "finalLook");
    assertError(base + "0}}", "finalLook");
    assertError(base + "\"last\"}}", "finalLook");
  }

  @Test
  void handle_pocockSpendingIncludesTheClassicConstant() throws Exception {
    JsonNode r =
        handle(
            "{\"kind\":\"pocock_spending\",\"inputs\":{\"alpha\":0.05,"
                + "\"informationFractions\":[0.5,1]}}");
    assertThat(names(r))
        .containsExactly(
            "boundaries",
            "nominalPValues",
            "cumulativeAlpha",
            "incrementalAlpha",
            "classicPocockConstant");
    // The contract's reference table for two looks.
    assertThat(r.get("classicPocockConstant").asDouble()).isCloseTo(2.17827, within(5e-6));
    assertThat(r.get("boundaries").get(1).asDouble()).isCloseTo(2.20098, within(5e-6));
  }

  @Test
  void handle_malformedRequestsNameTheField() {
    assertError("[1,2]", "JSON object");
    assertError("{\"inputs\":{}}", "kind");
    assertError("{\"kind\":\"anova\",\"inputs\":{}}", "kind", "anova", "welch");
    assertError("{\"kind\":\"welch\"}", "welch", "inputs");
    assertError("{\"kind\":\"welch\",\"inputs\":{},\"id\":7}", "id");
    assertError(
        "{\"kind\":\"welch\",\"inputs\":{\"treatment\":[1,2]}}", "inputs.control", "missing");
    assertError(
        "{\"kind\":\"welch\",\"inputs\":{\"control\":\"1,2\",\"treatment\":[1,2]}}",
        "inputs.control",
        "array");
    assertError(
        "{\"kind\":\"welch\",\"inputs\":{\"control\":[1,null],\"treatment\":[1,2]}}",
        "inputs.control[1]");
    assertError(
        "{\"kind\":\"welch\",\"inputs\":{\"control\":[1,2],\"treatment\":[1,2],"
            + "\"alpha\":\"0.05\"}}",
        "inputs.alpha");
    assertError(
        "{\"kind\":\"welch\",\"inputs\":{\"control\":[1,2],\"treatment\":[1,2],\"alhpa\":0.05}}",
        "inputs.alhpa");
    assertError(
        "{\"kind\":\"proportions\",\"inputs\":{\"nControl\":1e3,\"convControl\":-1,"
            + "\"nTreatment\":10,\"convTreatment\":1}}",
        "inputs.convControl");
    assertError(
        "{\"kind\":\"proportions\",\"inputs\":{\"nControl\":10.5,\"convControl\":1,"
            + "\"nTreatment\":10,\"convTreatment\":1}}",
        "inputs.nControl",
        "whole number");
    assertError("{\"kind\":\"cuped\",\"inputs\":{\"arms\":[[1,2]]}}", "inputs.arms[0]");
    assertError(
        "{\"kind\":\"cuped\",\"inputs\":{\"arms\":[{\"pre\":[1],\"post\":[1],\"x\":1}]}}",
        "inputs.arms[0].x");
    assertError(
        "{\"kind\":\"power\",\"inputs\":{\"metric\":\"binary\",\"nControl\":10,\"nTreatment\":10,"
            + "\"baseline\":0.1,\"delta\":0.1,\"sdControl\":3}}",
        "sdControl",
        "binary");
    assertError(
        "{\"kind\":\"sample_size\",\"inputs\":{\"metric\":\"binary\",\"baseline\":0.1,"
            + "\"mde\":0.1,\"mdeType\":\"percent\"}}",
        "mdeType");
    assertError(
        "{\"kind\":\"mde\",\"inputs\":{\"metric\":\"binary\",\"nControl\":10,\"nTreatment\":10}}",
        "baseline");
  }

  @Test
  void handle_libraryErrorsArePrefixedWithTheKind() {
    assertError(
        "{\"kind\":\"srm\",\"inputs\":{\"counts\":[1,2],\"weights\":[1,-1]}}",
        "srm: ",
        "weights[1]");
  }

  @Test
  void run_returnsTheResultRecordOfTheKind() throws Exception {
    StatsResult r =
        StatsRequests.run(
            MAPPER.readTree("{\"kind\":\"multiple_comparisons\",\"inputs\":{\"pValues\":[0.01]}}"));
    assertThat(r).isInstanceOf(AdjustedPValues.class);
    assertThat(StatsRequests.KINDS).hasSize(12).contains("chi2_2xk", "sequential_decision");
  }
}
