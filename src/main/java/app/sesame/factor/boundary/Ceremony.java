package app.sesame.factor.boundary;

import java.io.Serializable;

/**
 * A key ceremony begun: what the server keeps (the request with its challenge) and what the browser
 * gets (the options, as JSON for the page's script).
 */
public record Ceremony(String requestJson, String browserJson) implements Serializable {}
