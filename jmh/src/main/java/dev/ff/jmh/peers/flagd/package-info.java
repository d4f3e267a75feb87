/**
 * OpenFeature's Java SDK with the flagd provider as a peer, in-process: the provider reads the
 * bundled {@code flags/flagd.json} itself (no flagd daemon, no gRPC) and evaluates its JsonLogic
 * targeting on every call, behind the ordinary OpenFeature client.
 */
package dev.ff.jmh.peers.flagd;
