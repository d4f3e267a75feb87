/**
 * Config documents on the wire: RFC 8785 (JCS) canonical JSON, HMAC-SHA256 signatures with key ids
 * for rotation, and application of streamed patches.
 *
 * <p>A document's signature covers the canonical form of the document without its {@code signature}
 * member. {@link dev.ff.core.document.DocumentSigner} signs and verifies, {@link
 * dev.ff.core.document.KeyRing} holds the keys a receiver accepts, and {@link
 * dev.ff.core.document.ConfigPatches} turns a base document and a patch into the next version (the
 * caller verifies the result's signature and falls back to fetching the whole document on failure).
 */
package dev.ff.core.document;
