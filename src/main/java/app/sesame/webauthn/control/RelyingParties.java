package app.sesame.webauthn.control;

import app.sesame.settings.control.Settings;
import com.yubico.webauthn.RelyingParty;
import com.yubico.webauthn.data.RelyingPartyIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * The portal's one {@link RelyingParty}: built once from the configured identity and origin, over
 * the key repository. It keeps no state of its own between ceremonies (the pending requests stay in
 * the sessions), so one instance serves every request.
 */
@ApplicationScoped
public class RelyingParties {
  @Produces
  @Singleton
  RelyingParty relyingParty(Settings settings, KeyRepository keys) {
    return RelyingParty.builder()
        .identity(RelyingPartyIdentity.builder().id(settings.webauthnRpId()).name("Sesame").build())
        .credentialRepository(keys)
        .origins(Set.of(settings.webauthnOrigin()))
        .build();
  }
}
