package io.downline.platform.testapp;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record WidgetRequest(@NotBlank @Size(max = 40) String name) {
}
