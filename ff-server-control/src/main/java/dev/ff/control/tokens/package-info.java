/**
 * API tokens: creation (the secret is shown once), listing, revocation, rotation with an overlap
 * window, and authentication of presented secrets against their peppered HMAC.
 */
package dev.ff.control.tokens;
