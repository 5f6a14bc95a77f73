package app.sesame.security.boundary;

import java.io.Serializable;

/**
 * The owner proved who they are recently enough: the section that asked carries out the change.
 *
 * @param target the app or key concerned, if any
 */
public record Proven(Sensitive change, Long target) implements Serializable {
  public boolean is(Sensitive expected) {
    return change == expected;
  }
}
