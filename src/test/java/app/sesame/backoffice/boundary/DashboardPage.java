package app.sesame.backoffice.boundary;

import app.sesame.support.Page;
import app.sesame.support.PortalServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The back-office dashboard: protected share, pending invitations, locked and disabled accounts.
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

  public boolean hasChart() {
    visible(By.id("protected-chart"));
    return !driver.findElements(By.cssSelector("#protected-chart canvas")).isEmpty();
  }
}
