package app.sesame.account.entity;

import java.util.Set;

/**
 * What an account may do. A firm administrator is an accountant with the firm's settings; an
 * operator runs the platform (its firms) from the operators' own firm, and sees no firm's people.
 */
public enum Role {
  CLIENT(Set.of(Role.GROUP_CLIENT)),
  ACCOUNTANT(Set.of(Role.GROUP_ACCOUNTANT)),
  FIRM_ADMIN(Set.of(Role.GROUP_ACCOUNTANT, Role.GROUP_FIRM_ADMIN)),
  OPERATOR(Set.of(Role.GROUP_OPERATOR));

  public static final String GROUP_CLIENT = "client";
  public static final String GROUP_ACCOUNTANT = "accountant";
  public static final String GROUP_FIRM_ADMIN = "firm-admin";
  public static final String GROUP_OPERATOR = "operator";

  private final Set<String> groups;

  Role(Set<String> groups) {
    this.groups = groups;
  }

  /** The security groups of this role, mapped one to one to the web module's roles. */
  public Set<String> groups() {
    return groups;
  }

  /** A firm's staff: accountants and administrators, who work in their firm's back-office. */
  public boolean isStaff() {
    return this == ACCOUNTANT || this == FIRM_ADMIN;
  }

  /**
   * Whether the role reaches other people's accounts (firm staff) or the firms themselves
   * (operators): such an account always has a second factor and never recovers one by itself.
   */
  public boolean isPrivileged() {
    return this != CLIENT;
  }
}
