package io.upwatch.api.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import io.upwatch.api.security.CurrentUser;
import io.upwatch.api.url.MonitorRegions;
import java.beans.PropertyEditorSupport;
import java.util.List;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * An empty input is an absent value, as an absent JSON field is to the API: an optional field left
 * blank takes its default (or keeps its value on edit) instead of failing as an empty string.
 * Values are not trimmed, so they are checked exactly as the API would check them. Every page also
 * gets the signed-in {@code viewer}, for its header, and the deployment's regions.
 */
@Hidden
@ControllerAdvice(basePackageClasses = DashboardBinding.class)
class DashboardBinding {

  private final MonitorRegions regions;

  DashboardBinding(MonitorRegions regions) {
    this.regions = regions;
  }

  @InitBinder
  void blankIsAbsent(WebDataBinder binder) {
    binder.registerCustomEditor(
        String.class,
        new PropertyEditorSupport() {
          @Override
          public void setAsText(String text) {
            setValue(text == null || text.isEmpty() ? null : text);
          }
        });
  }

  @ModelAttribute("viewer")
  CurrentUser viewer() {
    return Viewer.current().orElse(null);
  }

  /** The regions a monitor can be checked from, for the monitor form's choices. */
  @ModelAttribute("deploymentRegions")
  List<String> deploymentRegions() {
    return regions.deployment();
  }
}
