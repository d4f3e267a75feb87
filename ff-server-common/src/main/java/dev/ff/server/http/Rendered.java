package dev.ff.server.http;

import java.util.Map;

/**
 * A response turned into bytes, ready for the event loop to write.
 *
 * @param status HTTP status
 * @param headers headers to set
 * @param contentType content type, or null without body
 * @param body the body bytes
 */
record Rendered(int status, Map<String, String> headers, String contentType, byte[] body) {}
