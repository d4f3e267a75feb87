package dev.ff.control.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer secrets that are stored only as a keyed hash: generation (a prefix and 32 random bytes in
 * unpadded base64url), HMAC-SHA256 under a pepper kept outside the database, and constant-time
 * comparison.
 */
public final class Secrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] pepper;

  /**
   * Secrets hashed under a pepper.
   *
   * @param pepper the HMAC key (at least 16 bytes)
   */
  public Secrets(byte[] pepper) {
    if (pepper.length < 16) {
      throw new IllegalArgumentException("the pepper needs at least 16 bytes");
    }
    this.pepper = pepper.clone();
  }

  /**
   * A new random secret.
   *
   * @param prefix what it starts with, e.g. {@code ffu_}
   * @return the prefix and 32 random bytes in unpadded base64url
   */
  public static String generate(String prefix) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * The stored form of a secret.
   *
   * @param secret the secret
   * @return lowercase hex HMAC-SHA256(pepper, secret)
   */
  public String hash(String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }

  /**
   * Compares two strings in time that depends only on their lengths.
   *
   * @param a one
   * @param b the other
   * @return true when equal
   */
  public static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
