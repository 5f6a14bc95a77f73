package app.sesame.factor.boundary;

import java.util.List;

/**
 * A second factor was added on the current page, for the page's other parts to show it.
 *
 * @param recoveryCodes the new recovery codes that came with it, to show once; often none
 */
public record FactorAdded(List<String> recoveryCodes) {}
