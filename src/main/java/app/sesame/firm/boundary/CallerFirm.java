package app.sesame.firm.boundary;

import java.util.Optional;

/** The firm of whoever is signed in on this request, if anyone is: the brand the pages show. */
public interface CallerFirm {
  Optional<Long> firmId();
}
