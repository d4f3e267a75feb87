package dev.ff.sdk.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** {@code unitHash} = lowercase hex HMAC-SHA256(key = UTF-8(env salt), message = UTF-8(unit)). */
public final class UnitHash {
  private UnitHash() {}

  /**
   * Hashes a unit key.
   *
   * @param salt the environment salt (from the config document)
   * @param unit the unit key
   * @return 64 lowercase hex characters
   */
  public static String of(String salt, String unit) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(unit.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
