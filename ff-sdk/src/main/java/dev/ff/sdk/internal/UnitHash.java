package dev.ff.sdk.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code unitHash} = lowercase hex HMAC-SHA256(key = UTF-8(env salt), message = UTF-8(unit)).
 *
 * <p>Each thread keeps one {@link Mac} initialised with the last salt it used, so hashing the units
 * of one environment does not look up and key a new {@code Mac} every time.
 */
public final class UnitHash {
  private static final HexFormat HEX = HexFormat.of();
  private static final ThreadLocal<Keyed> MACS = new ThreadLocal<>();

  private UnitHash() {}

  /** A MAC keyed with one salt. */
  private record Keyed(String salt, Mac mac) {}

  /**
   * Hashes a unit key.
   *
   * @param salt the environment salt (from the config document)
   * @param unit the unit key
   * @return 64 lowercase hex characters
   */
  public static String of(String salt, String unit) {
    Keyed k = MACS.get();
    if (k == null || !k.salt().equals(salt)) {
      k = new Keyed(salt, newMac(salt));
      MACS.set(k);
    }
    // doFinal resets the MAC to its keyed initial state, ready for the next unit.
    return HEX.formatHex(k.mac().doFinal(unit.getBytes(StandardCharsets.UTF_8)));
  }

  private static Mac newMac(String salt) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
