package dev.ff.control.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * bcrypt password hashes ({@code $2b$}, the configured cost) and the password rules: at least
 * {@value #MIN_LENGTH} characters and at most {@value #MAX_BYTES} bytes of UTF-8 (bcrypt's limit;
 * longer passwords are refused rather than silently truncated).
 *
 * <p>{@link #burn()} spends the time of one verification against a dummy hash of the same cost, so
 * that a sign-in for an unknown or locked account costs what a real one does.
 */
public final class PasswordHasher {

  /** The fewest characters of a password. */
  public static final int MIN_LENGTH = 8;

  /** The most bytes (UTF-8) of a password: bcrypt reads no further. */
  public static final int MAX_BYTES = 72;

  private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;

  private final int cost;
  private final BCrypt.Hasher hasher =
      BCrypt.with(VERSION, new SecureRandom(), LongPasswordStrategies.strict(VERSION));
  private final BCrypt.Verifyer verifyer =
      BCrypt.verifyer(VERSION, LongPasswordStrategies.strict(VERSION));
  private final LongAdder verifications = new LongAdder();
  private volatile String dummyHash;

  /**
   * A hasher.
   *
   * @param cost the bcrypt cost of new hashes (4 to 31)
   */
  public PasswordHasher(int cost) {
    if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
      throw new IllegalArgumentException("bcrypt cost out of range: " + cost);
    }
    this.cost = cost;
  }

  /**
   * The cost of new hashes.
   *
   * @return log2 of the rounds
   */
  public int cost() {
    return cost;
  }

  /**
   * Why a password may not be set.
   *
   * @param password the candidate
   * @return the reason, empty when the password is acceptable
   */
  public static Optional<String> refusal(String password) {
    if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return Optional.of("must have at least " + MIN_LENGTH + " characters");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.of("must have at most " + MAX_BYTES + " bytes in UTF-8");
    }
    return Optional.empty();
  }

  /**
   * Hashes an acceptable password with a fresh salt.
   *
   * @param password the password ({@link #refusal} is empty for it)
   * @return the hash, {@code $2b$<cost>$…}
   * @throws IllegalArgumentException when the password breaks the rules
   */
  public String hash(String password) {
    refusal(password)
        .ifPresent(
            reason -> {
              throw new IllegalArgumentException("password " + reason);
            });
    return hasher.hashToString(cost, password.toCharArray());
  }

  /**
   * Checks a password against a stored hash, in time that does not depend on where they differ. A
   * password too long for bcrypt, or a malformed hash, never matches but costs the same.
   *
   * @param password the presented password
   * @param hash the stored hash
   * @return true when they match
   */
  public boolean verify(String password, String hash) {
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      burn();
      return false;
    }
    verifications.increment();
    return verifyer.verify(password.toCharArray(), hash.toCharArray()).verified;
  }

  /**
   * Spends the time of one verification (against a dummy hash of the same cost) and discards the
   * result: for unknown, locked or password-less accounts.
   */
  public void burn() {
    verifications.increment();
    verifyer.verify("not-the-password".toCharArray(), dummyHash().toCharArray());
  }

  /**
   * bcrypt verifications run so far, {@link #burn()} included (for metrics and tests).
   *
   * @return the count
   */
  public long verifications() {
    return verifications.sum();
  }

  /** The dummy hash, computed on first use (one hash at the configured cost). */
  private String dummyHash() {
    String hash = dummyHash;
    if (hash == null) {
      synchronized (this) {
        hash = dummyHash;
        if (hash == null) {
          byte[] random = new byte[18];
          new SecureRandom().nextBytes(random);
          hash =
              hasher.hashToString(
                  cost, java.util.Base64.getEncoder().encodeToString(random).toCharArray());
          dummyHash = hash;
        }
      }
    }
    return hash;
  }
}
