/**
 * The ff Java SDK: {@link dev.ff.sdk.FfClient} evaluates flags in process with ff-core, on a config
 * document it keeps up to date by streaming (SSE), polling or a bootstrap file (offline mode), and
 * sends exposure and metric events.
 */
package dev.ff.sdk;
