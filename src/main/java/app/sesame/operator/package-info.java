/**
 * The platform's operators and what they run: the firms of one deployment. Their console lists
 * every firm (never the operators' own) with counts of its people, never a name or an address of
 * anyone in it; it creates a firm with its first administrator, suspends and resumes one. IT's
 * scripts do the same through a REST API behind a bearer token. Console and API share one control
 * (FirmDirectory: checks, creation, suspension) and one reading of the counts (FirmCounts, a
 * boundary since it asks the factor component's); every action is audited in the trail of the firm
 * acted on.
 */
package app.sesame.operator;
