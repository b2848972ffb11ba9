package io.downline.platform.idempotency;

import java.util.List;
import java.util.Map;

/** The response of a completed first request, replayed to every repeat with its key. */
record StoredResponse(int status, Map<String, List<String>> headers, byte[] body) {
}
