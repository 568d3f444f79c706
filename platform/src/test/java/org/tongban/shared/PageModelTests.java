package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** Page models are added to pages only: a JSON answer (no model and view) and a redirect get nothing. */
class PageModelTests {

  private final ArrayList<ModelAndView> added = new ArrayList<>();
  private final PageModel model = (request, page) -> added.add(page);

  private void handled(ModelAndView view) {
    model.postHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), new Object(), view);
  }

  @Test
  void onlyPagesGetThePageModel() {
    handled(null);
    handled(new ModelAndView("redirect:/workbench"));
    handled(new ModelAndView(new RedirectView("/workbench")));
    assertThat(added).isEmpty();
    var page = new ModelAndView("workbench/index");
    handled(page);
    assertThat(added).containsExactly(page);
  }
}
