package app.sesame.factor.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The page fragments of every kind, in the order pages show the kinds: what the security page
 * includes, each fragment in its place, without naming a kind.
 */
@Named
@ApplicationScoped
public class FactorPages {
  @Inject SecondFactors factors;

  public List<String> getAll() {
    return factors.kinds().stream().map(SecondFactor::page).toList();
  }
}
