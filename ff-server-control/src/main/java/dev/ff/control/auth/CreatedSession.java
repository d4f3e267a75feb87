package dev.ff.control.auth;

/**
 * A new session and its secret. The secret is returned this once and never stored.
 *
 * @param secret the bearer secret ({@code ffu_…})
 * @param session the session
 */
public record CreatedSession(String secret, UserSession session) {
  /**
   * The session without its secret.
   *
   * @return a description safe for logs
   */
  @Override
  public String toString() {
    return "CreatedSession[session=" + session + "]";
  }
}
