package app.sesame.secrets.entity;

/** An entity that a one-time secret opens: a link, a code. */
public interface HoldsSecret {
  OneTimeSecret secret();
}
