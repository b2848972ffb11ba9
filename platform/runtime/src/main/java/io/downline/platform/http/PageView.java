package io.downline.platform.http;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list: the items, where the page is, and how many items there are in all. */
public record PageView<T>(List<T> items, int page, int size, long total) {

    public <R> PageView<R> map(Function<T, R> mapper) {
        return new PageView<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
