package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.Instant;
import org.tongban.identity.internal.Totp;

/** What a staff member does in the browser to sign in for the first time: password, then set up the app. */
final class SignInSteps {

  private SignInSteps() {}

  /** Signs in at {@code base} and enrols an authenticator, acting as the app from the secret on the page. */
  /** A resident signs in with phone and password on a new page of {@code context}. */
  static Page residentSignsIn(com.microsoft.playwright.BrowserContext context, String base, String phone, String password) {
    var page = context.newPage();
    page.navigate(base + "/login");
    page.fill("#username", phone);
    page.fill("#password", password);
    page.click("button:text-is('登录')");
    page.waitForURL(u -> !u.contains("/login"));
    return page;
  }

  static void signInAndEnrolAuthenticator(Page page, String base, String username, String password, String shots) {
    page.navigate(base + "/login");
    page.fill("#username", username);
    page.fill("#password", password);
    page.click("button:text-is('登录')");
    page.waitForSelector("#totp-secret");
    assertThat(page.locator("img[src^='data:image/png']").count()).isEqualTo(1);
    if (shots != null) page.screenshot(new Page.ScreenshotOptions().setPath(BrowserJourneyTests.SHOTS.resolve(shots + "-enrol.png")));
    byte[] secret = Totp.fromBase32(page.locator("#totp-secret").textContent());
    page.fill("#code", Totp.code(secret, Totp.step(Instant.now())));
    page.click("button:text-is('绑定')");
    page.waitForSelector("#recovery-codes");
    assertThat(page.locator("#recovery-codes li").count()).isEqualTo(10);
    if (shots != null) page.screenshot(new Page.ScreenshotOptions().setPath(BrowserJourneyTests.SHOTS.resolve(shots + "-recovery-codes.png")));
    page.click("text=我已保存，继续");
  }
}
