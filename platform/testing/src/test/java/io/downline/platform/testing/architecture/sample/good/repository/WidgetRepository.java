package io.downline.platform.testing.architecture.sample.good.repository;

import java.util.ArrayList;
import java.util.List;

import io.downline.platform.testing.architecture.sample.good.domain.Widget;

public class WidgetRepository {

    private final List<Widget> widgets = new ArrayList<>();

    public void add(Widget widget) {
        widgets.add(widget);
    }
}
