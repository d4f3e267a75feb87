/**
 * OpenFeature provider backed by {@link dev.ff.sdk.FfClient} (needs {@code dev.openfeature:sdk} on
 * the class path).
 */
package dev.ff.sdk.openfeature;
