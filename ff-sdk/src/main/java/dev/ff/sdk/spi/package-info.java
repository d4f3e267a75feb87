/**
 * Extension points of the SDK: {@link dev.ff.sdk.spi.ConfigStore} (where the last verified document
 * is kept, e.g. shared through Redis) and {@link dev.ff.sdk.spi.DataSource} (where documents come
 * from).
 */
package dev.ff.sdk.spi;
