package io.downline.user.rest.dto;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.downline.user.domain.DownlineCursor;
import io.downline.user.domain.DownlinePage;

/**
 * One page of a downline, level by level. {@code next} is the opaque cursor of the following page (pass it as
 * {@code after=}); it is absent on the last page. No total: the level counts answer that.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DownlinePageView(List<GenealogyNodeView> items, String next) {

    public static DownlinePageView of(DownlinePage page, boolean full) {
        return new DownlinePageView(page.items().stream().map(node -> GenealogyNodeView.of(node, full)).toList(),
                page.next().map(DownlineCursor::token).orElse(null));
    }
}
