package app.sesame.signin.boundary;

import app.sesame.support.Page;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The client's home in the portal. */
public class PortalHomePage extends Page {
  public PortalHomePage(WebDriver driver) {
    super(driver);
  }

  public String welcome() {
    return visible(By.id("welcome")).getText();
  }
}
