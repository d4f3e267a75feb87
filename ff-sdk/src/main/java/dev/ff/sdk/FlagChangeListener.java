package dev.ff.sdk;

/** Told when a new config changes a flag's definition (or adds or removes the flag). */
@FunctionalInterface
public interface FlagChangeListener {
  /**
   * Called on the SDK's background thread after the new config is in use; must not block.
   *
   * @param event what changed
   */
  void onChange(FlagChangeEvent event);
}
