package app.sesame.account.boundary;

import app.sesame.support.Page;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The page to ask for a new activation link. */
public class NewLinkPage extends Page {
  public NewLinkPage(WebDriver driver) {
    super(driver);
  }

  public String request(String email) {
    type(By.id("newlink:email"), email);
    visible(By.id("newlink:submit")).click();
    return visible(By.id("newlink:sent")).getText();
  }
}
