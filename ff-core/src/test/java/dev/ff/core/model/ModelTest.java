package dev.ff.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelTest {

  @Test
  void operator_wireNamesRoundTrip() {
    List<String> names =
        List.of(
            "eq",
            "neq",
            "in",
            "not_in",
            "contains",
            "starts_with",
            "ends_with",
            "regex",
            "lt",
            "lte",
            "gt",
            "gte",
            "semver_eq",
            "semver_lt",
            "semver_lte",
            "semver_gt",
            "semver_gte",
            "before",
            "after",
            "exists");
    assertThat(Operator.values()).hasSize(names.size());
    for (String n : names) {
      assertThat(Operator.fromWire(n)).isNotNull();
      assertThat(Operator.fromWire(n).wireName()).isEqualTo(n);
    }
    assertThat(Operator.fromWire("EQ")).isNull();
    assertThat(Operator.fromWire("between")).isNull();
    assertThat(Operator.fromWire(null)).isNull();
  }

  @Test
  void operator_operandShapes() {
    assertThat(Operator.IN.operand()).isEqualTo(Operator.Operand.VALUES);
    assertThat(Operator.NOT_IN.operand()).isEqualTo(Operator.Operand.VALUES);
    assertThat(Operator.EXISTS.operand()).isEqualTo(Operator.Operand.NONE);
    assertThat(Operator.REGEX.operand()).isEqualTo(Operator.Operand.VALUE);
    assertThat(Operator.NEQ.isNegative()).isTrue();
    assertThat(Operator.NOT_IN.isNegative()).isTrue();
    assertThat(Operator.EQ.isNegative()).isFalse();
  }

  @Test
  void flagType_wireNames() {
    assertThat(FlagType.fromWire("boolean")).isEqualTo(FlagType.BOOLEAN);
    assertThat(FlagType.fromWire("multivariate")).isEqualTo(FlagType.MULTIVARIATE);
    assertThat(FlagType.fromWire("json")).isEqualTo(FlagType.JSON);
    assertThat(FlagType.fromWire("Boolean")).isNull();
    assertThat(FlagType.JSON.wireName()).isEqualTo("json");
  }

  @Test
  void flag_indexOfVariation() {
    Flag f =
        new Flag(
            "f",
            FlagType.BOOLEAN,
            true,
            List.of(new Variation("off", BooleanNode.FALSE), new Variation("on", BooleanNode.TRUE)),
            "off",
            "off",
            null,
            List.of(),
            null);
    assertThat(f.indexOfVariation("on")).isEqualTo(1);
    assertThat(f.indexOfVariation("nope")).isEqualTo(-1);
    assertThat(f.prerequisites()).isEmpty();
  }

  @Test
  void records_copyTheirCollections() {
    List<Condition> children = new ArrayList<>(List.of(new Condition.SegmentRef("s")));
    Condition.All all = new Condition.All(children);
    children.clear();
    assertThat(all.conditions()).hasSize(1);
    Map<String, Flag> flags = new HashMap<>();
    ConfigDocument d = new ConfigDocument("e", "p", 1, null, "ab", flags, null);
    assertThat(d.segments()).isEmpty();
    assertThatThrownBy(() -> d.flags().put("x", null))
        .isInstanceOf(UnsupportedOperationException.class);
    Segment s = new Segment("s", null, null, null);
    assertThat(s.included()).isEmpty();
    assertThat(new Condition.Leaf("a", Operator.EXISTS, null, null).values()).isEmpty();
  }

  @Test
  void variation_nullValueIsJsonNull() {
    assertThat(new Variation("a", null).value()).isEqualTo(NullNode.getInstance());
  }

  @Test
  void records_requireMandatoryMembers() {
    assertThatThrownBy(() -> new Variation(null, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Prerequisite("f", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Condition.Not(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Outcome.Serve(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Rollout(List.of(), "key", null, 1, null, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Rule("r", null, null, new Outcome.Serve("a")))
        .isInstanceOf(NullPointerException.class);
  }
}
