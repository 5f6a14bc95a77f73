package app.sesame.factor.boundary;

import java.io.Serializable;

/**
 * The owner proved who they are recently enough: the section that asked carries out the change.
 * Each section names its own changes ({@code "app.remove"}, {@code "firm.policy"}…).
 *
 * @param target the device or the person concerned, if any
 */
public record Proven(String change, Long target) implements Serializable {
  public boolean is(String expected) {
    return change.equals(expected);
  }
}
