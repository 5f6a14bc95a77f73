package app.sesame.factor.boundary;

import java.io.Serializable;

/** How many of one kind of second factor an account holds, as the back-office shows it. */
public record FactorCount(String type, long count) implements Serializable {
  public String getType() {
    return type;
  }

  public long getCount() {
    return count;
  }
}
