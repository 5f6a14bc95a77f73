package app.sesame.factor.entity;

import app.sesame.account.entity.Account;
import java.time.Instant;

/** What the entities of named second factors (apps, keys) have in common. */
public interface FactorDevice {
  /** The longest name a device may have. */
  int MAX_NAME = 60;

  Long getId();

  Account getAccount();

  String getName();

  void rename(String name);

  Instant getCreatedAt();

  Instant getLastUsedAt();
}
