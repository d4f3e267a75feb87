/**
 * Unleash's Java SDK as a peer, offline: toggles and the segment come from the bundled {@code
 * flags/unleash.json} through a bootstrap file, with polling, metrics and fetching off. Evaluation
 * runs in the SDK's bundled native engine.
 */
package dev.ff.jmh.peers.unleash;
