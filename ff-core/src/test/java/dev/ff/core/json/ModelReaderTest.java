package dev.ff.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ff.core.model.Condition;
import dev.ff.core.model.ConfigDocument;
import dev.ff.core.model.ExclusionGroupRange;
import dev.ff.core.model.Flag;
import dev.ff.core.model.FlagType;
import dev.ff.core.model.Operator;
import dev.ff.core.model.Outcome;
import dev.ff.core.model.Prerequisite;
import dev.ff.core.model.Rollout;
import dev.ff.core.model.Segment;
import dev.ff.core.model.WeightedVariation;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelReaderTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode json(String s) {
    try {
      return MAPPER.readTree(s.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String FLAG =
      "{'key':'checkout','type':'multivariate','enabled':true,'description':'d','colour':'x',"
          + "'variations':[{'key':'control','value':'c'},{'key':'treatment','value':'t'}],"
          + "'offVariation':'control','defaultVariation':'control',"
          + "'prerequisites':[{'flag':'cart','variation':'on'}],"
          + "'rules':["
          + "{'id':'beta','description':'b','if':{'segment':'beta'},'then':{'variation':'treatment'}},"
          + "{'id':'split','if':{'all':[{'attr':'country','op':'in','values':['NL',1]},"
          + "{'any':[]},{'not':{'attr':'v','op':'exists'}}]},"
          + "'then':{'rollout':{'variations':[{'variation':'control','weight':5000},"
          + "{'variation':'treatment','weight':5000.0}]}}},"
          + "{'id':'full','if':{'attr':'v','op':'semver_gt','value':'1.2'},"
          + "'then':{'rollout':{'variations':[{'variation':'control','weight':10000}],"
          + "'bucketBy':'user.id','seed':'s1','coverage':2500,'experiment':'exp',"
          + "'exclusionGroup':{'key':'layer','start':0,'end':5000}}}}]}";

  @Test
  void readFlag_readsEveryMember() {
    Flag f = ModelReader.readFlag(json(FLAG));
    assertThat(f.key()).isEqualTo("checkout");
    assertThat(f.type()).isEqualTo(FlagType.MULTIVARIATE);
    assertThat(f.enabled()).isTrue();
    assertThat(f.description()).isEqualTo("d");
    assertThat(f.variations()).extracting(v -> v.key()).containsExactly("control", "treatment");
    assertThat(f.variations().get(1).value()).isEqualTo(TextNode.valueOf("t"));
    assertThat(f.offVariation()).isEqualTo("control");
    assertThat(f.defaultVariation()).isEqualTo("control");
    assertThat(f.prerequisites()).containsExactly(new Prerequisite("cart", "on"));
    assertThat(f.rules()).hasSize(3);
    assertThat(f.rules().get(0).description()).isEqualTo("b");
    assertThat(f.rules().get(0).condition()).isEqualTo(new Condition.SegmentRef("beta"));
    assertThat(f.rules().get(0).outcome()).isEqualTo(new Outcome.Serve("treatment"));
  }

  @Test
  void readFlag_conditionsAndRolloutDefaults() {
    Flag f = ModelReader.readFlag(json(FLAG));
    Condition.All all = (Condition.All) f.rules().get(1).condition();
    Condition.Leaf in = (Condition.Leaf) all.conditions().get(0);
    assertThat(in.op()).isEqualTo(Operator.IN);
    assertThat(in.attr()).isEqualTo("country");
    assertThat(in.value()).isNull();
    assertThat(in.values()).containsExactly(json("'NL'"), json("1"));
    assertThat(all.conditions().get(1)).isEqualTo(new Condition.Any(List.of()));
    Condition.Not not = (Condition.Not) all.conditions().get(2);
    assertThat(((Condition.Leaf) not.condition()).op()).isEqualTo(Operator.EXISTS);
    Rollout r = (Rollout) f.rules().get(1).outcome();
    assertThat(r.variations())
        .containsExactly(
            new WeightedVariation("control", 5000), new WeightedVariation("treatment", 5000));
    assertThat(r.bucketBy()).isEqualTo("key");
    assertThat(r.seed()).isEqualTo("checkout");
    assertThat(r.coverage()).isEqualTo(10_000);
    assertThat(r.experiment()).isNull();
    assertThat(r.exclusionGroup()).isNull();
  }

  @Test
  void readFlag_explicitRolloutMembers() {
    Flag f = ModelReader.readFlag(json(FLAG));
    Rollout r = (Rollout) f.rules().get(2).outcome();
    assertThat(r.bucketBy()).isEqualTo("user.id");
    assertThat(r.seed()).isEqualTo("s1");
    assertThat(r.coverage()).isEqualTo(2500);
    assertThat(r.experiment()).isEqualTo("exp");
    assertThat(r.exclusionGroup()).isEqualTo(new ExclusionGroupRange("layer", 0, 5000));
    Condition.Leaf leaf = (Condition.Leaf) f.rules().get(2).condition();
    assertThat(leaf.value()).isEqualTo(TextNode.valueOf("1.2"));
    assertThat(leaf.values()).isEmpty();
  }

  @Test
  void readFlag_optionalMembersMayBeAbsentOrNull() {
    Flag f =
        ModelReader.readFlag(
            json(
                "{'key':'f','type':'json','enabled':false,'variations':[{'key':'a','value':null}],"
                    + "'offVariation':'a','defaultVariation':'a','rules':[],'prerequisites':null,"
                    + "'description':null}"));
    assertThat(f.prerequisites()).isEmpty();
    assertThat(f.description()).isNull();
    assertThat(f.variations().get(0).value().isNull()).isTrue();
  }

  @Test
  void readDocument_readsFlagsAndSegmentsInOrder() {
    String doc =
        "{'env':'prod','project':'shop','version':42,'publishedAt':'2026-11-24T10:00:00Z',"
            + "'salt':'9f2c','signature':{'alg':'HMAC-SHA256','kid':'k1','value':'x'},"
            + "'flags':{'z':"
            + FLAG.replace("'checkout'", "'z'")
            + ",'a':"
            + FLAG.replace("'checkout'", "'a'")
            + "},"
            + "'segments':{'beta':{'key':'beta','included':['u1'],'excluded':['u2'],"
            + "'if':{'attr':'plan','op':'eq','value':'pro'}},'bare':{'key':'bare'}}}";
    ConfigDocument d = ModelReader.readDocument(json(doc));
    assertThat(d.env()).isEqualTo("prod");
    assertThat(d.project()).isEqualTo("shop");
    assertThat(d.version()).isEqualTo(42);
    assertThat(d.publishedAt()).isEqualTo("2026-11-24T10:00:00Z");
    assertThat(d.salt()).isEqualTo("9f2c");
    assertThat(d.flags().keySet()).containsExactly("z", "a");
    assertThat(d.segments().keySet()).containsExactly("beta", "bare");
    Segment beta = d.segments().get("beta");
    assertThat(beta.included()).containsExactly("u1");
    assertThat(beta.excluded()).containsExactly("u2");
    assertThat(beta.condition()).isInstanceOf(Condition.Leaf.class);
    Segment bare = d.segments().get("bare");
    assertThat(bare.included()).isEmpty();
    assertThat(bare.excluded()).isEmpty();
    assertThat(bare.condition()).isNull();
  }

  @Test
  void readFlag_copiesValues() {
    ObjectNode flag = (ObjectNode) json(FLAG);
    Flag f = ModelReader.readFlag(flag);
    ((ObjectNode) flag.get("variations").get(0)).put("value", "changed");
    assertThat(f.variations().get(0).value()).isEqualTo(TextNode.valueOf("c"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[]",
        "{'type':'boolean','enabled':true,'variations':[],'offVariation':'a','defaultVariation':'a','rules':[]}",
        "{'key':'f','type':'colour','enabled':true,'variations':[],'offVariation':'a','defaultVariation':'a','rules':[]}",
        "{'key':'f','type':'json','enabled':'yes','variations':[],'offVariation':'a','defaultVariation':'a','rules':[]}",
        "{'key':'f','type':'json','enabled':true,'variations':{},'offVariation':'a','defaultVariation':'a','rules':[]}",
        "{'key':'f','type':'json','enabled':true,'variations':[1],'offVariation':'a','defaultVariation':'a','rules':[]}",
        "{'key':'f','type':'json','enabled':true,'variations':[{'key':'a'}],'offVariation':'a','defaultVariation':'a','rules':[]}",
        "{'key':'f','type':'json','enabled':true,'variations':[],'offVariation':1,'defaultVariation':'a','rules':[]}",
        "{'key':'f','type':'json','enabled':true,'variations':[],'offVariation':'a','defaultVariation':'a'}",
        "{'key':'f','type':'json','enabled':true,'variations':[],'offVariation':'a','defaultVariation':'a','rules':[],'prerequisites':{}}",
        "{'key':'f','type':'json','enabled':true,'variations':[],'offVariation':'a','defaultVariation':'a','rules':[],'prerequisites':['x']}",
        "{'key':'f','type':'json','enabled':true,'variations':[],'offVariation':'a','defaultVariation':'a','rules':[1]}",
        "{'key':'f','type':'json','enabled':true,'variations':[],'offVariation':'a','defaultVariation':'a','rules':[{'id':'r','then':{'variation':'a'}}]}",
        "{'key':'f','type':'json','enabled':true,'variations':[],'offVariation':'a','defaultVariation':'a','rules':[{'id':'r','if':{'all':[]}}]}",
        "{'key':'f','type':'json','enabled':true,'variations':[],'offVariation':'a','defaultVariation':'a','rules':[{'id':'r','if':{'all':[]},'then':{}}]}",
        "{'key':'f','type':'json','enabled':true,'variations':[],'offVariation':'a','defaultVariation':'a','rules':[{'id':'r','if':{'all':[]},'then':{'variation':'a','rollout':{}}}]}",
        "{'key':'f','type':'json','enabled':true,'variations':[],'offVariation':'a','defaultVariation':'a','rules':[{'id':'r','if':{'all':[]},'then':{'rollout':{'variations':[{'variation':'a','weight':1.5}]}}}]}",
        "{'key':'f','type':'json','enabled':true,'variations':[],'offVariation':'a','defaultVariation':'a','rules':[{'id':'r','if':{'all':[]},'then':{'rollout':{'variations':[{'variation':'a','weight':'1'}]}}}]}",
        "{'key':'f','type':'json','enabled':true,'variations':[],'offVariation':'a','defaultVariation':'a','rules':[{'id':'r','if':{'all':[]},'then':{'rollout':{'variations':[],'exclusionGroup':{'key':'g','start':0}}}}]}",
        "{'key':'f','type':'json','enabled':true,'variations':[],'offVariation':'a','defaultVariation':'a','rules':[{'id':'r','if':{'all':[]},'then':{'rollout':{'variations':[],'seed':5}}}]}"
      })
  void readFlag_unreadableInput_throws(String flag) {
    assertThatThrownBy(() -> ModelReader.readFlag(json(flag)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1",
        "{}",
        "{'all':{}}",
        "{'all':[],'any':[]}",
        "{'attr':'a','op':'eq','value':1,'segment':'s'}",
        "{'attr':'a','op':'between','value':1}",
        "{'attr':'a','op':'eq'}",
        "{'attr':'a','op':'in','values':'x'}",
        "{'attr':'a','op':'in'}",
        "{'op':'exists'}",
        "{'attr':1,'op':'exists'}",
        "{'attr':'a','op':5}",
        "{'segment':7}",
        "{'not':[]}"
      })
  void readCondition_unreadableInput_throws(String condition) {
    assertThatThrownBy(() -> ModelReader.readCondition(json(condition)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readCondition_tooDeep_throwsInsteadOfOverflowing() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode c = f.objectNode().set("all", f.arrayNode());
    for (int i = 0; i < 5_000; i++) {
      c = f.objectNode().set("not", c);
    }
    ObjectNode deep = c;
    assertThatThrownBy(() -> ModelReader.readCondition(deep))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deep");
  }

  @Test
  void readSegment_badLists_throw() {
    assertThatThrownBy(() -> ModelReader.readSegment(json("{'key':'s','included':'u1'}")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ModelReader.readSegment(json("{'key':'s','excluded':[1]}")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ModelReader.readSegment(json("{'key':'s','included':null,'if':null}")).included())
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'project':'p','version':1,'salt':'a','flags':{},'segments':{}}",
        "{'env':'e','project':'p','version':'1','salt':'a','flags':{},'segments':{}}",
        "{'env':'e','project':'p','version':1.5,'salt':'a','flags':{},'segments':{}}",
        "{'env':'e','project':'p','version':1,'salt':'a','flags':[],'segments':{}}",
        "{'env':'e','project':'p','version':1,'salt':'a','flags':{}}",
        "{'env':'e','project':'p','version':1,'salt':'a','flags':{},'segments':{'s':{'key':'t'}}}",
        "{'env':'e','project':'p','version':1,'salt':'a','flags':{},'segments':{},'publishedAt':5}",
        "{'env':'e','project':'p','version':1,'salt':'a','flags':{'f':{'key':'g','type':'json',"
            + "'enabled':true,'variations':[],'offVariation':'a','defaultVariation':'a','rules':[]}},"
            + "'segments':{}}"
      })
  void readDocument_unreadableInput_throws(String doc) {
    assertThatThrownBy(() -> ModelReader.readDocument(json(doc)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readDocument_errorMessageNamesThePointer() {
    String doc =
        "{'env':'e','project':'p','version':1,'salt':'a','segments':{},'flags':{'a/b':{'key':'x',"
            + "'type':'json','enabled':true,'variations':[],'offVariation':'a',"
            + "'defaultVariation':'a','rules':[{'id':'r','if':{'attr':'a','op':'nope'},"
            + "'then':{'variation':'a'}}]}}}";
    assertThatThrownBy(() -> ModelReader.readDocument(json(doc)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("/flags/a~1b/rules/0/if/op");
  }
}
