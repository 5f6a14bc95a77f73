package app.sesame.oidc.boundary;

import app.sesame.support.Page;
import app.sesame.support.PortalServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The firm administrators' page of the firm's apps. */
class AppsPage extends Page {
  AppsPage(WebDriver driver) {
    super(driver);
  }

  static AppsPage open(WebDriver driver) {
    driver.get(PortalServer.url("backoffice/apps.xhtml").toString());
    return new AppsPage(driver);
  }

  /** Registers a server app; the page then shows its client id and secret, once. */
  void register(String name, String redirect, String backchannel) {
    type(By.id("apps:name"), name);
    type(By.id("apps:redirects"), redirect);
    type(By.id("apps:backchannel"), backchannel);
    visible(By.id("apps:register")).click();
    visible(By.id("shown-secret"));
  }

  String clientId() {
    return text("shown-client-id");
  }

  String secret() {
    return text("shown-secret");
  }

  String notice() {
    return text("apps:messages");
  }

  String discovery() {
    return text("discovery");
  }
}
