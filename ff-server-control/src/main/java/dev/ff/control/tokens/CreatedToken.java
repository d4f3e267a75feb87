package dev.ff.control.tokens;

/**
 * A new token and its secret. The secret is returned this once and never stored.
 *
 * @param token the stored token
 * @param secret the plain secret ({@code ffa_…} or {@code ffs_…})
 */
public record CreatedToken(ApiToken token, String secret) {
  /**
   * The token without its secret.
   *
   * @return a description safe for logs
   */
  @Override
  public String toString() {
    return "CreatedToken[token=" + token + "]";
  }
}
