/**
 * LaunchDarkly's server-side Java SDK as a peer, offline: flags and the segment come from the
 * bundled {@code flags/launchdarkly.json} through the SDK's file data source, with events off.
 */
package dev.ff.jmh.peers.launchdarkly;
