package dev.ff.control.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ff.control.domain.ValidationFailed;
import dev.ff.control.service.Input;
import java.util.List;

/**
 * A request to change one's own password.
 *
 * @param currentPassword the password in use
 * @param newPassword the password to set (it follows {@link PasswordHasher#refusal the rules})
 */
public record PasswordChange(String currentPassword, String newPassword) {

  /**
   * Reads {@code {"currentPassword", "newPassword"}}.
   *
   * @param body the request body
   * @return the change
   * @throws ValidationFailed with every problem (JSON Pointers into the body)
   */
  public static PasswordChange parse(JsonNode body) {
    Input in = Input.of(body, List.of("currentPassword", "newPassword"));
    String current = in.text("currentPassword", true);
    String next = in.text("newPassword", true);
    if (next != null) {
      PasswordHasher.refusal(next).ifPresent(reason -> in.problem("/newPassword", reason));
    }
    in.check();
    return new PasswordChange(current, next);
  }

  /**
   * Hides both passwords.
   *
   * @return a description safe for logs
   */
  @Override
  public String toString() {
    return "PasswordChange[***]";
  }
}
