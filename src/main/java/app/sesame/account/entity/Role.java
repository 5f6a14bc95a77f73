package app.sesame.account.entity;

import java.util.Set;

/** What an account may do. A firm administrator is an accountant with the firm's settings. */
public enum Role {
  CLIENT(Set.of(Role.GROUP_CLIENT)),
  ACCOUNTANT(Set.of(Role.GROUP_ACCOUNTANT)),
  FIRM_ADMIN(Set.of(Role.GROUP_ACCOUNTANT, Role.GROUP_FIRM_ADMIN));

  public static final String GROUP_CLIENT = "client";
  public static final String GROUP_ACCOUNTANT = "accountant";
  public static final String GROUP_FIRM_ADMIN = "firm-admin";

  private final Set<String> groups;

  Role(Set<String> groups) {
    this.groups = groups;
  }

  /** The security groups of this role, mapped one to one to the web module's roles. */
  public Set<String> groups() {
    return groups;
  }

  public boolean isStaff() {
    return this != CLIENT;
  }
}
