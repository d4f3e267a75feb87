/** Implementation of the SDK; not a public API and may change without notice. */
package dev.ff.sdk.internal;
