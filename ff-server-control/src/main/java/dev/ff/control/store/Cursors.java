package dev.ff.control.store;

import dev.ff.control.domain.ValidationFailed;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque list cursors: base64url (without padding) of the last item's sort key. */
public final class Cursors {
  private Cursors() {}

  /**
   * The cursor after an item.
   *
   * @param lastKey the sort key of the page's last item
   * @return the cursor
   */
  public static String encode(String lastKey) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The sort key a cursor stands for.
   *
   * @param cursor a cursor from {@link #encode}
   * @return the key
   * @throws ValidationFailed at {@code /cursor} if the cursor is not one of ours
   */
  public static String decode(String cursor) {
    try {
      String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (key.isEmpty()) {
        throw ValidationFailed.of("/cursor", "invalid cursor");
      }
      return key;
    } catch (IllegalArgumentException e) {
      throw ValidationFailed.of("/cursor", "invalid cursor");
    }
  }
}
