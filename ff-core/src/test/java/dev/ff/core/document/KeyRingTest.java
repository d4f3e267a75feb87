package dev.ff.core.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Key rings and signing keys. */
class KeyRingTest {
  private static final SigningKey A = new SigningKey("a", new byte[] {1, 2, 3});
  private static final SigningKey B = new SigningKey("b", new byte[] {4});

  @Test
  void find_returnsTheKeyWithThatId() {
    KeyRing ring = KeyRing.of(A, B);
    assertThat(ring.find("a")).contains(A);
    assertThat(ring.find("b")).contains(B);
    assertThat(ring.find("c")).isEmpty();
    assertThat(ring.find(null)).isEmpty();
    assertThat(ring.size()).isEqualTo(2);
  }

  @Test
  void of_refusesTwoKeysWithOneId() {
    assertThatThrownBy(() -> KeyRing.of(A, new SigningKey("a", new byte[] {9})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a'");
  }

  @Test
  void signingKey_copiesTheSecretAndNeverPrintsIt() {
    byte[] secret = {7, 7, 7};
    SigningKey key = new SigningKey("k", secret);
    secret[0] = 0;
    assertThat(key.secret()).containsExactly(7, 7, 7);
    key.secret()[1] = 0;
    assertThat(key.secret()).containsExactly(7, 7, 7);
    assertThat(key.toString()).isEqualTo("SigningKey[kid=k]");
    assertThat(key).isEqualTo(new SigningKey("k", new byte[] {7, 7, 7}));
    assertThat(key.hashCode()).isEqualTo(new SigningKey("k", new byte[] {7, 7, 7}).hashCode());
    assertThat(key).isNotEqualTo(new SigningKey("k", new byte[] {7, 7}));
  }

  @Test
  void signingKey_refusesEmptyIdOrSecret() {
    assertThatThrownBy(() -> new SigningKey("", new byte[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SigningKey("k", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SigningKey(null, new byte[] {1}))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void parseList_keepsTheOrderAndRefusesMalformedEntries() {
    List<SigningKey> keys = SigningKey.parseList(" k2:new-secret , k1:old-secret,");
    assertThat(keys)
        .containsExactly(
            new SigningKey("k2", "new-secret".getBytes(StandardCharsets.UTF_8)),
            new SigningKey("k1", "old-secret".getBytes(StandardCharsets.UTF_8)));
    for (String bad : new String[] {"", " , ", "k1", "k1:", ":hunter2"}) {
      assertThatThrownBy(() -> SigningKey.parseList(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("signing keys:")
          .hasMessageNotContaining("hunter2");
    }
  }
}
