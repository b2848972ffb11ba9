package io.downline.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.File;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.downline.notification.support.MailAndLoginTestResource;
import io.downline.notification.support.TestEvents;
import io.downline.notification.support.TestEvents.Member;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The live page in a real headless browser (Debian's chromium and chromium-driver): it logs in with the
 * authorization code and PKCE, shows the inbox, and a notification published afterwards appears in it.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
@WithTestResource(MailAndLoginTestResource.class)
class LivePageBrowserTest {

    @TestHTTPResource("/live/")
    java.net.URL page;

    WebDriver browser;

    @BeforeEach
    void browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    @Test
    void aMemberLogsInSeesTheInboxAndANewNotificationArrivesLive() {
        Member member = TestEvents.register(null);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.member(member.subject()))
                .when().get("/api/notifications").then().statusCode(200).body("total", equalTo(1)));
        MailAndLoginTestResource.login().logInAs(member.subject());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));

        browser.get(page.toString());
        wait.until(ExpectedConditions.textToBe(By.id("status"), "live"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#list li[data-type='welcome']")));
        assertThat(browser.getCurrentUrl()).doesNotContain("code=");

        TestEvents.commission(member.id(), member.id(), "3.00");

        WebElement arrived = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#list li[data-type='commission-earned']")));
        assertThat(arrived.findElement(By.className("title")).getText()).isEqualTo("You earned 3.00 USD");
        assertThat(arrived.getAttribute("class")).contains("fresh");
        wait.until(ExpectedConditions.textToBe(By.id("unread"), "2"));
    }
}
