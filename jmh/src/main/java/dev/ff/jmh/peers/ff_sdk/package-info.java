/**
 * ff's Java SDK as a peer: an {@code FfClient} started on the same config document as the {@code
 * ff} peer, with exposure tracking on and no network, measured through {@code boolVariation} and
 * {@code stringVariation} with prebuilt contexts.
 */
package dev.ff.jmh.peers.ff_sdk;
