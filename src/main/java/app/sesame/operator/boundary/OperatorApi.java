package app.sesame.operator.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The portal's REST API, under {@code /api}: today the operators' API for IT's scripts, {@code
 * /api/operator/…}, behind its bearer token ({@link OperatorToken}).
 */
@ApplicationPath("api")
public class OperatorApi extends Application {}
