/**
 * The ff evaluator as a peer: the config document {@code flags/ff.json} is validated, read and
 * compiled once with the public core API, and each measured call is one typed evaluation on the
 * compiled config.
 */
package dev.ff.jmh.peers.ff;
