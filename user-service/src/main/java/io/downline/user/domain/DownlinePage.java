package io.downline.user.domain;

import java.util.List;
import java.util.Optional;

/** One keyset page of a downline; {@code next} is where the following page starts, empty on the last page. */
public record DownlinePage(List<TreeNode> items, Optional<DownlineCursor> next) {
}
