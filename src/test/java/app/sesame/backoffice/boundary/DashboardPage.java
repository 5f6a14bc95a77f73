package app.sesame.backoffice.boundary;

import app.sesame.support.Page;
import app.sesame.support.PortalServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The back-office dashboard: protected share, pending invitations, waiting and disabled accounts.
 */
public class DashboardPage extends Page {
  public DashboardPage(WebDriver driver) {
    super(driver);
  }

  public static DashboardPage open(WebDriver driver) {
    driver.get(PortalServer.url("backoffice/dashboard.xhtml").toString());
    return new DashboardPage(driver);
  }

  /** The share of active clients with a second factor, as shown ("50 %"). */
  public String protectedShare() {
    return text("protected-share");
  }

  public String pending() {
    return text("pending");
  }

  /** How many accounts wait after wrong passwords or codes, or are locked. */
  public String waitingCount() {
    return text("locked");
  }

  /** The list of waiting accounts, as read. */
  public String waitingList() {
    return text("waiting-form:waiting");
  }

  /** Lets the named account in again from the list; the message shown. */
  public String unlock(String name) {
    visible(
            By.xpath(
                "//tbody[@id='waiting-form:waiting_data']/tr[.//a[text()='"
                    + name
                    + "']]//button[contains(@class,'unlock')]"))
        .click();
    waiting().until(d -> !waitingList().contains(name));
    return messages();
  }

  public boolean hasChart() {
    visible(By.id("protected-chart"));
    return !driver.findElements(By.cssSelector("#protected-chart canvas")).isEmpty();
  }
}
